import { Type } from '@sinclair/typebox';

/** A string enum schema that keeps its literal type. */
export const literalUnion = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

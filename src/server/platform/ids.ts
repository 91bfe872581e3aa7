import { v7 } from 'uuid';

export const newId = (): string => v7();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that are not UUID-shaped cannot exist; checking first keeps PostgreSQL from a cast error. */
export const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export const nowIso = (): string => new Date().toISOString();

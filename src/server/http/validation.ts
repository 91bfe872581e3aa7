import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { FieldError } from '../../contract/errors';

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({ allErrors: false, coerceTypes, useDefaults: true, removeAdditional: false, strict: false });
  addFormats(ajv);
  return ajv;
}

/**
 * Bodies are validated without type coercion (a number where text belongs is an error), query
 * strings and path parameters with it (they arrive as text).
 */
export function installValidators(app: FastifyInstance) {
  const strict = makeAjv(false);
  const lenient = makeAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : lenient).compile(schema as FastifySchema));
  // Responses go out with JSON.stringify: response schemas document, they do not filter.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}

const pathOf = (instancePath: string) => instancePath.replace(/^\//, '').replace(/\//g, '.');

/** Turns validator errors into field errors that name the offending field. */
export function toFieldErrors(errors: ErrorObject[], part: string | undefined): FieldError[] {
  const out = new Map<string, string>();
  const prefix = part && part !== 'body' ? `${part}.` : '';
  for (const e of errors) {
    let field = pathOf(e.instancePath);
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      field = [field, (e.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.');
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      field = [field, (e.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('.');
      message = 'is not a known field';
    } else if (e.keyword === 'maxLength') {
      message = `must be at most ${(e.params as { limit: number }).limit} characters`;
    }
    const key = prefix + (field || part || 'body');
    if (!out.has(key)) out.set(key, message);
  }
  return [...out].map(([field, message]) => ({ field, message }));
}

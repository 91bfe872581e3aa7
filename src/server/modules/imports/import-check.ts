import { FormatRegistry, type TSchema, TypeRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { isHttpUrl } from '../../platform/normalize';
import type { DealRefs } from './import-sales-mapping';
import '../../platform/jobs/payload-check';

if (!FormatRegistry.Has('uri')) FormatRegistry.Set('uri', isHttpUrl);
// The contract's string enums (literalUnion) are `Unsafe` schemas, which the checker needs told about.
if (!TypeRegistry.Has('Unsafe')) {
  TypeRegistry.Set('Unsafe', (schema: { type?: string; enum?: unknown[] }, value) =>
    schema.enum ? schema.enum.includes(value) : schema.type !== 'string' || typeof value === 'string',
  );
}

/** A row as a create input for the record service (with what it names for the chunk to resolve), or why it cannot be one. */
export type Converted = { input: Record<string, any>; companyName?: string; refs?: DealRefs } | { error: string };

/** The input if it fits the create schema, else the first reason it does not (`emails.1.email: …`). */
export function checked(schema: TSchema, input: Record<string, any>, companyName?: string): Converted {
  if (!Value.Check(schema, input)) {
    const first = Value.Errors(schema, input).First();
    const field = (first?.path ?? '').replace(/^\//, '').replace(/\//g, '.');
    // A closed list of values reads better as the list than as TypeBox's "Expected union value".
    const schemaOf = first?.schema as { enum?: unknown[]; anyOf?: { enum?: unknown[] }[] } | undefined;
    const allowed = schemaOf?.enum ?? schemaOf?.anyOf?.find((a) => a.enum)?.enum;
    const message = allowed ? `"${String(first?.value)}" is not one of ${allowed.join(', ')}` : (first?.message ?? 'is invalid');
    return { error: `${field || 'row'}: ${message}` };
  }
  return { input, companyName };
}

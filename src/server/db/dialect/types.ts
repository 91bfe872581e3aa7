import type { RawBuilder, Expression, SqlBool } from 'kysely';

export type ValueKind = 'text' | 'number' | 'boolean';

/**
 * What differs between SQLite and PostgreSQL. Modules never ask which database they run on;
 * they call these.
 */
export type Dialect = {
  name: 'sqlite' | 'postgres';
  json: { read<T>(value: unknown, fallback: T): T; write(value: unknown): string };
  /** A text expression compared case-insensitively (NOCASE on SQLite, lower() COLLATE "C" on PostgreSQL). */
  ci(expr: Expression<unknown>): RawBuilder<string>;
  /** Lower-cases a comparison value the way `ci` does. */
  ciValue(value: string): string;
  /** Case-insensitive substring match. */
  contains(expr: Expression<unknown>, needle: string): RawBuilder<SqlBool>;
  /** Case-insensitive prefix match that can use the `ci` index. */
  startsWith(expr: Expression<unknown>, prefix: string): RawBuilder<SqlBool>;
  /** A scalar inside a JSON object column, typed for comparison. */
  jsonField(column: Expression<unknown>, key: string, kind: ValueKind): RawBuilder<unknown>;
  /** A JSON array inside a JSON object column (or the column itself when key is null). */
  jsonArray(column: Expression<unknown>, key: string | null): RawBuilder<unknown>;
  arrayHas(array: RawBuilder<unknown>, value: string): RawBuilder<SqlBool>;
  arrayIsEmpty(array: RawBuilder<unknown>): RawBuilder<SqlBool>;
  /** The JSON object column without `key`. */
  jsonWithout(column: Expression<unknown>, key: string): RawBuilder<unknown>;
  isUniqueViolation(err: unknown): boolean;
};

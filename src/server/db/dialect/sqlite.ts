import { sql } from 'kysely';
import type { Dialect } from './types';
import { escapeLike, readJson } from './shared';

const jsonPath = (key: string) => `$."${key.replace(/"/g, '')}"`;

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  json: { read: readJson, write: (v) => JSON.stringify(v) },
  ci: (expr) => sql<string>`${expr} collate nocase`,
  // NOCASE folds ASCII only; keep values as given so SQLite does the folding.
  ciValue: (v) => v,
  contains: (expr, needle) => sql`${expr} like ${`%${escapeLike(needle)}%`} escape '\\'`,
  // A range on the NOCASE index instead of LIKE: SQLite only turns LIKE into an index range
  // under narrow conditions, a range always is one.
  startsWith: (expr, prefix) => sql`(${expr} collate nocase >= ${prefix} and ${expr} collate nocase < ${`${prefix}\u{10FFFF}`})`,
  jsonField: (column, key, kind) => {
    const v = sql`json_extract(${column}, ${jsonPath(key)})`;
    return kind === 'text' ? sql`cast(${v} as text)` : v;
  },
  jsonArray: (column, key) => (key === null ? sql`${column}` : sql`json_extract(${column}, ${jsonPath(key)})`),
  arrayHas: (array, value) =>
    sql`exists (select 1 from json_each(${array}) where json_each.value = ${value} collate nocase)`,
  arrayIsEmpty: (array) => sql`coalesce(json_array_length(${array}), 0) = 0`,
  jsonWithout: (column, key) => sql`json_remove(${column}, ${jsonPath(key)})`,
  isUniqueViolation: (err) =>
    typeof err === 'object' && err !== null && 'code' in err && String((err as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT_'),
};

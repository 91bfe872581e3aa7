import { sql } from 'kysely';
import type { Dialect } from './types';
import { escapeLike, readJson } from './shared';

export const postgresDialect: Dialect = {
  name: 'postgres',
  json: { read: readJson, write: (v) => JSON.stringify(v) },
  ci: (expr) => sql<string>`lower(${expr}) collate "C"`,
  ciValue: (v) => v.toLowerCase(),
  contains: (expr, needle) => sql`lower(${expr}) like ${`%${escapeLike(needle.toLowerCase())}%`}`,
  startsWith: (expr, prefix) => sql`lower(${expr}) collate "C" like ${`${escapeLike(prefix.toLowerCase())}%`}`,
  jsonField: (column, key, kind) => {
    const v = sql`(${column} ->> ${sql.lit(key)})`;
    if (kind === 'number') return sql`(${v})::double precision`;
    if (kind === 'boolean') return sql`((${v})::boolean)::int`;
    return v;
  },
  jsonArray: (column, key) => (key === null ? sql`${column}` : sql`(${column} -> ${sql.lit(key)})`),
  arrayHas: (array, value) =>
    sql`exists (select 1 from jsonb_array_elements_text(case when jsonb_typeof(${array}) = 'array' then ${array} else '[]'::jsonb end) e where lower(e) = ${value.toLowerCase()})`,
  arrayIsEmpty: (array) =>
    sql`coalesce(jsonb_array_length(case when jsonb_typeof(${array}) = 'array' then ${array} else '[]'::jsonb end), 0) = 0`,
  jsonWithout: (column, key) => sql`(${column} - ${key}::text)`,
  isUniqueViolation: (err) => typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505',
};

// Frozen helpers for migrations: they must not import application code, so the few
// SQLite/PostgreSQL differences that DDL needs live here.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export const jsonType = (db: Kysely<any>) => (isPostgres(db) ? sql`jsonb` : sql`text`);
export const idType = (db: Kysely<any>) => (isPostgres(db) ? sql`uuid` : sql`text`);

/** Case-insensitive text: NOCASE on SQLite; on PostgreSQL the indexes use lower(col) COLLATE "C". */
export const ciText = (db: Kysely<any>) => (isPostgres(db) ? sql`text` : sql`text collate nocase`);

/** An index for case-insensitive equality, prefix match and sort on a text column. */
export async function ciIndex(db: Kysely<any>, name: string, table: string, columns: string[], where?: string) {
  const cols = columns
    .map((c) => {
      const [col, kind] = c.split(':');
      if (kind !== 'ci') return col;
      return isPostgres(db) ? `lower(${col}) collate "C"` : `${col} collate nocase`;
    })
    .join(', ');
  await sql.raw(`create index ${name} on ${table} (${cols})${where ? ` where ${where}` : ''}`).execute(db);
}

/**
 * An index for lists sorted by `column` (`name:ci` for case-insensitive text), ties broken by id.
 * Lists sort NULLs first going up and last going down, as SQLite does on its own; a PostgreSQL
 * index must say NULLS FIRST to give that order (read backwards, the other one), or every sorted
 * page reads and sorts all the matching rows.
 */
export async function sortIndex(db: Kysely<any>, name: string, table: string, column: string, where?: string) {
  const [col, kind] = column.split(':');
  const expr = kind !== 'ci' ? col : isPostgres(db) ? `lower(${col}) collate "C"` : `${col} collate nocase`;
  const order = isPostgres(db) ? ' nulls first' : '';
  await sql.raw(`create index ${name} on ${table} (workspace_id, ${expr}${order}, id)${where ? ` where ${where}` : ''}`).execute(db);
}

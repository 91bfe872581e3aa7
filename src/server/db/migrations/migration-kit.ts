// Frozen helpers for migrations: they must not import application code, so the few
// SQLite/PostgreSQL differences that DDL needs live here.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export const jsonType = (db: Kysely<any>) => (isPostgres(db) ? sql`jsonb` : sql`text`);
export const idType = (db: Kysely<any>) => (isPostgres(db) ? sql`uuid` : sql`text`);

/** Case-insensitive text: NOCASE on SQLite; on PostgreSQL the indexes use lower(col) COLLATE "C". */
export const ciText = (db: Kysely<any>) => (isPostgres(db) ? sql`text` : sql`text collate nocase`);

/** An index column: `name:ci` is case-insensitive text, compared as lists and filters compare it. */
function indexColumn(db: Kysely<any>, column: string): string {
  const [col, kind] = column.split(':');
  if (kind !== 'ci') return col;
  return isPostgres(db) ? `lower(${col}) collate "C"` : `${col} collate nocase`;
}

const createIndex = (db: Kysely<any>, name: string, table: string, cols: string[], where?: string) =>
  sql.raw(`create index ${name} on ${table} (${cols.join(', ')})${where ? ` where ${where}` : ''}`).execute(db);

/** An index for case-insensitive equality, prefix match and sort on a text column. */
export async function ciIndex(db: Kysely<any>, name: string, table: string, columns: string[], where?: string) {
  await createIndex(db, name, table, columns.map((c) => indexColumn(db, c)), where);
}

/**
 * An index for lists sorted by `column` (`name:ci` for case-insensitive text), ties broken by id.
 * Lists sort NULLs first going up and last going down, as SQLite does on its own; a PostgreSQL
 * index must say NULLS FIRST to give that order (read backwards, the other one), or every sorted
 * page reads and sorts all the matching rows.
 */
export async function sortIndex(db: Kysely<any>, name: string, table: string, column: string, where?: string) {
  const order = isPostgres(db) ? ' nulls first' : '';
  await createIndex(db, name, table, ['workspace_id', `${indexColumn(db, column)}${order}`, 'id'], where);
}

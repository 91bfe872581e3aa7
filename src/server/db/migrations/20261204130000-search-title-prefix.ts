import { type Kysely, sql } from 'kysely';
import { isPostgres } from './migration-kit';

// Short prefixes ("de") are searched among titles that begin with them, in order, on
// PostgreSQL (see search.repository.ts); SQLite's FTS5 keeps prefix indexes of its own.
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create index search_documents_title on search_documents (workspace_id, lower(title) collate "C")`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index search_documents_title`.execute(db);
}

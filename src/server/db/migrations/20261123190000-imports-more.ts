import type { Kysely } from 'kysely';
import { idType, isPostgres } from './migration-kit';

// An uploaded file is kept in pieces of about a megabyte, so neither the upload nor the import
// run ever holds the whole file in memory (import_files stays for imports made before).
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db);
  await db.schema
    .createTable('import_file_chunks')
    .addColumn('import_id', id, (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('content', (isPostgres(db) ? 'bytea' : 'blob') as any, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_file_chunks_pk', ['import_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_file_chunks').execute();
}

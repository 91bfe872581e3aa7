import type { Kysely } from 'kysely';
import { idType, isPostgres, jsonType } from './migration-kit';

// CSV imports: the uploaded file, the import's state with its checkpoint (the last row whose
// chunk committed), one ledger row per data row (created/updated/skipped/error, for revert and
// the errors file) and mappings saved for the next import.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db);
  const json = jsonType(db);
  const blob = isPostgres(db) ? 'bytea' : 'blob';
  const workspace = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');

  await db.schema
    .createTable('imports')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('options', json, (c) => c.notNull())
    .addColumn('rows_total', 'integer')
    .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failure', 'text')
    .addColumn('job_id', id)
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imports_ws_created').on('imports').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('import_files')
    .addColumn('import_id', id, (c) => c.primaryKey().references('imports.id').onDelete('cascade'))
    .addColumn('workspace_id', id, workspace)
    .addColumn('content', blob as any, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('workspace_id', id, workspace)
    .addColumn('import_id', id, (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('record_id', id)
    .addColumn('before', json)
    .addColumn('raw', json)
    .addColumn('message', 'text')
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'row_no'])
    .execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('workspace_id', id, workspace)
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', json, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['workspace_id', 'object_type', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['import_mappings', 'import_rows', 'import_files', 'imports']) await db.schema.dropTable(t).execute();
}

import type { Kysely } from 'kysely';
import { idType } from './migration-kit';

// Duplicate detection: one row per match key of a record (normalised email, E.164 phone, name
// block, company domain or name), so possible duplicates are a GROUP BY over an index instead of
// a comparison of every pair; how far the keys are up to date; and pairs people said are distinct.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db);
  const workspace = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');

  await db.schema
    .createTable('duplicate_keys')
    .addColumn('workspace_id', id, workspace)
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('record_id', id, (c) => c.notNull())
    .addPrimaryKeyConstraint('duplicate_keys_pk', ['workspace_id', 'object_type', 'kind', 'key', 'record_id'])
    .execute();
  await db.schema.createIndex('duplicate_keys_record').on('duplicate_keys').columns(['workspace_id', 'record_id']).execute();

  await db.schema
    .createTable('duplicate_scans')
    .addColumn('workspace_id', id, workspace)
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('scanned_until', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duplicate_scans_pk', ['workspace_id', 'object_type'])
    .execute();

  // record_a < record_b, so a pair has one row whichever way round it was dismissed.
  await db.schema
    .createTable('duplicate_dismissals')
    .addColumn('workspace_id', id, workspace)
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('record_a', id, (c) => c.notNull())
    .addColumn('record_b', id, (c) => c.notNull())
    .addColumn('dismissed_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duplicate_dismissals_pk', ['workspace_id', 'object_type', 'record_a', 'record_b'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['duplicate_dismissals', 'duplicate_scans', 'duplicate_keys']) await db.schema.dropTable(t).ifExists().execute();
}

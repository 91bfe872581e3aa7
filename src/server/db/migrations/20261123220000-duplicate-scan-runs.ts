import type { Kysely } from 'kysely';
import { idType } from './migration-kit';

// A scan of the duplicate keys that runs as a job, a batch per transaction: where it started,
// which records it covers and how far it has come, so a retry (or another worker after a
// crash) resumes after the last committed batch. The row exists only while a scan is unfinished.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db);
  await db.schema
    .createTable('duplicate_scan_runs')
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    // Records changed since then (null: every record, the first scan).
    .addColumn('since', 'text')
    .addColumn('after_updated_at', 'text')
    .addColumn('after_id', id)
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('duplicate_scan_runs_pk', ['workspace_id', 'object_type'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duplicate_scan_runs').ifExists().execute();
}

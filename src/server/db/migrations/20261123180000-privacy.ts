import type { Kysely } from 'kysely';
import { idType, jsonType } from './migration-kit';

// Privacy: a ledger of consent grants and withdrawals per contact (the newest entry per purpose
// is in force), retention rules that clean up old records on a schedule, and one row per run of
// a rule so what it did stays visible.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db);
  const json = jsonType(db);
  const workspace = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');

  await db.schema
    .createTable('contact_consents')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('contact_id', id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('proof', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_consents_contact').on('contact_consents').columns(['workspace_id', 'contact_id', 'purpose', 'recorded_at']).execute();

  await db.schema
    .createTable('retention_rules')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('untouched_months', 'integer', (c) => c.notNull())
    .addColumn('filter', json)
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('retention_rules_ws').on('retention_rules').columns(['workspace_id', 'id']).execute();
  // The nightly job reads the enabled rules of every workspace.
  await db.schema.createIndex('retention_rules_enabled').on('retention_rules').columns(['enabled', 'workspace_id']).execute();

  await db.schema
    .createTable('retention_runs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('rule_id', id, (c) => c.notNull().references('retention_rules.id').onDelete('cascade'))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cutoff', 'text', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('affected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('job_id', id)
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('retention_runs_rule').on('retention_runs').columns(['workspace_id', 'rule_id', 'started_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['retention_runs', 'retention_rules', 'contact_consents']) await db.schema.dropTable(t).ifExists().execute();
}

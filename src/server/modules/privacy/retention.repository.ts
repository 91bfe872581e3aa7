import type { Kysely } from 'kysely';
import type { RetentionRule, RetentionRun } from '../../../contract/privacy';
import type { DB, RetentionRuleRow, RetentionRunRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

const CHUNK = 500;

export const runFromRow = (r: RetentionRunRow): RetentionRun => ({
  id: r.id,
  ruleId: r.rule_id,
  trigger: r.trigger as RetentionRun['trigger'],
  status: r.status as RetentionRun['status'],
  cutoff: r.cutoff,
  matched: r.matched,
  affected: r.affected,
  error: r.error,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export const ruleFromRow = (db: WorkspaceDb, r: RetentionRuleRow, lastRun: RetentionRunRow | null): RetentionRule => ({
  id: r.id,
  name: r.name,
  objectType: r.object_type as RetentionRule['objectType'],
  untouchedMonths: r.untouched_months,
  filter: db.dialect.json.read(r.filter, null),
  action: r.action as RetentionRule['action'],
  enabled: r.enabled === 1,
  lastRun: lastRun ? runFromRow(lastRun) : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const listRules = (db: WorkspaceDb) => db.selectFrom('retention_rules').selectAll().orderBy('created_at').orderBy('id').execute();
export const findRule = (db: WorkspaceDb, id: string) => db.selectFrom('retention_rules').selectAll().where('id', '=', id).executeTakeFirst();
export const insertRule = (db: WorkspaceDb, row: Omit<RetentionRuleRow, 'workspace_id'>) => db.insertInto('retention_rules', row).execute();
export const updateRule = (db: WorkspaceDb, id: string, set: Partial<RetentionRuleRow>) => db.updateTable('retention_rules').set(set).where('id', '=', id).execute();
export const deleteRule = (db: WorkspaceDb, id: string) => db.deleteFrom('retention_rules').where('id', '=', id).execute();

/** The newest run of each of these rules. */
export async function lastRuns(db: WorkspaceDb, ruleIds: string[]): Promise<Map<string, RetentionRunRow>> {
  const out = new Map<string, RetentionRunRow>();
  if (ruleIds.length === 0) return out;
  const rows = await db.selectFrom('retention_runs').selectAll().where('rule_id', 'in', ruleIds).orderBy('started_at', 'desc').orderBy('id', 'desc').execute();
  for (const r of rows) if (!out.has(r.rule_id)) out.set(r.rule_id, r);
  return out;
}

export const runsOf = (db: WorkspaceDb, ruleId: string, limit: number) =>
  db.selectFrom('retention_runs').selectAll().where('rule_id', '=', ruleId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();

export const insertRun = (db: WorkspaceDb, row: Omit<RetentionRunRow, 'workspace_id'>) => db.insertInto('retention_runs', row).execute();

/** Enabled rules of every workspace, for the nightly job (which has no workspace of its own). */
export const enabledRulesEverywhere = (db: Kysely<DB>) =>
  db.selectFrom('retention_rules').select(['id', 'workspace_id']).where('enabled', '=', 1).orderBy('workspace_id').execute();

/** Of these records, those with an activity that happened or was logged at or after `since`. */
export async function touchedByActivity(db: WorkspaceDb, objectType: string, ids: string[], since: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('record_links')
      .innerJoin('activities', (j) => j.onRef('activities.id', '=', 'record_links.source_id').onRef('activities.workspace_id', '=', 'record_links.workspace_id'))
      .select('record_links.object_id')
      .distinct()
      .where('record_links.source_type', '=', 'activity')
      .where('record_links.object_type', '=', objectType)
      .where('record_links.object_id', 'in', ids.slice(i, i + CHUNK))
      .where((eb) => eb.or([eb('activities.occurred_at', '>=', since), eb('activities.updated_at', '>=', since)]))
      .execute();
    for (const r of rows) out.add(r.object_id);
  }
  return out;
}

/** Of these records, those already erased or anonymised. */
export async function erasedAmong(db: WorkspaceDb, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('events').select('object_id').where('action', '=', 'erased').where('object_id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.add(r.object_id);
  }
  return out;
}

/** Activities that happened and were last changed before `cutoff`, oldest first. */
export async function oldActivityIds(db: WorkspaceDb, cutoff: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('activities').select('id').where('occurred_at', '<', cutoff).where('updated_at', '<', cutoff).orderBy('occurred_at').limit(limit).execute();
  return rows.map((r) => r.id);
}

export const leadRows = (db: WorkspaceDb, ids: string[]) => db.selectFrom('leads').selectAll().where('id', 'in', ids).execute();

/** Deletes records for good with what hangs off them: links, search entries. */
export async function purgeRecords(db: WorkspaceDb, table: 'leads' | 'activities', ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    if (table === 'activities') await db.deleteFrom('record_links').where('source_type', '=', 'activity').where('source_id', 'in', part).execute();
    else await db.deleteFrom('record_links').where('object_type', '=', table).where('object_id', 'in', part).execute();
    await db.deleteFrom('search_documents').where('record_id', 'in', part).execute();
    await db.deleteFrom(table).where('id', 'in', part).execute();
  }
}

/** Keeps the field names of these records' history and drops every value in it. */
export async function wipeHistory(db: WorkspaceDb, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('events').select(['id', 'changes']).where('object_id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const r of rows) {
      const changes = db.dialect.json.read<Record<string, unknown>>(r.changes, {});
      const wiped = Object.fromEntries(Object.keys(changes).map((k) => [k, { before: null, after: null }]));
      await db.updateTable('events').set({ changes: db.dialect.json.write(wiped) }).where('id', '=', r.id).execute();
    }
  }
}

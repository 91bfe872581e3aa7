import type { QuotaRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

/** Live deals in open or won stages whose close date falls in [start, end). */
export function dealsClosingIn(db: WorkspaceDb, q: { start: string; end: string; ownerId?: string; pipelineId?: string; kinds: string[] }) {
  let query = db
    .selectFrom('deals')
    .innerJoin('pipeline_stages as s', (j) => j.onRef('s.id', '=', 'deals.stage_id').onRef('s.workspace_id', '=', 'deals.workspace_id'))
    .select(['deals.id', 'deals.owner_id', 'deals.currency', 'deals.amount', 'deals.close_date', 's.probability', 's.kind'])
    .where('deals.deleted_at', 'is', null)
    .where('deals.close_date', '>=', q.start)
    .where('deals.close_date', '<', q.end)
    .where('s.kind', 'in', q.kinds);
  if (q.ownerId) query = query.where('deals.owner_id', '=', q.ownerId);
  if (q.pipelineId) query = query.where('deals.pipeline_id', '=', q.pipelineId);
  return query.orderBy('deals.close_date').orderBy('deals.id').execute();
}

export function quotasFor(db: WorkspaceDb, q: { period?: string; userId?: string }) {
  let query = db.selectFrom('quotas').selectAll();
  if (q.period) query = query.where('period', '=', q.period);
  if (q.userId) query = query.where('user_id', '=', q.userId);
  return query.orderBy('period').orderBy('user_id').orderBy('currency').execute();
}

export const findQuota = (db: WorkspaceDb, id: string) => db.selectFrom('quotas').selectAll().where('id', '=', id).executeTakeFirst();

export async function upsertQuota(tx: WorkspaceDb, row: Omit<QuotaRow, 'workspace_id'>): Promise<QuotaRow> {
  await tx
    .insertInto('quotas', row)
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'period', 'currency']).doUpdateSet({ amount: row.amount, updated_at: row.updated_at }))
    .execute();
  return (await tx.selectFrom('quotas').selectAll().where('user_id', '=', row.user_id).where('period', '=', row.period).where('currency', '=', row.currency).executeTakeFirst())!;
}

export const deleteQuota = (tx: WorkspaceDb, id: string) => tx.deleteFrom('quotas').where('id', '=', id).execute();

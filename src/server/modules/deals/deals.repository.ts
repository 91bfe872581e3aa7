import { type SelectQueryBuilder, type SqlBool, type RawBuilder, sql } from 'kysely';
import type { Deal } from '../../../contract/deals';
import type { StageKind } from '../../../contract/pipelines';
import type { Dialect } from '../../db/dialect';
import type { DB, DealRow, DealStageHistoryRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import { newId } from '../../platform/ids';
import { sharedColumns, sharedFromRow } from '../../platform/records/record-columns';

export type DealReadRow = DealRow & { stage_name: string; stage_probability: number; stage_kind: string; company_name: string | null };

export function dealFromRow(dialect: Dialect, r: DealReadRow): Deal {
  const j = dialect.json;
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    amount: Number(r.amount),
    currency: r.currency,
    closeDate: r.close_date,
    closedAt: r.closed_at,
    pipelineId: r.pipeline_id,
    stageId: r.stage_id,
    stage: { id: r.stage_id, name: r.stage_name, probability: Number(r.stage_probability), kind: r.stage_kind as StageKind },
    ownerId: r.owner_id,
    companyId: r.company_id,
    company: r.company_id && r.company_name ? { id: r.company_id, name: r.company_name } : null,
    contactIds: j.read<string[]>(r.contact_ids, []),
    leadId: r.lead_id,
    lostReason: r.lost_reason,
    ...sharedFromRow(dialect, r),
  };
}

export function dealColumns(dialect: Dialect, d: Deal): Partial<DealRow> {
  const j = dialect.json;
  return {
    name: d.name,
    amount: d.amount,
    currency: d.currency,
    close_date: d.closeDate,
    closed_at: d.closedAt,
    pipeline_id: d.pipelineId,
    stage_id: d.stageId,
    owner_id: d.ownerId,
    company_id: d.companyId,
    contact_ids: j.write(d.contactIds),
    lead_id: d.leadId,
    lost_reason: d.lostReason,
    ...sharedColumns(dialect, d),
  };
}

/** Joins the stage only: what filters and totals need (a filter may name the stage's fields). */
export const joinStage = <Q extends SelectQueryBuilder<DB, any, any>>(qb: Q): Q =>
  (qb as SelectQueryBuilder<DB, 'deals', any>).innerJoin('pipeline_stages as deal_stage', (j) =>
    j.onRef('deal_stage.id', '=', 'deals.stage_id').onRef('deal_stage.workspace_id', '=', 'deals.workspace_id'),
  ) as unknown as Q;

/** Joins the stage (name, probability, kind) and the company's name, for every read of deals. */
export const withStage = <Q extends SelectQueryBuilder<DB, any, any>>(qb: Q): Q =>
  // The stage alias is not in Q's type, so the select is written against an untyped builder.
  (joinStage(qb) as SelectQueryBuilder<any, any, any>)
    .leftJoin('companies as deal_company', (j: any) => j.onRef('deal_company.id', '=', 'deals.company_id').onRef('deal_company.workspace_id', '=', 'deals.workspace_id'))
    .select(['deal_stage.name as stage_name', 'deal_stage.probability as stage_probability', 'deal_stage.kind as stage_kind', 'deal_company.name as company_name']) as unknown as Q;

/** Only the deals a member owns. */
export const ownedBy = <Q extends SelectQueryBuilder<DB, any, any>>(qb: Q, userId: string | null): Q =>
  (userId === null ? qb.where(sql<SqlBool>`1 = 0`) : qb.where('deals.owner_id' as any, '=', userId)) as Q;

/** Rewrites the contact index of these deals. */
export async function syncDealContacts(tx: WorkspaceDb, deals: Deal[], fresh: boolean): Promise<void> {
  if (!fresh && deals.length) await tx.deleteFrom('deal_contacts').where('deal_id', 'in', deals.map((d) => d.id)).execute();
  const rows = deals.flatMap((d) => d.contactIds.map((c) => ({ deal_id: d.id, contact_id: c })));
  for (let i = 0; i < rows.length; i += 500) await tx.insertInto('deal_contacts', rows.slice(i, i + 500)).execute();
}

export async function openIntervals(db: WorkspaceDb, dealIds: string[]): Promise<Map<string, DealStageHistoryRow>> {
  if (dealIds.length === 0) return new Map();
  const rows = await db.selectFrom('deal_stage_history').selectAll().where('deal_id', 'in', dealIds).where('left_at', 'is', null).execute();
  return new Map(rows.map((r) => [r.deal_id, r]));
}

// Chunks of 500 rows keep every statement under SQLite's bound-parameter limit.
const CHUNK = 500;

export async function closeIntervals(tx: WorkspaceDb, ids: string[], at: string) {
  for (let i = 0; i < ids.length; i += CHUNK) await tx.updateTable('deal_stage_history').set({ left_at: at }).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
}

export type StageEntry = { dealId: string; pipelineId: string; stageId: string };

/** Opens a stage interval for each deal entering a stage at `at`. */
export async function openIntervalsAt(tx: WorkspaceDb, entries: StageEntry[], at: string) {
  for (let i = 0; i < entries.length; i += CHUNK) {
    const rows = entries.slice(i, i + CHUNK).map((d) => ({ id: newId(), deal_id: d.dealId, pipeline_id: d.pipelineId, stage_id: d.stageId, entered_at: at, left_at: null }));
    await tx.insertInto('deal_stage_history', rows).execute();
  }
}

export async function stageHistory(db: WorkspaceDb, dealId: string) {
  return db
    .selectFrom('deal_stage_history')
    .leftJoin('pipeline_stages', (j) => j.onRef('pipeline_stages.id', '=', 'deal_stage_history.stage_id').onRef('pipeline_stages.workspace_id', '=', 'deal_stage_history.workspace_id'))
    .select(['deal_stage_history.stage_id', 'deal_stage_history.pipeline_id', 'deal_stage_history.entered_at', 'deal_stage_history.left_at', 'pipeline_stages.name as stage_name'])
    .where('deal_stage_history.deal_id', '=', dealId)
    .orderBy('deal_stage_history.entered_at')
    .orderBy('deal_stage_history.id')
    .execute();
}

/** Live deals of one column, in board order (position, id), except `exceptId`. */
export async function columnPositions(db: WorkspaceDb, stageId: string, exceptId: string) {
  return db
    .selectFrom('deals')
    .select(['id', 'position'])
    .where('stage_id', '=', stageId)
    .where('deleted_at', 'is', null)
    .where('id', '<>', exceptId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The last position in a column. Written as the board index reads (stage, position desc), so the plan is one index probe even before statistics exist. */
export async function lastPosition(db: WorkspaceDb, stageId: string): Promise<number> {
  const r = await db.selectFrom('deals').select('position').where('stage_id', '=', stageId).where('deleted_at', 'is', null).orderBy('position', 'desc').limit(1).executeTakeFirst();
  return r ? Number(r.position) : 0;
}

export const setPosition = (tx: WorkspaceDb, id: string, position: number) => tx.updateTable('deals').set({ position }).where('id', '=', id).execute();

/** Sets many deals' board positions, one statement per chunk (the cast types the values for PostgreSQL). */
export async function setPositions(tx: WorkspaceDb, positions: [id: string, position: number][]) {
  for (let i = 0; i < positions.length; i += CHUNK) {
    const part = positions.slice(i, i + CHUNK);
    const cases = sql.join(part.map(([id, p]) => sql`when ${id} then cast(${p} as double precision)`), sql` `);
    await tx
      .updateTable('deals')
      .set({ position: sql<number>`case id ${cases} end` })
      .where('id', 'in', part.map(([id]) => id))
      .execute();
  }
}

/** Column totals: count, Σ amount and Σ amount × probability per stage and currency (exact integers). */
export async function columnTotals(base: SelectQueryBuilder<DB, any, any>, where: RawBuilder<SqlBool>) {
  const rows = await base
    .clearSelect()
    .where(where)
    .select([
      'deals.stage_id as stage_id',
      'deals.currency as currency',
      sql<number>`count(*)`.as('n'),
      sql<string>`cast(coalesce(sum(deals.amount), 0) as bigint)`.as('amount'),
      sql<string>`cast(coalesce(sum(deals.amount * deal_stage.probability), 0) as bigint)`.as('weighted_exact'),
    ])
    .groupBy(['deals.stage_id', 'deals.currency'])
    .orderBy('deals.currency')
    .execute();
  return rows as { stage_id: string; currency: string; n: number; amount: string | number; weighted_exact: string | number }[];
}

import { type SelectQueryBuilder, sql } from 'kysely';
import type { Deal, DealMove } from '../../../contract/deals';
import type { Filter } from '../../../contract/filter';
import type { BoardQuery, Pipeline } from '../../../contract/pipelines';
import type { DB } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { listFields } from '../../platform/custom-fields/custom-fields.repository';
import { AppError, notFound } from '../../platform/errors';
import { compileFilter } from '../../platform/filters/filter-compiler';
import { isId } from '../../platform/ids';
import { roundDiv, toNumber } from '../../platform/money';
import type { PipelinesService } from '../pipelines/pipelines.service';
import { dealFields } from './deals.fields';
import * as repo from './deals.repository';
import { type DealsService, seesAllDeals } from './deals.service';

const STEP = 1024;

const encodeCursor = (position: number, id: string) => Buffer.from(JSON.stringify([position, id])).toString('base64url');
function decodeCursor(cursor: string): [number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'number' && isId(v[1])) return [v[0], v[1]];
  } catch {
    // reported below
  }
  throw new AppError('invalid_cursor', 'cursor: does not belong to this board; start again without it', { field: 'cursor' });
}

function parseFilter(text: string | undefined): Filter | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Filter;
  } catch {
    throw new AppError('invalid_filter', 'filter: is not valid JSON', { field: 'filter' });
  }
}

/** The kanban board of a pipeline, drag-and-drop moves, and the time a deal spent in each stage. */
export function createDealBoardService(scoped: (ctx: Ctx) => WorkspaceDb, deals: DealsService, pipelines: PipelinesService, clock: Clock) {
  /** Live deals the caller may see; `full` adds the columns a card shows (totals need only the stage). */
  const selectDeals = (db: WorkspaceDb, ctx: Ctx, full = true) => {
    const from = db.selectFrom('deals') as SelectQueryBuilder<DB, any, any>;
    const qb = full ? repo.withStage(from.selectAll('deals')) : repo.joinStage(from);
    return (seesAllDeals(ctx) ? qb : repo.ownedBy(qb, ctx.userId)).where('deals.deleted_at', 'is', null);
  };

  /** Puts a deal at `index` of its column, between its new neighbours (renumbering the column when they are too close). */
  async function place(tx: WorkspaceDb, dealId: string, stageId: string, index: number) {
    const column = await repo.columnPositions(tx, stageId, dealId);
    const i = Math.min(index, column.length);
    const before = column[i - 1]?.position;
    const after = column[i]?.position;
    let position: number;
    if (before === undefined && after === undefined) position = STEP;
    else if (before === undefined) position = after! - STEP;
    else if (after === undefined) position = before + STEP;
    else position = (before + after) / 2;
    if (before !== undefined && after !== undefined && !(position > before && position < after && after - before > 1e-6)) {
      const order = [...column.map((c) => c.id)];
      order.splice(i, 0, dealId);
      for (const [n, id] of order.entries()) await repo.setPosition(tx, id, (n + 1) * STEP);
      return;
    }
    await repo.setPosition(tx, dealId, position);
  }

  return {
    async board(ctx: Ctx, pipelineId: string, q: BoardQuery) {
      requirePermission(ctx, 'records:read');
      const pipeline: Pipeline = await pipelines.get(ctx, pipelineId);
      const db = scoped(ctx);
      const fields = dealFields(await listFields(db, 'deals'));
      const where = compileFilter(parseFilter(q.filter), fields, db.dialect);
      const inBoard = <Q extends SelectQueryBuilder<DB, any, any>>(qb: Q): Q => {
        const onPipeline = qb.where('deals.pipeline_id', '=', pipeline.id);
        return (q.ownerId ? onPipeline.where('deals.owner_id', '=', q.ownerId) : onPipeline) as Q;
      };
      const base = inBoard(selectDeals(db, ctx));
      const stages = q.stageId ? pipeline.stages.filter((s) => s.id === q.stageId) : pipeline.stages;
      if (q.stageId && stages.length === 0) throw new AppError('validation_failed', 'stageId: is not a stage of this pipeline', { field: 'stageId' });
      if (q.cursor && !q.stageId) throw new AppError('validation_failed', 'cursor: page one column at a time (give stageId)', { field: 'cursor' });
      const after = q.cursor ? decodeCursor(q.cursor) : null;

      const totals = await repo.columnTotals(inBoard(selectDeals(db, ctx, false)), where);
      const columns = [];
      for (const stage of stages) {
        let cq = base.where(where).where('deals.stage_id', '=', stage.id);
        if (after) {
          const [p, id] = after;
          cq = cq.where(sql`(deals.position > ${p} or (deals.position = ${p} and deals.id > ${id}))` as any);
        }
        const rows = (await cq.orderBy('deals.position').orderBy('deals.id').limit(q.limit + 1).execute()) as repo.DealReadRow[];
        const more = rows.length > q.limit;
        const page = more ? rows.slice(0, q.limit) : rows;
        const mine = totals.filter((t) => t.stage_id === stage.id);
        columns.push({
          stage,
          count: mine.reduce((n, t) => n + Number(t.n), 0),
          totals: mine.map((t) => ({
            currency: t.currency,
            count: Number(t.n),
            amount: toNumber(BigInt(t.amount)),
            weightedAmount: toNumber(roundDiv(BigInt(t.weighted_exact), 100n)),
          })),
          deals: page.map((r) => repo.dealFromRow(db.dialect, r)),
          nextCursor: more ? encodeCursor(Number(page[page.length - 1].position), page[page.length - 1].id) : null,
        });
      }
      return { pipeline, columns };
    },

    /** Drag-and-drop: into another stage (recorded like any change) and/or to a place in the column. */
    async move(ctx: Ctx, id: string, input: DealMove): Promise<Deal> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      await db.transaction(async (tx) => {
        const [deal] = isId(id) ? await deals.getIn(tx, ctx, [id]) : [];
        if (!deal || deal.deletedAt) throw notFound('Deal');
        if (input.version !== undefined && input.version !== deal.version) {
          throw new AppError('precondition_failed', `Deal ${id} was changed by someone else (version ${deal.version}, you sent ${input.version}); reload it and try again`);
        }
        const changes = {
          ...(input.stageId !== deal.stageId ? { stageId: input.stageId } : {}),
          ...(input.lostReason !== undefined ? { lostReason: input.lostReason } : {}),
        };
        if (Object.keys(changes).length) await deals.updateIn(tx, ctx, id, changes, deal.version);
        if (input.position !== undefined) await place(tx, id, input.stageId, input.position);
      });
      return deals.get(ctx, id);
    },

    async stageHistory(ctx: Ctx, id: string) {
      const deal = await deals.get(ctx, id);
      const rows = await repo.stageHistory(scoped(ctx), deal.id);
      const now = clock.now().getTime();
      const data = rows.map((r) => ({
        stageId: r.stage_id,
        stageName: r.stage_name ?? '(removed stage)',
        pipelineId: r.pipeline_id,
        enteredAt: r.entered_at,
        leftAt: r.left_at,
        seconds: Math.max(0, Math.floor(((r.left_at ? Date.parse(r.left_at) : now) - Date.parse(r.entered_at)) / 1000)),
      }));
      const totals = new Map<string, { stageId: string; stageName: string; seconds: number }>();
      for (const d of data) {
        const t = totals.get(d.stageId) ?? { stageId: d.stageId, stageName: d.stageName, seconds: 0 };
        t.seconds += d.seconds;
        totals.set(d.stageId, t);
      }
      return { data, totals: [...totals.values()] };
    },
  };
}
export type DealBoardService = ReturnType<typeof createDealBoardService>;

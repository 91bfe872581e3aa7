import type { Deal, DealCreate, DealUpdate } from '../../../contract/deals';
import { can } from '../../../contract/roles';
import type { DealRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { validateCustomValues } from '../../platform/custom-fields/custom-values';
import { forbidden } from '../../platform/errors';
import { dayOf } from '../../platform/periods';
import { assignDefined, checkReferences, cleanTags, linkedCompany } from '../../platform/records/record-input';
import { createRecordService } from '../../platform/records/record-service';
import type { PrepareArgs } from '../../platform/records/record-spec';
import { defaultPipelineId, findStage, listPipelines } from '../pipelines/pipelines.repository';
import type { PipelinesService } from '../pipelines/pipelines.service';
import { dealFields } from './deals.fields';
import * as repo from './deals.repository';

const emptyDeal = (): Deal => ({
  id: '',
  version: 0,
  name: '',
  amount: 0,
  currency: 'USD',
  closeDate: null,
  closedAt: null,
  pipelineId: '',
  stageId: '',
  stage: { id: '', name: '', probability: 0, kind: 'open' },
  ownerId: null,
  companyId: null,
  company: null,
  contactIds: [],
  leadId: null,
  lostReason: null,
  tags: [],
  description: null,
  custom: {},
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
});

/** A deal as created by converting a lead: it remembers the lead. */
export type DealCreateFromLead = DealCreate & { leadId?: string };

/** Whether the caller sees every deal, or (a member) only the deals they own. */
export const seesAllDeals = (ctx: Ctx) => can(ctx.role, 'deals:all');

/** Deals: a record kind on the generic machinery, plus stages, ownership rules and stage history. */
export function createDealsService(scoped: (ctx: Ctx) => WorkspaceDb, pipelines: PipelinesService, clock: Clock) {
  async function prepareDeal({ tx, ctx, input, base, customDefs, errors, refs, once }: PrepareArgs<Deal, DealCreateFromLead | DealUpdate>): Promise<Deal> {
    const next: Deal = base ? structuredClone(base) : emptyDeal();
    assignDefined(next, input as Partial<Deal>, ['amount', 'currency', 'closeDate', 'ownerId', 'companyId', 'description']);
    if (!base && 'leadId' in input && input.leadId) next.leadId = input.leadId;
    if (input.name !== undefined) {
      next.name = input.name.trim();
      if (!next.name) errors.add('name', 'must not be blank');
    }
    if (input.tags !== undefined) next.tags = cleanTags(input.tags);

    // Ownership: a member creates deals for themselves and cannot hand them to someone else.
    if (!base && input.ownerId === undefined) next.ownerId = ctx.userId;
    if (!seesAllDeals(ctx)) {
      if (!ctx.userId) throw forbidden('A member API key has no person to own deals; use a manager key');
      if (next.ownerId !== ctx.userId) throw forbidden('Members own their deals: ownerId must be you');
    }

    if (input.contactIds !== undefined) {
      input.contactIds.forEach((c, i) => {
        if (!refs.contacts.has(c)) errors.add(`contactIds.${i}`, 'no such contact in this workspace');
      });
      next.contactIds = [...input.contactIds];
    }

    // Stage: given, or the first stage of the given (or default) pipeline. Read once per stage
    // or pipeline for a whole bulk call: its thousand deals land in a handful of columns.
    const previousKind = base?.stage.kind ?? null;
    if (input.stageId !== undefined || input.pipelineId !== undefined || !base) {
      const stageId = input.stageId;
      const stage = stageId ? await once(`stage:${stageId}`, () => findStage(tx, stageId)) : undefined;
      if (input.stageId && !stage) errors.add('stageId', 'no such stage in this workspace');
      else if (stage && input.pipelineId && stage.pipelineId !== input.pipelineId) errors.add('stageId', 'is not a stage of pipelineId');
      else if (stage) {
        next.pipelineId = stage.pipelineId;
        next.stageId = stage.id;
        next.stage = { id: stage.id, name: stage.name, probability: stage.probability, kind: stage.kind };
      } else {
        const pipelineId = input.pipelineId ?? (base ? base.pipelineId : await once('defaultPipeline', () => defaultPipelineId(tx)));
        const [pipeline] = pipelineId ? await once(`pipeline:${pipelineId}`, () => listPipelines(tx, pipelineId)) : [];
        if (!pipeline) errors.add('pipelineId', 'no such pipeline in this workspace');
        else if (pipeline.id !== base?.pipelineId || !base) {
          const first = pipeline.stages[0];
          next.pipelineId = pipeline.id;
          next.stageId = first.id;
          next.stage = { id: first.id, name: first.name, probability: first.probability, kind: first.kind };
        }
      }
    }
    const kind = next.stage.kind;
    if (kind !== 'open' && previousKind !== kind) {
      next.closedAt = clock.now().toISOString();
      if (input.closeDate === undefined) next.closeDate = dayOf(clock.now());
    }
    if (kind === 'open') next.closedAt = null;
    if (input.lostReason !== undefined) {
      next.lostReason = input.lostReason?.trim() || null;
      if (next.lostReason && kind !== 'lost') errors.add('lostReason', 'only for deals in a lost stage');
    } else if (kind !== 'lost') next.lostReason = null;

    next.custom = { ...next.custom, ...validateCustomValues(customDefs, input.custom, errors, base ? 'update' : 'create') };
    for (const [k, v] of Object.entries(next.custom)) if (v === null) delete next.custom[k];
    checkReferences(refs, errors, { companyId: input.companyId, ownerId: input.ownerId });
    if (input.companyId !== undefined) next.company = linkedCompany(refs, next.companyId);
    return next;
  }

  /** Keeps the contact index, the stage history and the board position in step with the deals. */
  async function afterDealWrite(tx: WorkspaceDb, deals: Deal[], mode: 'create' | 'update'): Promise<void> {
    await repo.syncDealContacts(tx, deals, mode === 'create');
    const at = clock.now().toISOString();
    const open = mode === 'create' ? new Map() : await repo.openIntervals(tx, deals.map((d) => d.id));
    // Each column's end, read once per call: a bulk call of 1,000 deals asks once per stage.
    const ends = new Map<string, number>();
    const closing: string[] = [];
    const entering: repo.StageEntry[] = [];
    const positions: [string, number][] = [];
    for (const d of deals) {
      const current = open.get(d.id);
      if (current?.stage_id === d.stageId) continue;
      if (current) closing.push(current.id);
      entering.push({ dealId: d.id, pipelineId: d.pipelineId, stageId: d.stageId });
      // A deal arriving in a column goes to its end.
      const end = (ends.get(d.stageId) ?? (await repo.lastPosition(tx, d.stageId))) + 1024;
      ends.set(d.stageId, end);
      positions.push([d.id, end]);
    }
    await repo.closeIntervals(tx, closing, at);
    await repo.openIntervalsAt(tx, entering, at);
    await repo.setPositions(tx, positions);
  }

  const records = createRecordService<Deal, DealRow & repo.DealReadRow, DealCreateFromLead, DealUpdate>(
    {
      objectType: 'deals',
      table: 'deals',
      label: 'Deal',
      fields: dealFields,
      fromRow: repo.dealFromRow,
      select: repo.withStage,
      visibleTo: (ctx, qb) => (seesAllDeals(ctx) ? qb : repo.ownedBy(qb, ctx.userId)),
      references: (input) => ({ companyIds: [input.companyId], ownerIds: [input.ownerId], contactIds: input.contactIds }),
      prepare: prepareDeal,
      toColumns: repo.dealColumns,
      afterWrite: afterDealWrite,
      // Not in global search: a member may see only their own deals, and search has no owners.
      searchDocument: () => null,
    },
    scoped,
  );

  return {
    ...records,
    // The first deal of a workspace needs a pipeline to land in.
    async create(ctx: Ctx, input: DealCreate): Promise<Deal> {
      await pipelines.ensureDefault(ctx);
      return records.create(ctx, input);
    },
    async bulkCreate(ctx: Ctx, inputs: DealCreate[]): Promise<Deal[]> {
      await pipelines.ensureDefault(ctx);
      return records.bulkCreate(ctx, inputs);
    },
  };
}
export type DealsService = ReturnType<typeof createDealsService>;

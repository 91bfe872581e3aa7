import type { Pipeline, PipelineCreate, PipelineUpdate, StageInput } from '../../../contract/pipelines';
import type { PipelineStageRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { recordEvents } from '../../platform/events/events.repository';
import { AppError, FieldErrors, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import * as repo from './pipelines.repository';

/** What a new workspace's first pipeline looks like. */
export const DEFAULT_STAGES: StageInput[] = [
  { name: 'Lead in', probability: 10, kind: 'open' },
  { name: 'Qualified', probability: 25, kind: 'open' },
  { name: 'Proposal', probability: 50, kind: 'open' },
  { name: 'Negotiation', probability: 75, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
];

function checkStages(stages: StageInput[], errors: FieldErrors) {
  const names = new Set<string>();
  stages.forEach((s, i) => {
    const name = s.name.trim().toLowerCase();
    if (!name) errors.add(`stages.${i}.name`, 'must not be blank');
    if (names.has(name)) errors.add(`stages.${i}.name`, 'is used by another stage of this pipeline');
    names.add(name);
  });
  if (!stages.some((s) => (s.kind ?? 'open') === 'open')) errors.add('stages', 'a pipeline needs at least one open stage');
}

const stageRow = (pipelineId: string, s: StageInput, position: number, at: string): Omit<PipelineStageRow, 'workspace_id'> => ({
  id: newId(),
  pipeline_id: pipelineId,
  name: s.name.trim(),
  probability: s.probability,
  kind: s.kind ?? 'open',
  position,
  created_at: at,
  updated_at: at,
});

/** Pipelines and their ordered stages; every workspace gets a default one the first time it asks. */
export function createPipelinesService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  async function load(db: WorkspaceDb, id: string): Promise<Pipeline> {
    const [p] = isId(id) ? await repo.listPipelines(db, id) : [];
    if (!p) throw notFound('Pipeline');
    return p;
  }

  async function insert(tx: WorkspaceDb, ctx: Ctx, input: PipelineCreate, isDefault: boolean): Promise<string> {
    const at = clock.now().toISOString();
    const id = newId();
    await repo.insertPipeline(tx, { id, name: input.name.trim(), position: await repo.nextPipelinePosition(tx), is_default: isDefault ? 1 : 0, created_at: at, updated_at: at });
    await repo.insertStages(
      tx,
      input.stages.map((s, i) => stageRow(id, s, i, at)),
    );
    await recordEvents(tx, ctx, [{ action: 'created', objectType: 'pipeline', objectId: id, changes: { name: { before: null, after: input.name.trim() } } }]);
    return id;
  }

  return {
    /**
     * Creates the default pipeline if the workspace has none. Runs in its own transaction before
     * the caller's work: two first requests at once both try, the unique index keeps one.
     */
    async ensureDefault(ctx: Ctx): Promise<void> {
      const db = scoped(ctx);
      if ((await repo.countPipelines(db)) > 0) return;
      try {
        await db.transaction((tx) => insert(tx, { ...ctx, actor: { type: 'system', id: null } }, { name: 'Sales pipeline', stages: DEFAULT_STAGES }, true));
      } catch (err) {
        if (!db.dialect.isUniqueViolation(err)) throw err;
      }
    },

    async list(ctx: Ctx): Promise<Pipeline[]> {
      requirePermission(ctx, 'records:read');
      await this.ensureDefault(ctx);
      return repo.listPipelines(scoped(ctx));
    },

    async get(ctx: Ctx, id: string): Promise<Pipeline> {
      requirePermission(ctx, 'records:read');
      return load(scoped(ctx), id);
    },

    async create(ctx: Ctx, input: PipelineCreate): Promise<Pipeline> {
      requirePermission(ctx, 'sales:manage');
      const errors = new FieldErrors();
      checkStages(input.stages, errors);
      if (input.stages.some((s) => s.id)) errors.add('stages', 'new pipelines take new stages (no ids)');
      errors.throwIfAny();
      await this.ensureDefault(ctx);
      const db = scoped(ctx);
      const id = await db.transaction(async (tx) => {
        const created = await insert(tx, ctx, input, false);
        if (input.isDefault) await repo.makeDefault(tx, created, clock.now().toISOString());
        return created;
      });
      return load(db, id);
    },

    async update(ctx: Ctx, id: string, input: PipelineUpdate): Promise<Pipeline> {
      requirePermission(ctx, 'sales:manage');
      const db = scoped(ctx);
      await db.transaction(async (tx) => {
        const before = await load(tx, id);
        const at = clock.now().toISOString();
        if (input.name !== undefined) await repo.updatePipeline(tx, id, { name: input.name.trim(), updated_at: at });
        if (input.isDefault) await repo.makeDefault(tx, id, at);
        if (input.stages) {
          const errors = new FieldErrors();
          checkStages(input.stages, errors);
          const existing = new Set(before.stages.map((s) => s.id));
          input.stages.forEach((s, i) => {
            if (s.id && !existing.has(s.id)) errors.add(`stages.${i}.id`, 'is not a stage of this pipeline');
          });
          errors.throwIfAny();
          const kept = new Set(input.stages.map((s) => s.id).filter(Boolean));
          const removed = before.stages.filter((s) => !kept.has(s.id)).map((s) => s.id);
          const inUse = await repo.dealsInStages(tx, removed);
          const busy = removed.find((s) => (inUse.get(s) ?? 0) > 0);
          if (busy) throw new AppError('conflict', `stages: stage ${before.stages.find((s) => s.id === busy)!.name} still holds deals; move them first`, { field: 'stages' });
          await repo.deleteStages(tx, removed);
          for (const [i, s] of input.stages.entries()) {
            if (s.id) await repo.updateStage(tx, s.id, { name: s.name.trim(), probability: s.probability, kind: s.kind ?? 'open', position: i, updated_at: at });
            else await repo.insertStages(tx, [stageRow(id, s, i, at)]);
          }
          await repo.updatePipeline(tx, id, { updated_at: at });
        }
        const after = await load(tx, id);
        const summary = (p: Pipeline) => ({ name: p.name, isDefault: p.isDefault, stages: p.stages.map((s) => `${s.name} (${s.kind}, ${s.probability}%)`) });
        const b = summary(before);
        const a = summary(after);
        const changes = Object.fromEntries(
          (Object.keys(a) as (keyof typeof a)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => [k, { before: b[k], after: a[k] }]),
        );
        if (Object.keys(changes).length) await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'pipeline', objectId: id, changes }]);
      });
      return load(db, id);
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'sales:manage');
      await scoped(ctx).transaction(async (tx) => {
        const p = await load(tx, id);
        if (p.isDefault) throw new AppError('conflict', 'This is the default pipeline; make another one the default first');
        const inUse = await repo.dealsInStages(tx, p.stages.map((s) => s.id));
        if ([...inUse.values()].some((n) => n > 0)) throw new AppError('conflict', 'This pipeline still holds deals; move or delete them first');
        await repo.deletePipeline(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'pipeline', objectId: id, changes: { name: { before: p.name, after: null } } }]);
      });
    },
  };
}
export type PipelinesService = ReturnType<typeof createPipelinesService>;

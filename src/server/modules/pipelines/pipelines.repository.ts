import type { Pipeline, Stage, StageKind } from '../../../contract/pipelines';
import type { PipelineRow, PipelineStageRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

const toStage = (r: PipelineStageRow): Stage => ({
  id: r.id,
  pipelineId: r.pipeline_id,
  name: r.name,
  probability: r.probability,
  kind: r.kind as StageKind,
  position: r.position,
});

const toPipeline = (r: PipelineRow, stages: PipelineStageRow[]): Pipeline => ({
  id: r.id,
  name: r.name,
  isDefault: r.is_default === 1,
  position: r.position,
  stages: stages.filter((s) => s.pipeline_id === r.id).map(toStage),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Pipelines with their stages, in order; one pipeline when `id` is given. */
export async function listPipelines(db: WorkspaceDb, id?: string): Promise<Pipeline[]> {
  let q = db.selectFrom('pipelines').selectAll();
  if (id) q = q.where('id', '=', id);
  const rows = await q.orderBy('position').orderBy('id').execute();
  if (rows.length === 0) return [];
  let sq = db.selectFrom('pipeline_stages').selectAll();
  if (id) sq = sq.where('pipeline_id', '=', id);
  const stages = await sq.orderBy('position').orderBy('id').execute();
  return rows.map((r) => toPipeline(r, stages));
}

export async function countPipelines(db: WorkspaceDb): Promise<number> {
  const r = await db.selectFrom('pipelines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function findStage(db: WorkspaceDb, id: string): Promise<Stage | undefined> {
  const r = await db.selectFrom('pipeline_stages').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toStage(r) : undefined;
}

export async function defaultPipelineId(db: WorkspaceDb): Promise<string | undefined> {
  const r = await db.selectFrom('pipelines').select('id').orderBy('is_default', 'desc').orderBy('position').orderBy('id').executeTakeFirst();
  return r?.id;
}

export const insertPipeline = (tx: WorkspaceDb, row: Omit<PipelineRow, 'workspace_id'>) => tx.insertInto('pipelines', row).execute();

export async function insertStages(tx: WorkspaceDb, rows: Omit<PipelineStageRow, 'workspace_id'>[]) {
  if (rows.length) await tx.insertInto('pipeline_stages', rows).execute();
}

export const updateStage = (tx: WorkspaceDb, id: string, set: Partial<PipelineStageRow>) => tx.updateTable('pipeline_stages').set(set).where('id', '=', id).execute();

export async function deleteStages(tx: WorkspaceDb, ids: string[]) {
  if (ids.length) await tx.deleteFrom('pipeline_stages').where('id', 'in', ids).execute();
}

export const updatePipeline = (tx: WorkspaceDb, id: string, set: Partial<PipelineRow>) => tx.updateTable('pipelines').set(set).where('id', '=', id).execute();

/** Makes `id` the only default (the partial unique index allows one). */
export async function makeDefault(tx: WorkspaceDb, id: string, at: string) {
  await tx.updateTable('pipelines').set({ is_default: 0, updated_at: at }).where('is_default', '=', 1).where('id', '<>', id).execute();
  await tx.updateTable('pipelines').set({ is_default: 1, updated_at: at }).where('id', '=', id).execute();
}

export const deletePipeline = (tx: WorkspaceDb, id: string) => tx.deleteFrom('pipelines').where('id', '=', id).execute();

/** How many deals (trashed ones included) sit in each of these stages. */
export async function dealsInStages(db: WorkspaceDb, stageIds: string[]): Promise<Map<string, number>> {
  if (stageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('deals')
    .select(['stage_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('stage_id', 'in', stageIds)
    .groupBy('stage_id')
    .execute();
  return new Map(rows.map((r) => [r.stage_id, Number(r.n)]));
}

export async function nextPipelinePosition(db: WorkspaceDb): Promise<number> {
  const r = await db.selectFrom('pipelines').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  return r?.p === null || r?.p === undefined ? 0 : Number(r.p) + 1;
}

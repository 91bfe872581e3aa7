import type { Pipeline } from '../../../contract/pipelines';
import type { WorkspaceDb } from '../../db/scoped';
import { systemClock } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import type { RecordApi } from '../../platform/records/record-spec';
import { createCompaniesService } from '../companies/companies.service';
import { createContactsService } from '../contacts/contacts.service';
import { createDealsService } from '../deals/deals.service';
import { createLeadsService } from '../leads/leads.service';
import { createPipelinesService } from '../pipelines/pipelines.service';
import type { ImportObject } from './import-mapping';

/** What an import needs of a record service: the same calls the API makes. */
export type RecordOps = {
  list(ctx: Ctx, params: { filter?: any; limit?: number }): Promise<{ data: RecordApi[] }>;
  getIn(tx: WorkspaceDb, ctx: Ctx, ids: string[]): Promise<(RecordApi & { deletedAt: string | null })[]>;
  bulkCreate(ctx: Ctx, inputs: any[]): Promise<RecordApi[]>;
  bulkUpdate(ctx: Ctx, items: { id: string; changes: any }[]): Promise<RecordApi[]>;
  bulkRemove(ctx: Ctx, ids: string[]): Promise<void>;
};

/** The record services of every importable object, bound to whatever database `bound` gives (a chunk's transaction). */
export function importServices(bound: (ctx: Ctx) => WorkspaceDb) {
  const pipelines = createPipelinesService(bound, systemClock);
  const records: Record<ImportObject, RecordOps> = {
    contacts: createContactsService(bound) as unknown as RecordOps,
    companies: createCompaniesService(bound) as unknown as RecordOps,
    leads: createLeadsService(bound) as unknown as RecordOps,
    deals: createDealsService(bound, pipelines, systemClock) as unknown as RecordOps,
  };
  return { records, pipelines };
}

/** The keys a row can be matched to an existing record by (besides custom fields). */
export const MATCH_KEYS: Record<ImportObject, string[]> = { contacts: ['email'], companies: ['domain', 'name'], leads: ['email', 'name'], deals: ['name'] };

/** The fields a revert writes back. */
export const WRITABLE: Record<ImportObject, string[]> = {
  contacts: ['firstName', 'lastName', 'title', 'emails', 'phones', 'addresses', 'companyId', 'ownerId', 'lifecycleStage', 'tags', 'consent', 'birthday', 'description'],
  companies: ['name', 'domain', 'website', 'industry', 'employees', 'annualRevenue', 'phones', 'addresses', 'parentId', 'ownerId', 'lifecycleStage', 'tags', 'description'],
  leads: ['name', 'email', 'phone', 'companyName', 'title', 'source', 'status', 'ownerId', 'tags', 'description'],
  deals: ['name', 'amount', 'currency', 'closeDate', 'pipelineId', 'stageId', 'ownerId', 'companyId', 'contactIds', 'lostReason', 'tags', 'description'],
};

/** Pipelines by lowercased name, and the default one, for resolving a deal row's pipeline and stage. */
export type PipelineIndex = { byName: Map<string, Pipeline>; byId: Map<string, Pipeline>; defaultId: string | undefined };
export function indexPipelines(list: Pipeline[], defaultId: string | undefined): PipelineIndex {
  return { byName: new Map(list.map((p) => [p.name.toLowerCase(), p])), byId: new Map(list.map((p) => [p.id, p])), defaultId };
}

/** The pipeline and stage ids a deal row names, or why they cannot be found. */
export function resolveStage(index: PipelineIndex, names: { pipeline?: string; stage?: string }): { pipelineId?: string; stageId?: string } | { error: string } {
  let pipeline: Pipeline | undefined;
  if (names.pipeline) {
    pipeline = index.byName.get(names.pipeline.toLowerCase());
    if (!pipeline) return { error: `pipeline: there is no pipeline named "${names.pipeline}"` };
  } else if (names.stage) pipeline = index.defaultId ? index.byId.get(index.defaultId) : undefined;
  if (!names.stage) return pipeline ? { pipelineId: pipeline.id } : {};
  const stage = pipeline?.stages.find((s) => s.name.toLowerCase() === names.stage!.toLowerCase());
  if (!stage) return { error: `stage: "${names.stage}" is not a stage of ${pipeline ? `pipeline "${pipeline.name}"` : 'the default pipeline'}` };
  return { pipelineId: pipeline!.id, stageId: stage.id };
}

import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../../platform/context';
import { type JobRegistration, registerJob } from '../../platform/jobs/job-definition';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { CompaniesService } from '../companies/companies.service';
import type { ContactsService } from '../contacts/contacts.service';
import type { DuplicateScanOptions } from './duplicate-scan';
import type { DuplicateObject } from './duplicates.repository';
import { duplicateScanHandler } from './duplicate-scan.handler';
import { duplicateScanJob } from './duplicate-scan.job';
import { createDuplicatesService } from './duplicates.service';

/** One id per read: with `workspace_id = ? and id in (…)` SQLite's planner (no statistics) walks a
 * workspace-wide index instead of the primary key, which costs a scan of every record at 100k. */
// What an import of each kind may have added or changed (contacts bring their companies).
const IMPORTED: Record<string, DuplicateObject[]> = { contacts: ['contacts', 'companies'], companies: ['companies'], deals: ['contacts', 'companies'], leads: [] };

const byIds =
  <T>(read: (tx: WorkspaceDb, ctx: Ctx, ids: string[]) => Promise<T[]>) =>
  async (tx: WorkspaceDb, ctx: Ctx, ids: string[]): Promise<T[]> => {
    const out: T[] = [];
    for (const id of ids) out.push(...(await read(tx, ctx, [id])));
    return out;
  };

/** Possible duplicates: the service and the job that keeps its match keys up to date. */
export function createDuplicates(deps: {
  scoped: (ctx: Ctx) => WorkspaceDb;
  queue: JobQueue;
  contacts: ContactsService;
  companies: CompaniesService;
  scan?: DuplicateScanOptions;
}) {
  const service = createDuplicatesService({
    scoped: deps.scoped,
    queue: deps.queue,
    readers: { contacts: byIds(deps.contacts.getIn), companies: byIds(deps.companies.getIn) },
    scan: deps.scan,
  });
  const jobs: JobRegistration[] = [registerJob(duplicateScanJob, duplicateScanHandler(deps.scoped, service.scanOptions.batchSize))];
  return {
    service,
    jobs,
    /** After an import has finished: its records are keyed by the scan job, not by the next list. */
    async afterImport(db: WorkspaceDb, importedObject: string): Promise<void> {
      for (const objectType of IMPORTED[importedObject] ?? []) await service.enqueueScan(db, objectType);
    },
  };
}

import type { Database } from '../../db/database';
import type { JobHandler } from './job-definition';
import { KEEP_FINISHED_JOBS_MS } from './jobs-cleanup.job';
import { deleteFinishedJobs } from './jobs.repository';

export const jobsCleanupHandler =
  (database: Database): JobHandler<unknown> =>
  async (run) => {
    const before = new Date(run.now().getTime() - KEEP_FINISHED_JOBS_MS).toISOString();
    const deleted = await deleteFinishedJobs(database.db, before);
    run.log.info({ deleted }, `removed ${deleted} finished job(s)`);
  };

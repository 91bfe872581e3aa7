import type { Static } from '@sinclair/typebox';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, systemCtx } from '../../platform/context';
import type { JobHandler } from '../../platform/jobs/job-definition';
import type { duplicateScanJob } from './duplicate-scan.job';
import { scanStep } from './duplicate-scan';

/** The job: batches until the scan is over; stopped, it leaves the rest to its next try. */
export const duplicateScanHandler =
  (scoped: (ctx: Ctx) => WorkspaceDb, batchSize: number): JobHandler<Static<typeof duplicateScanJob.payload>> =>
  async (run) => {
    const db = scoped(systemCtx(run.workspaceId!));
    for (;;) {
      if (run.signal.aborted) throw new Error('duplicate scan stopped; it resumes after its last batch');
      if (await scanStep(db, run.payload.objectType, batchSize)) return;
      // SQLite calls are synchronous: let requests in between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

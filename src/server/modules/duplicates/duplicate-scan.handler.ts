import type { Static } from '@sinclair/typebox';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, systemCtx } from '../../platform/context';
import { nextBatchSize } from '../../platform/jobs/batch-size';
import type { JobHandler } from '../../platform/jobs/job-definition';
import type { duplicateScanJob } from './duplicate-scan.job';
import { scanStep } from './duplicate-scan';

// Each batch is one transaction, kept near this long: on SQLite a request that writes meanwhile
// waits for it, and with jobs on the request thread (RAPPORT_WORKER=inline) every request does.
// There, at a million contacts, 200 ms batches made a request wait 160 ms at the median while a
// scan ran; 50 ms batches, 31 ms, for 4% less speed.
const BUDGET_MS = 50;
const FIRST_BATCH = 500;

/** The job: batches until the scan is over; stopped, it leaves the rest to its next try. `batchSize` is the largest batch. */
export const duplicateScanHandler =
  (scoped: (ctx: Ctx) => WorkspaceDb, batchSize: number): JobHandler<Static<typeof duplicateScanJob.payload>> =>
  async (run) => {
    const db = scoped(systemCtx(run.workspaceId!));
    let size = Math.min(FIRST_BATCH, batchSize);
    for (;;) {
      if (run.signal.aborted) throw new Error('duplicate scan stopped; it resumes after its last batch');
      const started = performance.now();
      if (await scanStep(db, run.payload.objectType, size)) return;
      size = nextBatchSize(size, performance.now() - started, BUDGET_MS, { min: Math.min(100, batchSize), max: batchSize });
      // SQLite calls are synchronous: let requests in between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

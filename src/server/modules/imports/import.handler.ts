import type { Static } from '@sinclair/typebox';
import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../../platform/context';
import type { JobHandler } from '../../platform/jobs/job-definition';
import { nowIso } from '../../platform/ids';
import type { importJob } from './import.job';
import { runImport } from './import-runner';
import { findImport, setImport } from './imports.repository';

export type ImportHooks = {
  /** Once the import is done (its records committed); a failure here retries the job, not the import. */
  afterImport?(db: WorkspaceDb, objectType: string): Promise<void>;
};

/** The job: resumes from the checkpoint; on its last try, a failure marks the import failed. */
export const importHandler =
  (scoped: (ctx: Ctx) => WorkspaceDb, hooks: ImportHooks = {}): JobHandler<Static<typeof importJob.payload>> =>
  async (run) => {
    const workspaceId = run.workspaceId!;
    const db = scoped({ workspaceId, role: 'owner', userId: null, actor: { type: 'system', id: null } });
    try {
      await runImport(scoped, workspaceId, run.payload.importId, { signal: run.signal });
    } catch (err) {
      if (run.attempt >= 3) {
        await setImport(db, run.payload.importId, { status: 'failed', failure: (err as Error).message.slice(0, 2000), updated_at: nowIso() });
      }
      throw err;
    }
    // A retry finds the import done and comes straight here.
    const imp = await findImport(db, run.payload.importId);
    if (imp?.status === 'done') await hooks.afterImport?.(db, imp.object_type);
  };

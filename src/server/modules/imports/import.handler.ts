import type { Static } from '@sinclair/typebox';
import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../../platform/context';
import type { JobHandler } from '../../platform/jobs/job-definition';
import { nowIso } from '../../platform/ids';
import type { importJob } from './import.job';
import { runImport } from './import-runner';
import { setImport } from './imports.repository';

/** The job: resumes from the checkpoint; on its last try, a failure marks the import failed. */
export const importHandler =
  (scoped: (ctx: Ctx) => WorkspaceDb): JobHandler<Static<typeof importJob.payload>> =>
  async (run) => {
    const workspaceId = run.workspaceId!;
    try {
      await runImport(scoped, workspaceId, run.payload.importId, { signal: run.signal });
    } catch (err) {
      if (run.attempt >= 3) {
        const db = scoped({ workspaceId, role: 'owner', userId: null, actor: { type: 'system', id: null } });
        await setImport(db, run.payload.importId, { status: 'failed', failure: (err as Error).message.slice(0, 2000), updated_at: nowIso() });
      }
      throw err;
    }
  };

import type { Database } from '../../db/database';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, systemCtx } from '../../platform/context';
import { newId } from '../../platform/ids';
import type { JobHandler } from '../../platform/jobs/job-definition';
import type { JobQueue } from '../../platform/jobs/job-queue';
import { enabledRulesEverywhere, insertRun } from './retention.repository';
import { retentionRuleJob } from './retention.job';
import type { RetentionService } from './retention.service';

/** The nightly job: one run per enabled rule, queued in the rule's workspace (once per night, whoever queues it). */
export const retentionScheduleHandler =
  (database: Database, scoped: (ctx: Ctx) => WorkspaceDb, queue: JobQueue): JobHandler<unknown> =>
  async (run) => {
    const rules = await enabledRulesEverywhere(database.db);
    const night = run.now().toISOString().slice(0, 10);
    for (const r of rules) {
      const db = scoped(systemCtx(r.workspace_id));
      await db.transaction((tx) => queue.enqueue(tx, retentionRuleJob, { ruleId: r.id, trigger: 'schedule' }, { idempotencyKey: `retention:${r.id}:${night}` }));
    }
    run.log.info({ rules: rules.length }, `queued ${rules.length} retention rule run(s)`);
  };

/** One run of one rule; the run's row is written with the job's completion, or as failed. */
export const retentionRuleHandler =
  (scoped: (ctx: Ctx) => WorkspaceDb, retention: RetentionService): JobHandler<{ ruleId: string; trigger: 'schedule' | 'manual' }> =>
  async (run) => {
    if (!run.workspaceId) throw new Error('a retention run needs a workspace');
    const ctx = systemCtx(run.workspaceId);
    const startedAt = run.now().toISOString();
    const row = { id: newId(), rule_id: run.payload.ruleId, trigger: run.payload.trigger, job_id: run.id, started_at: startedAt };
    try {
      const outcome = await retention.execute(ctx, run.payload.ruleId, run.payload.trigger, run.now());
      if (!outcome) {
        run.log.info({ ruleId: run.payload.ruleId }, 'retention rule is gone or switched off; nothing to do');
        return;
      }
      await run.complete((tx) => insertRun(tx, { ...row, status: 'done', ...outcome, error: null, finished_at: run.now().toISOString() }));
      run.log.info({ ruleId: run.payload.ruleId, ...outcome }, `retention rule ${run.payload.ruleId}: ${outcome.affected} record(s)`);
    } catch (err) {
      const cutoff = startedAt;
      await insertRun(scoped(ctx), { ...row, status: 'failed', cutoff, matched: 0, affected: 0, error: (err as Error).message.slice(0, 2000), finished_at: run.now().toISOString() }).catch(() => {});
      throw err;
    }
  };

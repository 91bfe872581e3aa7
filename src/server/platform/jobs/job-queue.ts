import type { Static, TSchema } from '@sinclair/typebox';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../clock';
import { newId } from '../ids';
import type { JobDefinition } from './job-definition';
import { cancelJob, insertJob, jobIdByKey } from './jobs.repository';
import { payloadProblem } from './payload-check';

export const DEFAULT_MAX_ATTEMPTS = 5;

export type EnqueueOptions = {
  /** When to run (default now). */
  runAt?: Date;
  /** Unique within the workspace: a job enqueued again with the same key is not queued twice. */
  idempotencyKey?: string;
  maxAttempts?: number;
};

/**
 * Enqueues jobs in the caller's transaction: the job exists if and only if the change that
 * caused it was committed. Runners in this process are woken after the commit.
 */
export function createJobQueue(clock: Clock) {
  const listeners = new Set<() => void>();
  const wake = () => {
    for (const listener of listeners) listener();
  };

  return {
    clock,

    async enqueue<S extends TSchema>(tx: WorkspaceDb, def: JobDefinition<S>, payload: Static<S>, opts: EnqueueOptions = {}): Promise<{ id: string; created: boolean }> {
      const problem = payloadProblem(def.payload, payload);
      if (problem) throw new Error(`job ${def.name}: ${problem}`);
      // Keys are stored once for the whole queue, so they carry their workspace.
      const key = opts.idempotencyKey ? `${tx.workspaceId}:${opts.idempotencyKey}` : null;
      const id = newId();
      const created = await insertJob(tx, {
        id,
        type: def.name,
        payload,
        runAt: (opts.runAt ?? clock.now()).toISOString(),
        maxAttempts: opts.maxAttempts ?? def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        idempotencyKey: key,
        at: clock.now().toISOString(),
      });
      if (created) tx.afterCommit(wake);
      return { id: created || !key ? id : ((await jobIdByKey(tx, key)) ?? id), created };
    },

    async cancel(tx: WorkspaceDb, id: string): Promise<void> {
      await cancelJob(tx, id, clock.now().toISOString());
    },

    /** Wakes this queue's runners for a job committed elsewhere in this process (another thread). */
    wake,

    /** Called after a job is committed in this process (runners use it to start at once). */
    onEnqueued(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type JobQueue = ReturnType<typeof createJobQueue>;

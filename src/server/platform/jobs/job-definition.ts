import type { Static, TSchema } from '@sinclair/typebox';
import type { WorkspaceDb } from '../../db/scoped';

type LogFn = (obj: unknown, msg?: string) => void;
/** The pino logger (Fastify's app.log or a pino instance). */
export type JobLogger = { debug: LogFn; info: LogFn; warn: LogFn; error: LogFn; child(bindings: Record<string, unknown>): JobLogger };

/**
 * What a kind of job is: a name, the shape of its payload and how it retries. The handler lives
 * in its own file, so the queue (and who enqueues) never depends on what the job does.
 */
export type JobDefinition<S extends TSchema = TSchema> = {
  /** Stored with every job, e.g. `tasks.reminder`; never rename one that may still be queued. */
  name: string;
  payload: S;
  /** Tries before the job is dead (default 5). */
  maxAttempts?: number;
  /** Delay before the first retry; it doubles on each further try, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A 5-field cron expression in UTC: the runners keep the next occurrence queued (system jobs, empty payload). */
  cron?: string;
};

export const defineJob = <S extends TSchema>(def: JobDefinition<S>): JobDefinition<S> => def;

/** One try of a job, as its handler sees it. */
export type JobRun<P> = {
  id: string;
  type: string;
  payload: P;
  workspaceId: string | null;
  /** 1 on the first try. */
  attempt: number;
  /** Aborted when the worker shuts down and the grace period is over. */
  signal: AbortSignal;
  now(): Date;
  log: JobLogger;
  /**
   * Runs `fn` in one transaction with marking the job done, so its writes happen exactly once: a
   * worker that dies before the commit leaves nothing, and one that lost its lease cannot commit.
   */
  complete<R>(fn: (tx: WorkspaceDb) => Promise<R>): Promise<R>;
};

export type JobHandler<P> = (run: JobRun<P>) => Promise<void>;

export type JobRegistration = { definition: JobDefinition<any>; handler: JobHandler<any> };

/** Pairs a definition with its handler for the runner. */
export const registerJob = <S extends TSchema>(definition: JobDefinition<S>, handler: JobHandler<Static<S>>): JobRegistration => ({
  definition,
  handler,
});

/** A failure that no retry can fix (bad payload, missing record): the job goes straight to dead. */
export class PermanentJobError extends Error {}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../../db/database';
import type { JobRow } from '../../db/schema';
import { type ChangeFeed, WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../clock';
import { newId } from '../ids';
import { nextCronRun } from './cron';
import type { RunnerOptions } from './job-config';
import { type JobLogger, type JobRegistration, type JobRun, PermanentJobError } from './job-definition';
import type { JobQueue } from './job-queue';
import { DEFAULT_MAX_ATTEMPTS } from './job-queue';
import * as repo from './jobs.repository';
import { payloadProblem } from './payload-check';

const DEFAULT_BACKOFF_MS = 10_000;
const DEFAULT_MAX_BACKOFF_MS = 3_600_000;

class LeaseLost extends Error {}

/** Delay before try `attempt + 1`: doubles each time, capped. */
export const backoffMs = (attempt: number, base = DEFAULT_BACKOFF_MS, max = DEFAULT_MAX_BACKOFF_MS) =>
  Math.min(max, base * 2 ** Math.max(0, attempt - 1));

const describe = (err: unknown) => (err instanceof Error ? err.message || err.name : String(err)).slice(0, 2000);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export type RunnerDeps = {
  database: Database;
  queue: JobQueue;
  registrations: JobRegistration[];
  clock: Clock;
  log: JobLogger;
  /** Live updates for writes that handlers make through `complete`. */
  feed: ChangeFeed | null;
};

/**
 * Claims due jobs and runs them, a few at a time. Several runners (processes) may share one
 * database: claims never overlap, a crashed runner's jobs come back when its lease ends, and a
 * stopping runner lets running jobs finish or hands them back.
 */
export function createJobRunner(deps: RunnerDeps, options: RunnerOptions) {
  const { database, clock } = deps;
  const { db, dialect } = database;
  const byName = new Map(deps.registrations.map((r) => [r.definition.name, r]));
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = deps.log.child({ workerId });
  const inFlight = new Map<string, { done: Promise<void>; abort: AbortController }>();
  let state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  let pollTimer: NodeJS.Timeout | undefined;
  let leaseTimer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let claiming: Promise<void> | null = null;
  let claimAgain = false;

  const iso = (ms = 0) => new Date(clock.now().getTime() + ms).toISOString();

  /** Keeps the next occurrence of every cron job queued; runners agree through the idempotency key. */
  async function scheduleCron(def: JobRegistration['definition'], after: Date) {
    if (!def.cron) return;
    const runAt = nextCronRun(def.cron, after).toISOString();
    const at = iso();
    await repo.insertSystemJob(db, dialect, {
      id: newId(),
      type: def.name,
      payload: {},
      runAt,
      maxAttempts: def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      idempotencyKey: `cron:${def.name}:${runAt}`,
      at,
    });
  }

  async function fail(row: JobRow, err: unknown, jobLog: JobLogger) {
    const def = byName.get(row.type)?.definition;
    const error = describe(err);
    const dead = err instanceof PermanentJobError || row.attempts >= row.max_attempts;
    const retryAt = dead ? null : iso(backoffMs(row.attempts, def?.backoffMs, def?.maxBackoffMs));
    const held = await repo.failJob(db, { id: row.id, workerId, at: iso(), error, retryAt });
    if (!held) jobLog.warn({ err }, `job ${row.type} failed after its lease was lost: ${error}`);
    else if (dead) jobLog.error({ err, attempts: row.attempts }, `job ${row.type} is dead after ${row.attempts} attempt(s): ${error}`);
    else jobLog.warn({ err, retryAt }, `job ${row.type} failed (attempt ${row.attempts} of ${row.max_attempts}), retrying at ${retryAt}: ${error}`);
  }

  async function execute(row: JobRow, signal: AbortSignal): Promise<void> {
    const jobLog = log.child({ jobId: row.id, jobType: row.type, attempt: row.attempts });
    const registration = byName.get(row.type);
    try {
      if (row.attempts > row.max_attempts) {
        throw new PermanentJobError(`its worker stopped without finishing it ${row.max_attempts} time(s)`);
      }
      if (!registration) throw new Error(`no handler for job type "${row.type}" in this process`);
      const { definition, handler } = registration;
      if (definition.cron) await scheduleCron(definition, new Date(Math.max(Date.parse(row.run_at), clock.now().getTime())));
      const payload = dialect.json.read<unknown>(row.payload, null);
      const problem = payloadProblem(definition.payload, payload);
      if (problem) throw new PermanentJobError(`${problem} (${row.type})`);

      let completed = false;
      const run: JobRun<unknown> = {
        id: row.id,
        type: row.type,
        payload,
        workspaceId: row.workspace_id,
        attempt: row.attempts,
        signal,
        now: () => clock.now(),
        log: jobLog,
        complete: async (fn) => {
          if (!row.workspace_id) throw new Error('complete() needs a workspace job');
          const result = await new WorkspaceDb(db, row.workspace_id, dialect, deps.feed).transaction(async (tx) => {
            const out = await fn(tx);
            // Fenced: if another worker has taken the job over, this try's writes roll back.
            if (!(await repo.finishJobIn(tx, { id: row.id, workerId, at: iso() }))) throw new LeaseLost();
            return out;
          });
          completed = true;
          return result;
        },
      };
      await handler(run);
      if (!completed && !(await repo.finishJob(db, { id: row.id, workerId, at: iso() }))) throw new LeaseLost();
      jobLog.debug({}, `job ${row.type} done`);
    } catch (err) {
      if (err instanceof LeaseLost) jobLog.warn({}, `job ${row.type} ran past its lease; another worker has taken it over`);
      else await fail(row, err, jobLog);
    }
  }

  function launch(row: JobRow) {
    const abort = new AbortController();
    const done = execute(row, abort.signal)
      .catch((err) => log.error({ err, jobId: row.id }, `could not record the outcome of job ${row.id}; it returns when its lease ends`))
      .finally(() => {
        inFlight.delete(row.id);
        if (state === 'running') void poll();
      });
    inFlight.set(row.id, { done, abort });
  }

  /** Claims as many due jobs as there is room for; returns how many. */
  async function claim(): Promise<number> {
    const room = options.concurrency - inFlight.size;
    if (room <= 0) return 0;
    const rows = await repo.claimJobs(db, dialect, { workerId, now: iso(), lockedUntil: iso(options.leaseMs), limit: room });
    for (const row of rows) launch(row);
    return rows.length;
  }

  async function poll(): Promise<void> {
    if (state !== 'running') return;
    if (claiming) {
      claimAgain = true;
      return;
    }
    clearTimeout(pollTimer);
    claiming = (async () => {
      try {
        do {
          claimAgain = false;
          while (state === 'running' && (await claim()) > 0);
        } while (claimAgain && state === 'running');
      } catch (err) {
        log.error({ err }, 'could not claim jobs; trying again shortly');
      } finally {
        claiming = null;
        if (state === 'running') pollTimer = setTimeout(() => void poll(), options.pollMs);
      }
    })();
    await claiming;
  }

  return {
    workerId,

    async start(): Promise<void> {
      if (state !== 'idle') return;
      state = 'running';
      for (const r of deps.registrations) await scheduleCron(r.definition, clock.now());
      unsubscribe = deps.queue.onEnqueued(() => void poll());
      leaseTimer = setInterval(() => {
        repo.extendLeases(db, [...inFlight.keys()], workerId, iso(options.leaseMs)).catch((err) => log.error({ err }, 'could not extend job leases'));
      }, Math.max(50, Math.floor(options.leaseMs / 3)));
      log.info({ concurrency: options.concurrency, leaseMs: options.leaseMs }, 'job runner started');
      void poll();
    },

    /** Stops claiming; running jobs get `graceMs` to finish, then go back to the queue. */
    async stop(graceMs = options.graceMs): Promise<void> {
      if (state !== 'running') return;
      state = 'stopping';
      clearTimeout(pollTimer);
      unsubscribe?.();
      // A claim under way may still hand this runner jobs: wait for it, so they are counted below.
      await claiming;
      const all = Promise.all([...inFlight.values()].map((f) => f.done));
      const timedOut = await Promise.race([all.then(() => false), sleep(graceMs).then(() => true)]);
      if (timedOut && inFlight.size > 0) {
        const ids = [...inFlight.keys()];
        // Release first, then abort: a handler that fails on the abort then finds the job no longer its own.
        const released = await repo.releaseJobs(db, ids, workerId, iso());
        for (const f of inFlight.values()) f.abort.abort();
        log.warn({ jobIds: ids }, `released ${released} unfinished job(s) back to the queue`);
      }
      clearInterval(leaseTimer);
      state = 'stopped';
      log.info({}, 'job runner stopped');
    },

    /** Runs every job that is due now, and what becomes due while doing so; for tests and tools. */
    async runDue(): Promise<number> {
      let total = 0;
      for (;;) {
        const n = await claim();
        total += n;
        if (n === 0 && inFlight.size === 0) return total;
        if (n === 0 || inFlight.size >= options.concurrency) await Promise.race([...inFlight.values()].map((f) => f.done));
      }
    },

    inFlight: () => inFlight.size,
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;

import { Worker } from 'node:worker_threads';
import type { LiveMessage } from '../contract/notifications';
import type { DatabaseConfig } from './db/database';
import type { RunnerOptions } from './platform/jobs/job-config';
import type { JobLogger } from './platform/jobs/job-definition';
import type { Services } from './services';

/** What the request thread tells the job thread. */
export type ToJobThread = { type: 'wake' } | { type: 'stop' };
/** What the job thread tells the request thread. */
export type FromJobThread = { type: 'ready' } | { type: 'live'; messages: LiveMessage[] };
/** How the thread opens the database (as the request thread did) and logs. */
export type JobThreadData = { database: Omit<DatabaseConfig, 'log'>; logLevel: string; options: RunnerOptions };

export type JobThread = { stop(): Promise<void> };
export type JobThreadOptions = JobThreadData & {
  services: Services;
  log: JobLogger;
  /** The thread's script; a test starts one that dies on purpose. */
  entry?: URL;
};

const RESTART_AFTER_MS = 1_000;
// Beyond the jobs' grace period: time for the thread to hand jobs back and close its connection.
const STOP_MARGIN_MS = 5_000;

/**
 * Runs this process's jobs in a worker thread with a database connection of its own. SQLite
 * calls are synchronous, so on the request thread an import chunk or a duplicate-scan batch held
 * every request for as long as it ran: at a million contacts a GET waited 378 ms at the median
 * while an import went on. In a thread, requests go on: on SQLite reads never wait for the
 * thread's writes (WAL), and writes wait only for its current transaction.
 *
 * The thread hands its live updates to this thread's streams (on PostgreSQL they come back by
 * NOTIFY, as other nodes' do), and a job enqueued here wakes it at once.
 */
export async function startJobThread(opts: JobThreadOptions): Promise<JobThread> {
  const { services, log } = opts;
  let worker: Worker;
  let alive = false;
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;

  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      const data: JobThreadData = { database: opts.database, logLevel: opts.logLevel, options: opts.options };
      const w = new Worker(opts.entry ?? new URL('./job-thread.boot.mjs', import.meta.url), { workerData: data });
      worker = w;
      alive = true;
      let ready = false;
      w.on('message', (m: FromJobThread) => {
        if (m.type === 'live') services.live.deliverRelayed(m.messages);
        else if (m.type === 'ready') {
          ready = true;
          resolve();
        }
      });
      w.on('error', (err) => log.error({ err }, 'the job thread failed'));
      w.once('exit', (code) => {
        alive = false;
        if (!ready) return reject(new Error(`the job thread exited with ${code} before it was ready`));
        if (stopping) return;
        // Its jobs go back to the queue when their leases end; a new thread takes them up.
        log.error({ code }, 'the job thread stopped unexpectedly; starting another');
        restart = setTimeout(() => void spawn().catch((err) => log.error({ err }, 'could not restart the job thread')), RESTART_AFTER_MS);
        restart.unref();
      });
    });

  await spawn();
  const unsubscribe = services.queue.onEnqueued(() => worker.postMessage({ type: 'wake' } satisfies ToJobThread));
  return {
    /** Lets running jobs finish within their grace period (or hands them back), then ends the thread. */
    async stop() {
      stopping = true;
      clearTimeout(restart);
      unsubscribe();
      if (!alive) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'stop' } satisfies ToJobThread);
      // A handler that ignores its abort signal must not keep the process from stopping.
      const late = setTimeout(() => void worker.terminate(), opts.options.graceMs + STOP_MARGIN_MS);
      await exited;
      clearTimeout(late);
    },
  };
}

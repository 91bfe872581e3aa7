import { Worker } from 'node:worker_threads';

/** What the checkpoint thread has done so far. */
export type CheckpointStats = { passes: number; busyMs: number; log: number; checkpointed: number };
export type Checkpointer = { stats(): CheckpointStats; stop(): Promise<void> };

/**
 * Copies SQLite's write-ahead log into the database file from a thread of its own.
 *
 * Left to SQLite, the connection whose commit pushes the log past `wal_autocheckpoint` copies
 * up to 64 MB inside that commit, and the fsync that ends the copy slows every write for a
 * while after. On the request thread, single creates under load (10 connections, 100k
 * contacts) had a p99 of 72–88 ms, against 32 ms with no checkpoint at all. Here a PASSIVE
 * checkpoint runs every `intervalMs`: it never blocks readers or writers, and a short interval
 * keeps each copy (and its fsync) small — p99 33–42 ms at 100 ms, 65–75 ms at 500 ms. The
 * connections keep their autocheckpoint: it still restarts the log under steady writes, but
 * finds most of it copied; and if this thread dies, they checkpoint as before.
 */
export function startCheckpointer(file: string, opts: { intervalMs?: number; onError?: (message: string) => void } = {}): Checkpointer {
  const worker = new Worker(new URL('./checkpoint.worker.mjs', import.meta.url), { workerData: { file, intervalMs: opts.intervalMs ?? 100 } });
  // Never what keeps a process alive: a CLI command that ends without closing still exits.
  worker.unref();
  let stats: CheckpointStats = { passes: 0, busyMs: 0, log: 0, checkpointed: 0 };
  worker.on('message', (m: { type: 'stats' } & CheckpointStats | { type: 'error'; message: string }) => {
    if (m.type === 'stats') stats = { passes: m.passes, busyMs: m.busyMs, log: m.log, checkpointed: m.checkpointed };
    else opts.onError?.(m.message);
  });
  worker.on('error', (err) => opts.onError?.(err.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stats: () => stats,
    stop: async () => {
      // Held while it closes: otherwise a process with nothing else left would exit mid-close.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}

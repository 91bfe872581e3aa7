// The checkpoint thread's body (see checkpointer.ts): plain JavaScript with one dependency, so
// the thread starts in milliseconds and costs a few megabytes.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, intervalMs } = workerData;
const db = new SQLite(file, { fileMustExist: true });
let timer;
let last = { log: 0, checkpointed: 0 };
let passes = 0;
let busyMs = 0;
let lastError = '';

function tick() {
  const started = performance.now();
  try {
    // PASSIVE never waits: it copies the frames no reader still needs and leaves the rest for
    // the next round. With nothing new in the log it returns at once, without an fsync.
    const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (checkpointed > 0 && (log !== last.log || checkpointed !== last.checkpointed)) {
      passes++;
      busyMs += performance.now() - started;
      parentPort.postMessage({ type: 'stats', passes, busyMs: Math.round(busyMs), log, checkpointed });
    }
    last = { log, checkpointed };
    lastError = '';
  } catch (err) {
    // A failure that lasts (a full disk) is told once, not ten times a second.
    if (err.message !== lastError) parentPort.postMessage({ type: 'error', message: err.message });
    lastError = err.message;
  }
  timer = setTimeout(tick, intervalMs);
}

parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearTimeout(timer);
    db.close();
    parentPort.close();
  }
});
tick();

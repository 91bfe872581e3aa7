export type RunnerOptions = {
  /** Jobs run at once by one process. */
  concurrency: number;
  /** How long a claimed job stays locked without a heartbeat; a crashed worker's jobs return after it. */
  leaseMs: number;
  /** How often an idle runner looks for due jobs. */
  pollMs: number;
  /** On shutdown, how long running jobs may take before they are released back to the queue. */
  graceMs: number;
  workerId?: string;
};

const num = (v: string | undefined, fallback: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback);

/**
 * Where `rapport start` runs jobs: in a thread of its own (the default), so a long import or
 * scan never holds up requests; `inline` on the thread that serves requests; `off` not at all
 * (when `rapport worker` processes do).
 */
export type JobMode = 'thread' | 'inline' | 'off';

function jobMode(value: string | undefined): JobMode {
  const v = String(value ?? '').toLowerCase();
  if (['off', '0', 'false'].includes(v)) return 'off';
  return v === 'inline' ? 'inline' : 'thread';
}

/** RAPPORT_JOB_* settings and RAPPORT_WORKER (thread, inline or off: see JobMode). */
export function loadRunnerOptions(env: NodeJS.ProcessEnv = process.env): RunnerOptions & { mode: JobMode; threadCacheMb: number } {
  const mode = jobMode(env.RAPPORT_WORKER);
  return {
    mode,
    // The job thread's own SQLite page cache. At a million contacts an import ran 18% faster and
    // the server's peak RSS was 200 MB lower with 64 MB than with 256 (this VM's page faults
    // cost more than the reads a larger cache saves).
    threadCacheMb: num(env.RAPPORT_JOB_SQLITE_CACHE_MB, 64),
    concurrency: num(env.RAPPORT_JOB_CONCURRENCY, 5),
    leaseMs: num(env.RAPPORT_JOB_LEASE_MS, 60_000),
    pollMs: num(env.RAPPORT_JOB_POLL_MS, 1_000),
    graceMs: num(env.RAPPORT_JOB_GRACE_MS, 10_000),
  };
}

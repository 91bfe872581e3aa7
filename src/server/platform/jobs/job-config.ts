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

/** RAPPORT_JOB_* settings; RAPPORT_WORKER=off keeps `rapport start` from running jobs (when `rapport worker` does). */
export function loadRunnerOptions(env: NodeJS.ProcessEnv = process.env): RunnerOptions & { inProcess: boolean } {
  return {
    inProcess: !['off', '0', 'false'].includes(String(env.RAPPORT_WORKER ?? '').toLowerCase()),
    concurrency: num(env.RAPPORT_JOB_CONCURRENCY, 5),
    leaseMs: num(env.RAPPORT_JOB_LEASE_MS, 60_000),
    pollMs: num(env.RAPPORT_JOB_POLL_MS, 1_000),
    graceMs: num(env.RAPPORT_JOB_GRACE_MS, 10_000),
  };
}

import pino from 'pino';
import type { Database, DatabaseConfig } from './db/database';
import { startJobThread } from './job-thread';
import { type JobMode, type RunnerOptions, loadRunnerOptions } from './platform/jobs/job-config';
import type { JobLogger, JobRegistration } from './platform/jobs/job-definition';
import type { JobRunner } from './platform/jobs/job-runner';
import type { Services } from './services';

/** Starts this process's job runner; `stop()` on it lets running jobs finish (or hands them back). */
export async function startJobWorker(services: Services, log: JobLogger, options: RunnerOptions = loadRunnerOptions(), extra: JobRegistration[] = []): Promise<JobRunner> {
  const runner = services.createJobRunner(log, options, extra);
  await runner.start();
  return runner;
}

/** The jobs of `rapport start`, where RAPPORT_WORKER puts them (see JobMode); null when off. */
export async function startServerJobs(opts: {
  database: Omit<DatabaseConfig, 'log'>;
  logLevel: string;
  services: Services;
  log: JobLogger;
  options: RunnerOptions & { mode: JobMode; threadCacheMb: number };
}): Promise<{ stop(): Promise<void> } | null> {
  if (opts.options.mode === 'off') return null;
  if (opts.options.mode === 'inline') return startJobWorker(opts.services, opts.log, opts.options);
  // The request thread's connection runs the checkpoints; one thread for them is enough.
  return startJobThread({ ...opts, database: { ...opts.database, sqliteCacheMb: opts.options.threadCacheMb, backgroundCheckpoints: false } });
}

/**
 * The job runner alone (`rapport worker`): for deployments that run jobs apart from the web
 * nodes. On PostgreSQL, several may run at once; what their jobs change reaches the web
 * nodes' live streams through NOTIFY.
 */
export async function runWorkerProcess(opts: { database: Database; services: Services; logLevel: string; options?: RunnerOptions }) {
  const log = pino({ level: opts.logLevel, base: { role: 'worker' } });
  const runner = await startJobWorker(opts.services, log, opts.options ?? loadRunnerOptions());
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping: running jobs get their grace period');
    await runner.stop();
    await opts.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return runner;
}

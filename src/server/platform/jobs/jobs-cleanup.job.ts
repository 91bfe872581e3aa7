import { Type } from '@sinclair/typebox';
import { defineJob } from './job-definition';

/** Every night: forget finished jobs after a week (their idempotency keys go with them). */
export const jobsCleanupJob = defineJob({ name: 'jobs.cleanup', payload: Type.Object({}), cron: '17 3 * * *', maxAttempts: 3 });
export const KEEP_FINISHED_JOBS_MS = 7 * 86_400_000;

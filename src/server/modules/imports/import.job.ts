import { Type } from '@sinclair/typebox';
import { defineJob } from '../../platform/jobs/job-definition';

/** Runs a CSV import chunk by chunk; a retry (or another worker after a crash) resumes from its checkpoint. */
export const importJob = defineJob({
  name: 'imports.run',
  payload: Type.Object({ importId: Type.String({ format: 'uuid' }) }),
  maxAttempts: 3,
  backoffMs: 5_000,
});

import { Type } from '@sinclair/typebox';
import { defineJob } from '../../platform/jobs/job-definition';

/** Brings the duplicate keys of contacts or companies up to date, a batch per transaction; a retry resumes after the last batch. */
export const duplicateScanJob = defineJob({
  name: 'duplicates.scan',
  payload: Type.Object({ objectType: Type.Union([Type.Literal('contacts'), Type.Literal('companies')]) }),
  maxAttempts: 5,
  backoffMs: 5_000,
});

import { Type } from '@sinclair/typebox';
import { defineJob } from '../../platform/jobs/job-definition';

/** At a task's due time (less its reminder offset): tells the assignee. */
export const taskReminderJob = defineJob({
  name: 'tasks.reminder',
  payload: Type.Object({ taskId: Type.String({ format: 'uuid' }) }),
  maxAttempts: 5,
  backoffMs: 30_000,
});

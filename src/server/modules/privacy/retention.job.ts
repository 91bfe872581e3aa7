import { Type } from '@sinclair/typebox';
import { defineJob } from '../../platform/jobs/job-definition';

/** Every night: queue a run of every enabled retention rule of every workspace. */
export const retentionScheduleJob = defineJob({ name: 'privacy.retention', payload: Type.Object({}), cron: '41 2 * * *', maxAttempts: 3 });

/** One run of one rule in its workspace (nightly, or asked for with "Run now"). */
export const retentionRuleJob = defineJob({
  name: 'privacy.retention-rule',
  payload: Type.Object({ ruleId: Type.String(), trigger: Type.Union([Type.Literal('schedule'), Type.Literal('manual')]) }),
  maxAttempts: 3,
});

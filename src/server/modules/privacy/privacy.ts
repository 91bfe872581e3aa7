import type { Database } from '../../db/database';
import type { WorkspaceDb } from '../../db/scoped';
import type { App } from '../../http/types';
import type { Clock } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { type JobRegistration, registerJob } from '../../platform/jobs/job-definition';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { ContactsService } from '../contacts/contacts.service';
import type { LeadsService } from '../leads/leads.service';
import { createConsentsService } from './consents.service';
import { createErasureService } from './erasure.service';
import { createPersonalExportService } from './export.service';
import { registerPrivacyRoutes } from './privacy.routes';
import { retentionRuleHandler, retentionScheduleHandler } from './retention.handler';
import { retentionRuleJob, retentionScheduleJob } from './retention.job';
import { registerRetentionRoutes } from './retention.routes';
import { createRetentionService } from './retention.service';

/** Privacy: consent records, the personal data export, erasure and retention rules with their jobs. */
export function createPrivacy(deps: { database: Database; scoped: (ctx: Ctx) => WorkspaceDb; clock: Clock; queue: JobQueue; contacts: ContactsService; leads: LeadsService }) {
  const { database, scoped, clock, queue } = deps;
  const erasure = createErasureService(scoped, clock);
  const retention = createRetentionService({ scoped, clock, queue, records: { leads: deps.leads, contacts: deps.contacts }, erasure });
  const jobs: JobRegistration[] = [
    registerJob(retentionScheduleJob, retentionScheduleHandler(database, scoped, queue)),
    registerJob(retentionRuleJob, retentionRuleHandler(scoped, retention)),
  ];
  return { consents: createConsentsService(scoped, clock), personalExport: createPersonalExportService(scoped, clock), erasure, retention, jobs };
}
export type Privacy = ReturnType<typeof createPrivacy>;

export function installPrivacy(app: App, privacy: Privacy) {
  registerPrivacyRoutes(app, privacy);
  registerRetentionRoutes(app, privacy.retention);
}

import type { RecordType } from '../contract/custom-fields';
import type { Database } from './db/database';
import { WorkspaceDb } from './db/scoped';
import { createCompaniesService } from './modules/companies/companies.service';
import { createContactsService } from './modules/contacts/contacts.service';
import { createApiKeysService } from './platform/auth/api-keys.service';
import { createAuthService } from './platform/auth/auth.service';
import { createMembersService } from './platform/auth/members.service';
import type { Ctx } from './platform/context';
import { createCustomFieldsService } from './platform/custom-fields/custom-fields.service';
import { createAuditService } from './platform/events/audit.service';
import { createSearchService } from './platform/search/search.service';
import { createViewsService } from './platform/views/views.service';
import { createInteractions } from './interactions';
import { type Clock, systemClock } from './platform/clock';
import { createLiveHub } from './platform/live/live-hub';
import { createSales } from './sales';
import { importHandler } from './modules/imports/import.handler';
import { importJob } from './modules/imports/import.job';
import { createImportsService } from './modules/imports/imports.service';
import { registerJob } from './platform/jobs/job-definition';
import { createPrivacy } from './modules/privacy/privacy';
import type { DuplicateScanOptions } from './modules/duplicates/duplicate-scan';
import { createDuplicates } from './modules/duplicates/duplicates';

/** Wires every service to the database; the HTTP layer and the CLI both start here. */
export function createServices(database: Database, opts: { clock?: Clock; duplicateScan?: DuplicateScanOptions } = {}) {
  // Every event recorded through a scoped database reaches live streams once committed.
  const live = createLiveHub(database);
  const scoped = (ctx: Ctx) => new WorkspaceDb(database.db, ctx.workspaceId, database.dialect, live.feed, null, database.readNow);
  const auth = createAuthService(database);
  const contacts = createContactsService(scoped);
  const companies = createCompaniesService(scoped);
  const sales = createSales({ scoped, clock: opts.clock ?? systemClock, contacts, companies });
  const records = { contacts, companies, leads: sales.leads, deals: sales.deals } as const;
  const interactions = createInteractions({ database, scoped, live, clock: opts.clock ?? systemClock });
  const duplicates = createDuplicates({ scoped, queue: interactions.queue, contacts, companies, scan: opts.duplicateScan });
  interactions.jobRegistrations.push(...duplicates.jobs);
  // The runners read this list when they are created, so the import job is registered with the others.
  // A finished import leaves many new records: their duplicate keys are brought up to date in the background.
  const importHooks = { afterImport: duplicates.afterImport };
  interactions.jobRegistrations.push(registerJob(importJob, importHandler(scoped, importHooks)));
  const privacy = createPrivacy({ database, scoped, clock: opts.clock ?? systemClock, queue: interactions.queue, contacts, leads: sales.leads });
  interactions.jobRegistrations.push(...privacy.jobs);
  return {
    database,
    scoped,
    auth,
    members: createMembersService(database, scoped, auth),
    apiKeys: createApiKeysService(scoped, auth),
    customFields: createCustomFieldsService(scoped),
    contacts,
    companies,
    views: createViewsService(scoped, (ctx, objectType: RecordType) => records[objectType].fields(ctx)),
    audit: createAuditService(scoped),
    search: createSearchService(scoped),
    ...interactions,
    ...sales,
    imports: createImportsService(scoped, interactions.queue),
    /** What an import run outside the job (the CLI) must do once done, as the job does. */
    importHooks,
    duplicates: duplicates.service,
    privacy,
  };
}
export type Services = ReturnType<typeof createServices>;

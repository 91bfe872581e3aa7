import { randomUUID } from 'node:crypto';
import path from 'node:path';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Company, CompanyBulkUpdate, CompanyCreate, CompanyUpdate } from '../contract/companies';
import { Contact, ContactBulkUpdate, ContactCreate, ContactUpdate } from '../contract/contacts';
import type { Config } from './config';
import type { Database } from './db/database';
import { installAuth } from './http/auth';
import { installMetrics } from './http/metrics';
import { installOpenApi } from './http/openapi';
import { installErrorHandler } from './http/problem';
import type { App } from './http/types';
import { installValidators } from './http/validation';
import { installWebApp } from './http/web-app';
import { registerAuthRoutes } from './platform/auth/auth.routes';
import { registerMemberRoutes } from './platform/auth/members.routes';
import { registerRecordRoutes } from './platform/records/record-routes';
import { registerWorkspaceRoutes } from './platform/workspace.routes';
import { type Services, createServices } from './services';
import { installInteractions } from './interactions';
import { installSales, watchSharedRoutes } from './sales';
import { registerExportRoute } from './modules/imports/export.routes';
import { registerImportRoutes } from './modules/imports/imports.routes';
import { registerDuplicateRoutes } from './modules/duplicates/duplicates.routes';
import type { Clock } from './platform/clock';
import type { DuplicateScanOptions } from './modules/duplicates/duplicate-scan';
import { installPrivacy } from './modules/privacy/privacy';

export type BuildOptions = {
  config: Config;
  database: Database;
  /** Requests per 15 minutes per address and email on sign-in routes. */
  signInLimit?: number;
  logger?: boolean;
  /** Where "now" comes from for jobs, reminders and due dates (tests move a manual clock). */
  clock?: Clock;
  /** When the duplicates list hands its key scan to the job, and the job's batch size. */
  duplicateScan?: DuplicateScanOptions;
};

/** Builds the HTTP app without listening; tests drive it through `inject` or a real port. */
export async function buildApp(opts: BuildOptions): Promise<{ app: App; services: Services }> {
  const { config, database } = opts;
  const services = createServices(database, { clock: opts.clock, duplicateScan: opts.duplicateScan });
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  installValidators(app);
  installErrorHandler(app);
  installMetrics(app);
  // Cookies are parsed by the auth hook, which also echoes the request id (one hook, not three).
  await app.register(cookie, { hook: false });
  await installOpenApi(app);
  installAuth(app, services);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await services.auth.ping();
      return { status: 'ready', database: database.dialect.name };
    } catch (err) {
      reply.status(503);
      return { status: 'unavailable', detail: (err as Error).message };
    }
  });

  await registerAuthRoutes(app, services, { secureCookies: config.secureCookies, signInLimit: opts.signInLimit ?? 20 });
  registerMemberRoutes(app, services, { publicUrl: config.publicUrl });
  registerWorkspaceRoutes(app, services);
  registerRecordRoutes(app, { path: 'contacts', tag: 'Contacts', service: services.contacts as any, item: Contact, create: ContactCreate, update: ContactUpdate, bulkUpdate: ContactBulkUpdate });
  registerRecordRoutes(app, { path: 'companies', tag: 'Companies', service: services.companies as any, item: Company, create: CompanyCreate, update: CompanyUpdate, bulkUpdate: CompanyBulkUpdate });
  registerExportRoute(app, { path: 'contacts', tag: 'Contacts', service: services.contacts as any });
  registerExportRoute(app, { path: 'companies', tag: 'Companies', service: services.companies as any });
  registerDuplicateRoutes(app, services);
  // Before the routes it watches are declared.
  watchSharedRoutes(app, services);
  await installInteractions(app, services, config, database);
  await registerImportRoutes(app, services.imports);
  installSales(app, services);
  installPrivacy(app, services.privacy);

  await installWebApp(app, config.webRoot ?? path.resolve('dist/web'));
  return { app, services };
}

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { databaseConfig, loadConfig } from '../src/server/config';
import { migrateToLatest, openDatabase } from '../src/server/db/database';
import type { Database } from '../src/server/db/database';
import { WorkspaceDb } from '../src/server/db/scoped';
import { createCompaniesService } from '../src/server/modules/companies/companies.service';
import { createContactsService } from '../src/server/modules/contacts/contacts.service';
import { type Ctx, systemCtx } from '../src/server/platform/context';
import { createServices } from '../src/server/services';
import { makeGenerator } from './generator';
import { type Extras, loadExtras } from './load-extras';
import { Progress } from './progress';

export type Loaded = {
  workspaceId: string;
  apiKey: string;
  contactIds: string[];
  companyIds: string[];
  ownerId: string;
  loadSeconds: number;
  lastNames: string[];
  firstNames: string[];
  /** Emails of some loaded contacts, for imports that meet existing people. */
  sampleEmails: string[];
  extras: Extras;
};

const BATCH = 1000;
/**
 * Bulk calls under way at once: PostgreSQL writes one batch while this process prepares the
 * next (two cores); SQLite has one writer, so a second caller would only wait.
 */
export const loadLanes = (dialect: string) => (dialect === 'postgres' ? 2 : 1);
/**
 * On SQLite the bulk calls of a round share one transaction, as an import's chunk does: at a
 * million contacts each commit writes about one page per random index key (names, emails), so
 * five calls a commit load ~15% faster than one.
 */
const SQLITE_CALLS_PER_COMMIT = 5;

type Services = ReturnType<typeof createServices>;
type Kind = 'contacts' | 'companies';
/** Creates each batch through the product's bulk create: side by side on PostgreSQL, in one transaction on SQLite. */
function bulkWriter(database: Database, services: Services, ctx: Ctx) {
  return async (kind: Kind, batches: object[][]): Promise<{ id: string }[][]> => {
    if (database.dialect.name === 'postgres') return Promise.all(batches.map((batch) => services[kind].bulkCreate(ctx, batch as any[])));
    const root = new WorkspaceDb(database.db, ctx.workspaceId, database.dialect, null, null, database.readNow);
    return root.transaction(async (tx) => {
      // The same service, bound to the round's transaction so its bulk calls join it.
      const service = (kind === 'contacts' ? createContactsService : createCompaniesService)(() => tx);
      const out: { id: string }[][] = [];
      for (const batch of batches) out.push(await service.bulkCreate(ctx, batch as any[]));
      return out;
    });
  };
}

/**
 * Loads companies and contacts through the product's own bulk create (validation, events, search).
 * This is setup, not a measurement: the bench loads both databases at once and times bulk
 * create separately, over HTTP, once the load is over.
 */
export async function loadData(env: Record<string, string>, contacts: number): Promise<Loaded> {
  const started = performance.now();
  const config = loadConfig({ ...process.env, ...env });
  const database = openDatabase(databaseConfig(config));
  await migrateToLatest(database.db);
  const services = createServices(database);
  const { workspaceId, userId } = await services.auth.createWorkspaceWithOwner({
    email: `bench-${randomBytes(4).toString('hex')}@example.com`,
    password: 'benchmark password',
    name: 'Bench',
    workspaceName: 'Bench',
  });
  const ctx = systemCtx(workspaceId);
  const perRound = database.dialect.name === 'postgres' ? loadLanes('postgres') : SQLITE_CALLS_PER_COMMIT;
  const write = bulkWriter(database, services, ctx);
  const gen = makeGenerator();
  const companies = Math.max(1, Math.floor(contacts / 5));
  const progress = new Progress('load', contacts + companies);
  const companyIds: string[] = [];
  for (let i = 0; i < companies; i += BATCH * perRound) {
    const batches: ReturnType<typeof gen.company>[][] = [];
    for (let start = i; start < Math.min(companies, i + BATCH * perRound); start += BATCH) {
      batches.push(Array.from({ length: Math.min(BATCH, companies - start) }, (_, k) => gen.company(start + k, userId)));
    }
    for (const created of await write('companies', batches)) {
      companyIds.push(...created.map((c) => c.id));
      progress.add(created.length);
    }
  }
  const contactIds: string[] = [];
  const sampleEmails: string[] = [];
  for (let i = 0; i < contacts; i += BATCH * perRound) {
    const batches: ReturnType<typeof gen.contact>[][] = [];
    for (let start = i; start < Math.min(contacts, i + BATCH * perRound); start += BATCH) {
      batches.push(Array.from({ length: Math.min(BATCH, contacts - start) }, (_, k) => gen.contact(start + k, companyIds, userId)));
    }
    const created = await write('contacts', batches);
    batches.forEach((batch, b) => {
      // Keep a sample of ids for the by-id scenario, not all of them.
      if (contactIds.length < 5000) contactIds.push(...created[b].slice(0, 50).map((c) => c.id));
      if (sampleEmails.length < 5000) sampleEmails.push(...batch.slice(0, 50).map((c) => c.emails![0].email));
      progress.add(batch.length);
    });
  }
  progress.done();
  const extras = await loadExtras(services, ctx, { contacts, companyIds, contactIds, ownerId: userId });
  const { secret } = await services.apiKeys.create(ctx, { name: 'bench', role: 'owner' });
  // Fresh statistics, as autovacuum (PostgreSQL) or `pragma optimize` (SQLite) would have soon after
  // a load. On PostgreSQL a vacuum too: after a million inserts autovacuum would otherwise start
  // one during the first scenarios (minutes of work at this size) and slow whichever runs then.
  await sql.raw(database.dialect.name === 'postgres' ? 'vacuum (analyze)' : 'pragma optimize').execute(database.db);
  await database.close();
  return {
    workspaceId,
    apiKey: secret,
    contactIds,
    companyIds: companyIds.slice(0, 1000),
    ownerId: userId,
    loadSeconds: (performance.now() - started) / 1000,
    lastNames: gen.lastNames(),
    firstNames: gen.firstNames(),
    sampleEmails,
    extras,
  };
}

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { databaseConfig, loadConfig } from '../src/server/config';
import { migrateToLatest, openDatabase } from '../src/server/db/database';
import { systemCtx } from '../src/server/platform/context';
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
  const lanes = loadLanes(database.dialect.name);
  const gen = makeGenerator();
  const companies = Math.max(1, Math.floor(contacts / 5));
  const progress = new Progress('load', contacts + companies);
  const companyIds: string[] = [];
  for (let i = 0; i < companies; i += BATCH * lanes) {
    const batches: ReturnType<typeof gen.company>[][] = [];
    for (let start = i; start < Math.min(companies, i + BATCH * lanes); start += BATCH) {
      batches.push(Array.from({ length: Math.min(BATCH, companies - start) }, (_, k) => gen.company(start + k, userId)));
    }
    for (const created of await Promise.all(batches.map((batch) => services.companies.bulkCreate(ctx, batch)))) {
      companyIds.push(...created.map((c) => c.id));
      progress.add(created.length);
    }
  }
  const contactIds: string[] = [];
  const sampleEmails: string[] = [];
  for (let i = 0; i < contacts; i += BATCH * lanes) {
    const batches: ReturnType<typeof gen.contact>[][] = [];
    for (let start = i; start < Math.min(contacts, i + BATCH * lanes); start += BATCH) {
      batches.push(Array.from({ length: Math.min(BATCH, contacts - start) }, (_, k) => gen.contact(start + k, companyIds, userId)));
    }
    const created = await Promise.all(batches.map((batch) => services.contacts.bulkCreate(ctx, batch)));
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

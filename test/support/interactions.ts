import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Migrator } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { migrations } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import type { App } from '../../src/server/http/types';
import type { Clock } from '../../src/server/platform/clock';
import type { RunnerOptions } from '../../src/server/platform/jobs/job-config';
import type { Services } from '../../src/server/services';
import { type DialectName, PG_URL, type TestDatabase, createTestDatabase } from './databases';

export type Node = { app: App; services: Services; close(): Promise<void> };

/** An app on `db` with a given clock and config; several can share one database (nodes). */
export async function startNode(db: TestDatabase, opts: { clock?: Clock; config?: Partial<Config> } = {}): Promise<Node> {
  const config = loadConfig({}, { webRoot: '/nonexistent', logLevel: 'silent', ...opts.config });
  const { app, services } = await buildApp({ config, database: db.database, logger: false, signInLimit: 1000, clock: opts.clock });
  await app.ready();
  return { app, services, close: () => app.close() };
}

export async function startInteractionsHarness(dialect: DialectName, opts: { clock?: Clock; config?: Partial<Config> } = {}) {
  const db = await createTestDatabase(dialect);
  const node = await startNode(db, opts);
  return {
    ...node,
    db,
    close: async () => {
      await node.close();
      await db.drop();
    },
  };
}

/** Config that turns on cross-node live updates on PostgreSQL. */
export const pgLiveConfig = (dialect: DialectName): Partial<Config> => (dialect === 'postgres' ? { databaseUrl: PG_URL } : {});

/** A real pino logger whose lines the test can read. */
export function memoryLog() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

export const testRunnerOptions: RunnerOptions = { concurrency: 4, leaseMs: 30_000, pollMs: 50, graceMs: 2_000 };

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A migrated test database whose location a child process can open from its environment. */
export async function createSharedTestDatabase(dialect: DialectName): Promise<TestDatabase & { env: Record<string, string> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-crash-'));
    const file = path.join(dir, 'test.db');
    const database = openDatabase({ sqlitePath: file });
    await migrateToLatest(database.db);
    const drop = async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { database, dialect, env: { RAPPORT_DB: file }, drop };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ databaseUrl: PG_URL, pgSchema: schema, poolSize: 5 });
  const { error } = await new Migrator({ db: database.db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema }).migrateToLatest();
  if (error) throw error;
  const drop = async () => {
    await database.close();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  };
  return { database, dialect, env: { DATABASE_URL: PG_URL, RAPPORT_PG_SCHEMA: schema }, drop };
}

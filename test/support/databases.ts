import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Migrator } from 'kysely';
import pg from 'pg';
import { type Database, migrateToLatest, openDatabase } from '../../src/server/db/database';
import { migrations } from '../../src/server/db/migrations';

export type DialectName = 'sqlite' | 'postgres';

export const PG_URL = process.env.RAPPORT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgAvailable: boolean | undefined;
export async function postgresAvailable(): Promise<boolean> {
  if (pgAvailable !== undefined) return pgAvailable;
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    pgAvailable = true;
  } catch {
    pgAvailable = false;
  } finally {
    await client.end().catch(() => {});
  }
  return pgAvailable;
}

/**
 * The databases the suite runs on: SQLite always, PostgreSQL when reachable. CI sets
 * RAPPORT_TEST_PG_REQUIRED=1 so a missing PostgreSQL fails instead of being skipped.
 */
export async function testDialects(): Promise<DialectName[]> {
  if (await postgresAvailable()) return ['sqlite', 'postgres'];
  if (process.env.RAPPORT_TEST_PG_REQUIRED === '1') throw new Error(`PostgreSQL is required but not reachable at ${PG_URL}`);
  return ['sqlite'];
}

export type TestDatabase = { database: Database; dialect: DialectName; /** PostgreSQL: the test's own schema. */ schema?: string; drop(): Promise<void> };

/** A fresh, migrated database: a temp SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
    const database = openDatabase({ sqlitePath: path.join(dir, 'test.db') });
    await migrateToLatest(database.db);
    return {
      database,
      dialect,
      drop: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ databaseUrl: PG_URL, pgSchema: schema, poolSize: 5 });
  const drop = async () => {
    await database.close();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  };
  // Kysely's migrator looks for its bookkeeping tables in every schema unless told which one:
  // with another test's schema alive it would skip creating them here and fail.
  const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await drop();
    throw error;
  }
  return { database, dialect, schema, drop };
}

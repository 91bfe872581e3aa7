import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type BenchDialect = 'sqlite' | 'postgres';
export const PG_ADMIN_URL = process.env.RAPPORT_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_DB = 'rapport_bench';

/** Where a bench run keeps its data: a fresh SQLite file or a fresh PostgreSQL database. */
export type BenchTarget = { dialect: BenchDialect; env: Record<string, string>; describe: string; cleanup(): Promise<void> };

export async function freshTarget(dialect: BenchDialect): Promise<BenchTarget> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
    const file = path.join(dir, 'bench.db');
    return {
      dialect,
      env: { RAPPORT_DB: file },
      describe: file,
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${PG_DB} with (force)`);
  await admin.query(`create database ${PG_DB}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PG_DB}`;
  return {
    dialect,
    env: { DATABASE_URL: url.toString() },
    describe: url.toString(),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${PG_DB} with (force)`);
      await c.end();
    },
  };
}

export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * Writes out what the loads left dirty — PostgreSQL's shared buffers, then the kernel's page cache
 * (gigabytes after a million contacts) — before anything is timed. Left to the background, that
 * writeback takes a core and the disk during the first scenarios, whichever database they are on.
 */
export async function settle(targets: BenchTarget[]): Promise<void> {
  for (const t of targets) {
    if (!t.env.DATABASE_URL) continue;
    const c = new pg.Client({ connectionString: t.env.DATABASE_URL });
    await c.connect();
    try {
      await c.query('checkpoint');
    } finally {
      await c.end();
    }
  }
  execFileSync('sync');
}

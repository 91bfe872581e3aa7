import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type Dialect, postgresDialect, sqliteDialect } from './dialect';
import { migrations } from './migrations';
import type { DB } from './schema';

export type DatabaseConfig = {
  /** postgres://… to use PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string;
  sqlitePath?: string;
  /** PostgreSQL schema to use (tests create one each). */
  pgSchema?: string;
  poolSize?: number;
};

export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
};

// pg returns int8 (count(*)) as a string; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openDatabase(config: DatabaseConfig): Database {
  if (config.databaseUrl?.startsWith('postgres')) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      ...(config.pgSchema ? { options: `-c search_path=${config.pgSchema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: postgresDialect, close: () => db.destroy() };
  }
  const file = config.sqlitePath ?? './data/rapport.db';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL makes NORMAL durable against application crashes; only power loss may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  // Checkpoint every ~64 MB of WAL rather than 4 MB: far fewer fsyncs under bulk writes.
  sqlite.pragma('wal_autocheckpoint = 16384');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: sqliteDialect, close: () => db.destroy() };
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

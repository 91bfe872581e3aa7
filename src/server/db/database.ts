import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, type Migration, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type Dialect, postgresDialect, sqliteDialect } from './dialect';
import { migrations } from './migrations';
import { type Checkpointer, startCheckpointer } from './checkpointer';
import { NamedStatementClient } from './pg-named';
import { keyLookupsByPrimaryKey } from './key-lookups';
import { type StatisticsKeeper, keepPostgresStatisticsFresh } from './pg-statistics';
import { statementCache } from './statement-cache';
import type { DB } from './schema';

export type DatabaseConfig = {
  /** postgres://… to use PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string;
  sqlitePath?: string;
  /** SQLite page cache in MB (default 64); memory is taken only as pages are read. */
  sqliteCacheMb?: number;
  /** How long a SQLite write waits for the lock another connection holds (default 5,000 ms). */
  sqliteBusyMs?: number;
  /** SQLite: copy the write-ahead log into the database from a thread of its own (see checkpointer.ts). */
  backgroundCheckpoints?: boolean;
  /** PostgreSQL schema to use (tests create one each). */
  pgSchema?: string;
  poolSize?: number;
  /** Receives every query with its duration (profiling, debugging). */
  log?: (event: LogEvent) => void;
};

/** A read run at once, or undefined when it must queue like any other query. */
export type ReadNow = (sql: string, parameters: readonly unknown[]) => unknown[] | undefined;

export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** SQLite only: runs a read without Kysely's per-query connection hand-over. */
  readNow?: ReadNow;
  /** SQLite with background checkpoints: the thread that runs them. */
  checkpointer?: Checkpointer | null;
  /** PostgreSQL: analyzes tables that changed a lot (see pg-statistics.ts). */
  statistics?: StatisticsKeeper;
  close(): Promise<void>;
};

// pg returns int8 (count(*)) as a string; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openDatabase(config: DatabaseConfig): Database {
  if (config.databaseUrl?.startsWith('postgres')) {
    const pool = new pg.Pool({
      // Runs the SQL of prepared reads as named statements (see pg-named.ts).
      Client: NamedStatementClient,
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      ...(config.pgSchema ? { options: `-c search_path=${config.pgSchema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: config.log });
    const statistics = keepPostgresStatisticsFresh(db);
    return {
      db,
      dialect: postgresDialect,
      statistics,
      close: async () => {
        await statistics.stop();
        await db.destroy();
      },
    };
  }
  const file = config.sqlitePath ?? './data/rapport.db';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL makes NORMAL durable against application crashes; only power loss may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(config.sqliteBusyMs ?? 5000))}`);
  sqlite.pragma(`cache_size = -${Math.max(2, Math.round(config.sqliteCacheMb ?? 64)) * 1024}`);
  // Checkpoint every ~64 MB of WAL rather than 4 MB: far fewer fsyncs under bulk writes. With
  // background checkpoints (checkpointer.ts) most of the log is already copied by then.
  sqlite.pragma('wal_autocheckpoint = 16384');
  const checkpointer: Checkpointer | null =
    config.backgroundCheckpoints && file !== ':memory:' ? startCheckpointer(file, { onError: (message) => process.emitWarning(`background checkpoints: ${message}`) }) : null;
  const optimizer = keepStatisticsFresh(sqlite);
  const statements = statementCache(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: statements.database }), log: config.log, plugins: [keyLookupsByPrimaryKey] });
  return {
    db,
    dialect: sqliteDialect,
    // The connection is synchronous, so a read cannot interleave with another statement; while a
    // transaction is open on it, the read must queue behind it (through Kysely) to see only
    // committed rows.
    readNow: (source, parameters) => (sqlite.inTransaction ? undefined : (statements.prepare(source).all(parameters) as unknown[])),
    checkpointer,
    close: async () => {
      clearInterval(optimizer);
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/**
 * Without statistics SQLite guesses that `workspace_id = ?` picks a handful of rows and plans
 * accordingly. `optimize` gathers statistics where they are missing or stale, within
 * `analysis_limit` rows per index so it stays cheap; SQLite advises running it on open and then
 * periodically on long-lived connections. Sampled statistics still understate how many rows a
 * workspace holds, so reads by a list of ids do not rely on them (see key-lookups.ts).
 */
function keepStatisticsFresh(sqlite: SQLite.Database, everyMs = 5 * 60_000): NodeJS.Timeout {
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  const timer = setInterval(() => {
    try {
      sqlite.pragma('optimize');
    } catch {
      // Busy or closing: the next round will do it.
    }
  }, everyMs);
  timer.unref();
  return timer;
}

export async function migrateToLatest(db: Kysely<DB>, all: Record<string, Migration> = migrations): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    // Work lands in parallel: a migration may reach main after a later-stamped one was applied
    // somewhere. Running the missing one is right; refusing to start would strand that database.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

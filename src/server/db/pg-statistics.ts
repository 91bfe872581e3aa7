import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';

export type StatisticsKeeper = {
  /** Analyzes the tables of this schema that changed a lot since their last analysis; returns their names. */
  refresh(): Promise<string[]>;
  stop(): Promise<void>;
};

/**
 * PostgreSQL plans from statistics that autovacuum refreshes, when it runs: it checks each
 * database about once a minute, and some installations turn it off. Until then a table filled by
 * an import still looks empty, and a lookup of 1,000 emails among 200,000 contacts walked the whole
 * workspace (61 ms) instead of 1,000 key lookups (2 ms), getting slower with every row loaded.
 * This keeper does what autovacuum's analysis would, from the server itself: every `everyMs` it
 * analyzes the tables whose changed rows exceed 1,000 plus a fifth of their size. A check is one
 * read of pg_stat_user_tables; an analysis reads a sample of 30,000 rows, whatever the table's size.
 */
export function keepPostgresStatisticsFresh(db: Kysely<DB>, everyMs = 30_000): StatisticsKeeper {
  let running: Promise<string[]> | null = null;
  const refresh = () => {
    running ??= analyzeStale(db).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    refresh().catch(() => {
      // Busy, closing or a schema just dropped: the next round will do it.
    });
  }, everyMs);
  timer.unref();
  return {
    refresh,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}

async function analyzeStale(db: Kysely<DB>): Promise<string[]> {
  const stale = await sql<{ schemaname: string; relname: string }>`
    select schemaname, relname from pg_stat_user_tables
    where schemaname = current_schema() and n_mod_since_analyze > 1000 + 0.2 * n_live_tup`.execute(db);
  const analyzed: string[] = [];
  for (const { schemaname, relname } of stale.rows) {
    await sql`analyze ${sql.id(schemaname, relname)}`.execute(db);
    analyzed.push(relname);
  }
  return analyzed;
}

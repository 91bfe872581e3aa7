import type SQLite from 'better-sqlite3';
import { type Runnable, withPlainRows } from './plain-rows';

export type StatementCacheOptions = {
  /** Statements of ordinary length kept (default 1,000). */
  max?: number;
  /** SQL longer than this (characters) counts as a bulk statement (default 4,000). */
  bulkChars?: number;
  /** Bulk statements kept (default 24). */
  maxBulk?: number;
};

/**
 * Kysely prepares every query anew; parsing SQL was the largest cost of a simple read. The same
 * SQL text reuses its prepared statement (Kysely runs one query at a time on SQLite, so a
 * statement is never in use twice).
 *
 * A multi-row insert is a statement of its own for each row count, and a prepared 500-row insert
 * of contacts holds about 1.2 MB: an import leaves a differently sized last piece per table and
 * chunk, and a cache of a thousand could hold over a gigabyte of them. Long statements therefore
 * have a small cache of their own, least recently used out first: the full-sized pieces that
 * recur stay prepared, the one-off remainders go.
 */
export function statementCache(sqlite: SQLite.Database, opts: StatementCacheOptions = {}) {
  const max = opts.max ?? 1000;
  const bulkChars = opts.bulkChars ?? 4000;
  const maxBulk = opts.maxBulk ?? 24;
  const small = new Map<string, Runnable>();
  const bulk = new Map<string, Runnable>();
  const prepare = (given: string): Runnable => {
    // A plain BEGIN takes the write lock only at the first write, and fails at once (busy, no
    // waiting) when another connection, such as the job thread's, wrote since it began reading.
    // BEGIN IMMEDIATE waits for the lock (busy_timeout) before the transaction reads anything.
    const source = given === 'begin' ? 'begin immediate' : given;
    const isBulk = source.length > bulkChars;
    const cache = isBulk ? bulk : small;
    let stmt = cache.get(source);
    if (stmt) {
      // Map order is insertion order: moving a hit to the end keeps the first key the least recently used.
      if (isBulk) {
        cache.delete(source);
        cache.set(source, stmt);
      }
      return stmt;
    }
    stmt = withPlainRows(sqlite.prepare(source));
    if (cache.size >= (isBulk ? maxBulk : max)) cache.delete(cache.keys().next().value as string);
    cache.set(source, stmt);
    return stmt;
  };
  const database = new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { database, prepare, size: () => ({ small: small.size, bulk: bulk.size }) };
}

import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { statementCache } from './statement-cache';

const insertOf = (rows: number) => `insert into t (a, b) values ${Array.from({ length: rows }, () => '(?, ?)').join(', ')}`;

describe('SQLite statement cache', () => {
  const open: SQLite.Database[] = [];
  const fresh = () => {
    const db = new SQLite(':memory:');
    db.exec('create table t (a integer, b text)');
    open.push(db);
    return db;
  };
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  it('prepares the same SQL once and runs it again', () => {
    const cache = statementCache(fresh());
    const first = cache.prepare('select a from t where a = ?');
    expect(cache.prepare('select a from t where a = ?')).toBe(first);
    expect(cache.size()).toEqual({ small: 1, bulk: 0 });
  });

  it('keeps only a few long multi-row inserts, the least recently used leaving first', () => {
    const cache = statementCache(fresh(), { bulkChars: 200, maxBulk: 3 });
    const full = cache.prepare(insertOf(100));
    for (let rows = 40; rows < 50; rows++) {
      cache.prepare(insertOf(rows));
      // The full-sized piece recurs between the remainders, so it stays prepared.
      expect(cache.prepare(insertOf(100))).toBe(full);
    }
    expect(cache.size()).toEqual({ small: 0, bulk: 3 });
    // A remainder that was pushed out is prepared anew, and still runs.
    const again = cache.prepare(insertOf(40));
    again.run(...Array.from({ length: 80 }, (_, i) => (i % 2 ? 'x' : i)));
    expect(cache.size().bulk).toBe(3);
    expect(cache.prepare(insertOf(100))).toBe(full);
  });

  it('gives BEGIN IMMEDIATE for a plain BEGIN, so a write transaction waits for the lock', () => {
    const cache = statementCache(fresh());
    expect(cache.prepare('begin').source).toBe('begin immediate');
  });
});

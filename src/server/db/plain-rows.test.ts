import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withPlainRows } from './plain-rows';

describe('plain rows from arrays', () => {
  const open: SQLite.Database[] = [];
  const fresh = () => {
    const db = new SQLite(':memory:');
    db.exec("create table t (id integer primary key, name text, score real, data blob, note text); insert into t values (1, 'Ada', 1.5, x'0102', null), (2, 'Bo', null, null, 'n')");
    open.push(db);
    return db;
  };
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  it("gives the same objects as better-sqlite3's own rows: keys, order, types, the last of a repeated name", () => {
    const db = fresh();
    for (const sql of ['select * from t order by id', 'select id, name as x, score as x, t.* from t order by id', "select 1 as \"a\"\"b\", 'q' as \"1\""]) {
      const own = db.prepare(sql).all();
      const plain = withPlainRows(db.prepare(sql)).all();
      expect(plain).toEqual(own);
      expect(plain.map((r) => Object.keys(r as object))).toEqual(own.map((r) => Object.keys(r as object)));
    }
  });

  it('binds parameters given as an array or one by one, iterates, and runs RETURNING and writes', () => {
    const db = fresh();
    const byId = withPlainRows(db.prepare('select name from t where id = ?'));
    expect(byId.all([2])).toEqual([{ name: 'Bo' }]);
    expect(byId.all(1)).toEqual([{ name: 'Ada' }]);
    expect(byId.all(3)).toEqual([]);
    expect([...withPlainRows(db.prepare('select id from t order by id')).iterate()]).toEqual([{ id: 1 }, { id: 2 }]);
    expect(withPlainRows(db.prepare("insert into t (name) values (?) returning id, name")).all(['Cy'])).toEqual([{ id: 3, name: 'Cy' }]);
    const write = withPlainRows(db.prepare('update t set note = ? where id = ?'));
    expect(write.reader).toBe(false);
    expect(write.run(['x', 1]).changes).toBe(1);
  });

  it('follows a schema change under a prepared select *', () => {
    const db = fresh();
    const all = withPlainRows(db.prepare('select * from t where id = 1'));
    expect(all.all()).toEqual([{ id: 1, name: 'Ada', score: 1.5, data: Buffer.from([1, 2]), note: null }]);
    db.exec("alter table t add column extra text default 'e'");
    expect(all.all()).toEqual([{ id: 1, name: 'Ada', score: 1.5, data: Buffer.from([1, 2]), note: null, extra: 'e' }]);
    db.exec('alter table t drop column score');
    expect(all.all()).toEqual([{ id: 1, name: 'Ada', data: Buffer.from([1, 2]), note: null, extra: 'e' }]);
  });

  it('leaves a column named __proto__ to better-sqlite3, as an own key', () => {
    const db = fresh();
    const [row] = withPlainRows(db.prepare('select 1 as "__proto__", 2 as b')).all() as Record<string, unknown>[];
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(row.b).toBe(2);
  });
});

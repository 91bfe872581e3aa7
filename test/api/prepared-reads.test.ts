import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../src/server/db/scoped';
import { newId, nowIso } from '../../src/server/platform/ids';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases';

/** Prepared queries (compiled once, bound per call) keep the tenant filter and bind each call's values. */
describe.each(await testDialects())('prepared reads on %s', (dialect) => {
  let t: TestDatabase;
  const ws = { a: newId(), b: newId() };
  const ids = { a: newId(), b: newId() };
  // As the services build it: on SQLite, reads outside a transaction run at once.
  const scoped = (workspaceId: string) => new WorkspaceDb(t.database.db, workspaceId, t.database.dialect, null, null, t.database.readNow);

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const at = nowIso();
    for (const k of ['a', 'b'] as const) {
      await t.database.db.insertInto('workspaces').values({ id: ws[k], name: k, slug: `ws-${k}-${ws[k]}`, created_at: at, updated_at: at }).execute();
      await scoped(ws[k]).insertInto('pipelines', { id: ids[k], name: `pipeline ${k}`, position: 0, is_default: 0, created_at: at, updated_at: at }).execute();
    }
  });
  afterAll(async () => t?.drop());

  it('binds the workspace of the instance that runs it, not the one that prepared it', async () => {
    const byId = scoped(ws.a).prepare(['id'], (db, value) => db.selectFrom('pipelines').selectAll().where('id', '=', value('id')));
    expect((await scoped(ws.a).runPrepared(byId, { id: ids.a })).map((r) => r.name)).toEqual(['pipeline a']);
    expect((await scoped(ws.b).runPrepared(byId, { id: ids.b })).map((r) => r.name)).toEqual(['pipeline b']);
    // Another workspace's id finds nothing.
    expect(await scoped(ws.a).runPrepared(byId, { id: ids.b })).toEqual([]);
    // Constants given while building stay bound.
    const named = scoped(ws.a).prepare(['id'], (db, value) => db.selectFrom('pipelines').select('id').where('id', '=', value('id')).where('name', '=', 'pipeline b'));
    expect(await scoped(ws.b).runPrepared(named, { id: ids.b })).toEqual([{ id: ids.b }]);
    expect(await scoped(ws.a).runPrepared(named, { id: ids.a })).toEqual([]);
  });

  it('never reads the rows of a transaction that has not committed', async () => {
    const byId = scoped(ws.a).prepare(['id'], (db, value) => db.selectFrom('pipelines').select('name').where('id', '=', value('id')));
    const id = newId();
    let during: Promise<{ name: string }[]> | undefined;
    await expect(
      scoped(ws.a).transaction(async (tx) => {
        await tx.insertInto('pipelines', { id, name: 'uncommitted', position: 1, is_default: 0, created_at: nowIso(), updated_at: nowIso() }).execute();
        // Asked while the transaction is open (on SQLite, on the same connection), answered only after it.
        during = scoped(ws.a).runPrepared(byId, { id });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await during).toEqual([]);
    await scoped(ws.a).insertInto('pipelines', { id, name: 'committed', position: 1, is_default: 0, created_at: nowIso(), updated_at: nowIso() }).execute();
    expect(await scoped(ws.a).runPrepared(byId, { id })).toEqual([{ name: 'committed' }]);
  });

  it.runIf(dialect === 'postgres')('keeps working when a column is added under a named statement (PostgreSQL)', async () => {
    const byId = scoped(ws.a).prepare(['id'], (db, value) => db.selectFrom('pipelines').selectAll('pipelines').where('id', '=', value('id')));
    // Sequential runs reuse the pool's most recent connection, which has the statement parsed.
    for (let i = 0; i < 8; i++) expect((await scoped(ws.a).runPrepared(byId, { id: ids.a })).length).toBe(1);
    await sql`alter table pipelines add column prepared_test_extra text`.execute(t.database.db);
    try {
      for (let i = 0; i < 8; i++) {
        const [row] = await scoped(ws.a).runPrepared(byId, { id: ids.a });
        expect(row).toMatchObject({ id: ids.a, prepared_test_extra: null });
      }
    } finally {
      await sql`alter table pipelines drop column prepared_test_extra`.execute(t.database.db);
    }
  });

  it('refuses a query without the workspace filter, or one that leaves a value out', () => {
    const db = scoped(ws.a);
    expect(() => db.prepare([], () => t.database.db.selectFrom('workspaces').selectAll())).toThrow(/filter by workspace/);
    expect(() => db.prepare(['id'], (s) => s.selectFrom('pipelines').selectAll())).toThrow(/does not use its value "id"/);
  });
});

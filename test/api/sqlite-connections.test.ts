import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { type TestDatabase } from '../support/databases';
import { signUp } from '../support/harness';
import { createSharedTestDatabase } from '../support/interactions';

/**
 * The job thread writes to the SQLite file through a connection of its own. A transaction of
 * the request thread's that read before the job thread wrote must still be able to write.
 */
describe('two connections on one SQLite file', () => {
  let t: TestDatabase & { env: Record<string, string> };
  let other: SQLite.Database;
  beforeAll(async () => {
    t = await createSharedTestDatabase('sqlite');
    other = new SQLite(t.env.RAPPORT_DB);
    // Fails at once instead of waiting, so the test shows who holds the lock.
    other.pragma('busy_timeout = 0');
  });
  afterAll(async () => {
    other?.close();
    await t?.drop();
  });

  it('a transaction holds the write lock from its start: another connection waits for it, not the other way round', async () => {
    const at = new Date().toISOString();
    const insert = (id: string) => sql`insert into workspaces (id, name, slug, created_at, updated_at) values (${id}, ${id}, ${id}, ${at}, ${at})`;
    let otherError: unknown = null;
    await t.database.db.transaction().execute(async (tx) => {
      await sql`select count(*) from workspaces`.execute(tx);
      try {
        other.prepare('insert into workspaces (id, name, slug, created_at, updated_at) values (?, ?, ?, ?, ?)').run('other', 'other', 'other', at, at);
      } catch (err) {
        otherError = err;
      }
      // Had the other connection written after this transaction's read, this write would fail (SQLITE_BUSY_SNAPSHOT).
      await insert('mine').execute(tx);
    });
    expect((otherError as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
    const { rows } = await sql<{ id: string }>`select id from workspaces where id in ('mine', 'other')`.execute(t.database.db);
    expect(rows.map((r) => r.id)).toEqual(['mine']);
  });

  it('a write that finds the lock held past the busy timeout answers 503 busy and changes nothing; reads go on meanwhile', async () => {
    const database = openDatabase({ sqlitePath: t.env.RAPPORT_DB, sqliteBusyMs: 100 });
    const { app } = await buildApp({ config: loadConfig({}, { webRoot: '/nonexistent', logLevel: 'silent' }), database, logger: false });
    try {
      const { client } = await signUp(app);
      const kept = await client.post('/api/v1/contacts', { firstName: 'Kept' });
      expect(kept.status).toBe(201);
      // Another connection (as the job thread's would, mid-import) holds the write lock.
      other.exec('begin immediate');
      try {
        const refused = await client.post('/api/v1/contacts', { firstName: 'Refused', emails: [{ email: 'refused@busy.example' }] });
        expect(refused.status).toBe(503);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.headers['retry-after']).toBe('1');
        expect(refused.body).toMatchObject({ code: 'busy', status: 503 });
        expect((await client.get(`/api/v1/contacts/${kept.body.id}`)).status).toBe(200);
      } finally {
        other.exec('rollback');
      }
      const search = await client.post('/api/v1/contacts/query', { filter: { field: 'email', op: 'eq', value: 'refused@busy.example' } });
      expect(search.status).toBe(200);
      expect(search.body.data).toEqual([]);
      expect((await client.post('/api/v1/contacts', { firstName: 'Later', emails: [{ email: 'refused@busy.example' }] })).status).toBe(201);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

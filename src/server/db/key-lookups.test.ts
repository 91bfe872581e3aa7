import { type Compilable, CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../platform/context';
import { createServices } from '../services';
import { type Database, migrateToLatest, openDatabase } from './database';
import { WorkspaceDb } from './scoped';

// A database as a new install has it during its first big load: no statistics yet.
describe('SQLite reads and writes of rows by a list of ids', () => {
  let database: Database;
  let mine: WorkspaceDb;
  let mineIds: string[];
  let theirsIds: string[];

  const planOf = async (query: Compilable<unknown>) => {
    const compiled = query.compile();
    const explained = await database.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
    return explained.rows.map((row) => row.detail).join(' | ');
  };

  beforeAll(async () => {
    database = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(database.db);
    const services = createServices(database);
    const workspace = async (name: string) => {
      const { workspaceId } = await services.auth.createWorkspaceWithOwner({ email: `${name}@example.com`, password: 'long enough password', name, workspaceName: name });
      const created = await services.companies.bulkCreate(
        systemCtx(workspaceId),
        Array.from({ length: 1000 }, (_, i) => ({ name: `${name} company ${i}` })),
      );
      return { workspaceId, ids: created.map((c) => c.id) };
    };
    const a = await workspace('mine');
    const b = await workspace('theirs');
    mine = new WorkspaceDb(database.db, a.workspaceId, database.dialect);
    mineIds = a.ids;
    theirsIds = b.ids;
  });
  afterAll(() => database.close());

  it('looks the ids up by primary key, and still keeps to the workspace', async () => {
    const wanted = [...mineIds.slice(0, 300), ...theirsIds.slice(0, 300)];
    const query = mine.selectFrom('companies').select(['id', 'name']).where('id', 'in', wanted);
    expect(await planOf(query)).toMatch(/USING INDEX sqlite_autoindex_companies_1 \(id=\?\)/);
    const rows = await query.execute();
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(mineIds.slice(0, 300)));
  });

  it('updates and deletes by primary key, only in the workspace', async () => {
    const update = mine.updateTable('companies').set({ industry: 'Shipping' }).where('id', 'in', [...mineIds.slice(300, 600), ...theirsIds.slice(300, 600)]);
    expect(await planOf(update)).toMatch(/sqlite_autoindex_companies_1 \(id=\?\)/);
    expect(Number((await update.executeTakeFirst()).numUpdatedRows)).toBe(300);
    const remove = mine.deleteFrom('companies').where('id', 'in', [...mineIds.slice(600, 900), ...theirsIds.slice(600, 900)]);
    expect(await planOf(remove)).toMatch(/sqlite_autoindex_companies_1 \(id=\?\)/);
    expect(Number((await remove.executeTakeFirst()).numDeletedRows)).toBe(300);
    const theirs = await database.db.selectFrom('companies').select(['id', 'industry']).where('id', 'in', theirsIds.slice(300, 900)).execute();
    expect(theirs).toHaveLength(600);
    expect(theirs.every((c) => c.industry !== 'Shipping')).toBe(true);
  });

  it('leaves other queries to the workspace indexes', async () => {
    const page = mine.selectFrom('companies').select(['id', 'name']).orderBy('name').orderBy('id').limit(50);
    expect(await planOf(page)).toMatch(/workspace_id=\?/);
    const one = mine.selectFrom('companies').select('id').where('name', 'in', ['mine company 1', 'mine company 2']);
    expect(await planOf(one)).not.toMatch(/sqlite_autoindex_companies_1/);
  });
});

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from './database';
import { migrations } from './migrations';

describe('migrations', () => {
  it('runs a migration that landed after a later-stamped one was already applied', async () => {
    const database = openDatabase({ sqlitePath: ':memory:' });
    try {
      const names = Object.keys(migrations);
      const skipped = names[names.length - 2];
      const without = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== skipped));
      expect(await migrateToLatest(database.db, without)).not.toContain(skipped);
      expect(await migrateToLatest(database.db)).toEqual([skipped]);
      const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
      expect(done.rows.map((r) => r.name)).toEqual([...names].sort());
    } finally {
      await database.close();
    }
  });
});

import SQLite from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { newId } from '../src/server/platform/ids';
import { makeGenerator } from './generator';

const COLUMNS = ['id', 'workspace_id', 'first_name', 'last_name', 'full_name', 'email', 'emails', 'phones', 'addresses', 'tags', 'custom', 'version', 'created_at', 'updated_at'];

// The same kind of names as the product's load: keys land all over the indexes, as real data does.
// Ids are the product's (time-ordered), so the primary key grows at its end as the product's does.
const gen = makeGenerator(777);

function row(workspaceId: string, i: number) {
  const at = new Date().toISOString();
  const c = gen.contact(20_000_000 + i, [], '');
  const email = `raw.${c.emails![0].email}`;
  return [newId(), workspaceId, c.firstName, c.lastName, `${c.firstName} ${c.lastName}`, email, JSON.stringify([{ email }]), '[]', '[]', '[]', '{}', 1, at, at];
}

/** The ceiling for bulk loading: plain inserts of contact rows in one transaction, no product code (rows are made before the clock starts). */
export async function rawInsertRate(env: Record<string, string>, workspaceId: string, n: number): Promise<number> {
  const all = Array.from({ length: n }, (_, i) => row(workspaceId, i));
  const started = performance.now();
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query('begin');
    for (let i = 0; i < n; i += 500) {
      const rows = all.slice(i, i + 500);
      const params = rows.flat();
      const values = rows.map((_, r) => `(${COLUMNS.map((__, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`).join(', ');
      await client.query(`insert into contacts (${COLUMNS.join(', ')}) values ${values}`, params);
    }
    await client.query('commit');
    await client.end();
  } else {
    const db = new SQLite(env.RAPPORT_DB);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // The product's own settings: a ceiling with a smaller cache would flatter the product.
    db.pragma(`cache_size = -${loadConfig({ ...process.env, ...env }).sqliteCacheMb * 1024}`);
    db.pragma('wal_autocheckpoint = 16384');
    const insert = db.prepare(`insert into contacts (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const r of all) insert.run(...r);
    })();
    db.close();
  }
  return n / ((performance.now() - started) / 1000);
}

import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const COLUMNS = ['id', 'workspace_id', 'first_name', 'last_name', 'full_name', 'email', 'emails', 'phones', 'addresses', 'tags', 'custom', 'version', 'created_at', 'updated_at'];

function row(workspaceId: string, i: number) {
  const at = new Date().toISOString();
  const email = `raw.${i}@example.com`;
  return [randomUUID(), workspaceId, 'Raw', `Insert${i}`, `Raw Insert${i}`, email, JSON.stringify([{ email }]), '[]', '[]', '[]', '{}', 1, at, at];
}

/** The ceiling for bulk loading: plain inserts of contact rows in one transaction, no product code. */
export async function rawInsertRate(env: Record<string, string>, workspaceId: string, n: number): Promise<number> {
  const started = performance.now();
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query('begin');
    for (let i = 0; i < n; i += 500) {
      const rows = Array.from({ length: Math.min(500, n - i) }, (_, k) => row(workspaceId, i + k));
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
    const insert = db.prepare(`insert into contacts (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (let i = 0; i < n; i++) insert.run(...row(workspaceId, i));
    })();
    db.close();
  }
  return n / ((performance.now() - started) / 1000);
}

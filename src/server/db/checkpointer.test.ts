import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { openDatabase } from './database';

const until = async (what: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('background checkpoints (SQLite)', () => {
  const dirs: string[] = [];
  const tempFile = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-ckpt-'));
    dirs.push(dir);
    return path.join(dir, 'db.sqlite');
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('copies committed pages into the database file without the connection checkpointing', async () => {
    const file = tempFile();
    const database = openDatabase({ sqlitePath: file, backgroundCheckpoints: true });
    try {
      await sql`create table notes (id integer primary key, body text not null)`.execute(database.db);
      const before = fs.statSync(file).size;
      // Well under the connection's own autocheckpoint (16,384 pages): only the thread copies these.
      for (let i = 0; i < 50; i++) {
        await database.db.transaction().execute(async (tx) => {
          for (let k = 0; k < 20; k++) await sql`insert into notes (body) values (${'x'.repeat(2000)})`.execute(tx);
        });
      }
      const written = fs.statSync(`${file}-wal`).size;
      expect(written).toBeGreaterThan(1_000_000);
      await until(() => {
        const s = database.checkpointer!.stats();
        return s.log > 0 && s.checkpointed === s.log && fs.statSync(file).size > before + 1_000_000;
      });
      expect(database.checkpointer!.stats().passes).toBeGreaterThan(0);
      // The connection's autocheckpoint stays as the backstop.
      expect((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db)).rows[0].wal_autocheckpoint).toBe(16384);
    } finally {
      await database.close();
    }
    const again = openDatabase({ sqlitePath: file });
    try {
      expect((await sql<{ n: number }>`select count(*) as n from notes`.execute(again.db)).rows[0].n).toBe(1000);
    } finally {
      await again.close();
    }
  });

  it('stops with the database, and a database opened without it starts no thread', async () => {
    const file = tempFile();
    const plain = openDatabase({ sqlitePath: file });
    expect(plain.checkpointer).toBeNull();
    await plain.close();
    const database = openDatabase({ sqlitePath: file, backgroundCheckpoints: true });
    await database.close();
    // Closed: a second stop returns at once.
    await database.checkpointer!.stop();
  });

  it('reports a database it cannot open instead of failing silently', async () => {
    const errors: string[] = [];
    const checkpointer = startCheckpointer(path.join(os.tmpdir(), 'rapport-no-such-dir', 'missing.db'), { onError: (m) => errors.push(m) });
    await until(() => errors.length > 0);
    expect(errors[0]).toMatch(/directory does not exist|unable to open/i);
    await checkpointer.stop();
  });
});

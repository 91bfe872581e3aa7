import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL, testDialects } from '../support/databases';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** The `rapport` command as a user runs it: a separate process on the database named by the environment. */
async function rapport(env: NodeJS.ProcessEnv, ...args: string[]) {
  const { stdout, stderr } = await run(process.execPath, [path.join(root, 'bin/rapport.mjs'), ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { stdout, stderr };
}

describe.each(await testDialects())('rapport import and export on %s', (dialect) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-'));
  const dbName = `rapport_cli_${randomBytes(5).toString('hex')}`;
  const adminUrl = PG_URL;
  const env: NodeJS.ProcessEnv = dialect === 'sqlite' ? { RAPPORT_DB: path.join(dir, 'cli.db'), DATABASE_URL: '' } : { DATABASE_URL: adminUrl.replace(/\/[^/]*$/, `/${dbName}`) };
  /** Rows of one query, on whichever database the commands used. */
  async function query(text: string): Promise<any[]> {
    if (dialect === 'sqlite') {
      const db = new SQLite(env.RAPPORT_DB!, { readonly: true });
      try {
        return db.prepare(text).all();
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    if (dialect === 'postgres') {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
    }
    await rapport(env, 'migrate');
    await rapport(env, 'workspace', 'create', '--name', 'Acme', '--owner-email', 'owner@cli.example', '--owner-password', 'correct horse battery');
  }, 120_000);
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (dialect === 'postgres') {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  it('imports a CSV with a bad row, queues the duplicate scan, and exports the list as CSV, JSON and vCard', async () => {
    const rows = ['First Name,Last Name,Email,Lifecycle Stage'];
    for (let i = 1; i <= 1_200; i++) rows.push(`Ann${i},Lee,ann${i}@cli.example,${i % 3 === 0 ? 'Customer' : 'Lead'}`);
    rows.push('Bad,Row,not-an-email,Lead');
    const csvFile = path.join(dir, 'in.csv');
    fs.writeFileSync(csvFile, rows.join('\n'));

    const imported = await rapport(env, 'import', 'contacts', csvFile);
    expect(imported.stdout).toMatch(/1201 rows in [\d.]+ s: created 1200, updated 0, skipped 0, 1 bad/);
    expect(imported.stdout).toMatch(/not-an-email/);
    const scans = await query(`select type, payload from jobs where type = 'duplicates.scan'`);
    expect(scans.length).toBeGreaterThan(0);

    const outCsv = path.join(dir, 'out.csv');
    const exported = await rapport(env, 'export', 'contacts', '--columns', 'firstName,lastName,email,lifecycleStage', '--out', outCsv);
    expect(exported.stdout).toMatch(/1200 contacts written to/);
    const lines = fs.readFileSync(outCsv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('firstName,lastName,email,lifecycleStage');
    expect(lines).toHaveLength(1_201);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[2])).size).toBe(1_200);
    expect(lines).toContain('Ann3,Lee,ann3@cli.example,customer');

    // JSON to stdout, filtered: a pipe gets the document and nothing else.
    const filter = JSON.stringify({ field: 'lifecycleStage', op: 'eq', value: 'customer' });
    const json = await rapport(env, 'export', 'contacts', '--format', 'json', '--filter', filter);
    const customers = JSON.parse(json.stdout) as { email: string; lifecycleStage: string }[];
    expect(customers).toHaveLength(400);
    expect(customers.every((c) => c.lifecycleStage === 'customer')).toBe(true);

    const vcf = await rapport(env, 'export', 'contacts', '--format', 'vcf', '--filter', JSON.stringify({ field: 'email', op: 'eq', value: 'ann7@cli.example' }));
    expect(vcf.stdout).toMatch(/^BEGIN:VCARD\r?\nVERSION:4\.0/);
    expect(vcf.stdout).toMatch(/EMAIL[^:]*:ann7@cli\.example/);
    expect(vcf.stdout.match(/BEGIN:VCARD/g)).toHaveLength(1);

    await expect(rapport(env, 'export', 'companies', '--format', 'vcf')).rejects.toThrow(/vCard is for contacts/);
  }, 120_000);
});

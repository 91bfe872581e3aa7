import { type ChildProcess, spawn } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/platform/context';
import { type Services, createServices } from '../../src/server/services';
import { PG_URL, type TestDatabase, createTestDatabase, testDialects } from '../support/databases';

const ROWS = 30_000;

/** Starts the server (with its job runner) in a child process and waits until it listens. */
async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/import-server.ts'], {
    env: { ...process.env, LOG_LEVEL: 'silent', RAPPORT_JOB_LEASE_MS: '1500', RAPPORT_JOB_POLL_MS: '100', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('READY') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 12_000; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(await testDialects())('import killed mid-way on %s', (dialect) => {
  let db: TestDatabase;
  let services: Services;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    services = createServices(db.database);
    if (dialect === 'postgres') {
      const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db.database.db);
      env = { DATABASE_URL: PG_URL, RAPPORT_PG_SCHEMA: rows[0].s };
    } else {
      const { rows } = await sql<{ file: string }>`pragma database_list`.execute(db.database.db);
      env = { RAPPORT_DB: rows[0].file };
    }
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await db?.drop();
  });

  it('resumes from the last committed chunk after kill -9: every row exactly once', async () => {
    const owner = await services.auth.createWorkspaceWithOwner({ email: `crash-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Owner', workspaceName: 'Crash' });
    const ctx = systemCtx(owner.workspaceId);
    const csv = ['Email,First Name,Last Name', ...Array.from({ length: ROWS }, (_, i) => `row${i}@crash.example,Row,N${i}`)].join('\n');
    const started = await services.imports.start(ctx, { objectType: 'contacts', content: Buffer.from(csv) });

    const first = await startServer(env);
    children.push(first);
    const mid = await until('a few chunks', () => services.imports.get(ctx, started.id), (v) => v.rowsDone >= 500);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await services.imports.get(ctx, started.id);
    expect(mid.status).toBe('running');
    expect(atKill.status).toBe('running');
    expect(atKill.rowsDone).toBeLessThan(ROWS);

    const second = await startServer(env);
    children.push(second);
    const done = await until('the import to finish', () => services.imports.get(ctx, started.id), (v) => v.status === 'done' || v.status === 'failed');
    second.kill('SIGKILL');
    expect(done).toMatchObject({ status: 'done', created: ROWS, errorCount: 0, skipped: 0, rowsDone: ROWS });

    const counts = await sql<{ n: number; emails: number }>`select count(*) as n, count(distinct email) as emails from contacts where workspace_id = ${owner.workspaceId}`.execute(db.database.db);
    expect(Number(counts.rows[0].n)).toBe(ROWS);
    expect(Number(counts.rows[0].emails)).toBe(ROWS);
    const events = await sql<{ n: number }>`select count(*) as n from events where workspace_id = ${owner.workspaceId} and action = 'created' and object_type = 'contacts'`.execute(db.database.db);
    expect(Number(events.rows[0].n)).toBe(ROWS);
  }, 180_000);
});

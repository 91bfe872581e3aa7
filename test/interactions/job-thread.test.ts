import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/platform/context';
import { type Services, createServices } from '../../src/server/services';
import { type TestDatabase, testDialects } from '../support/databases';
import { createSharedTestDatabase, eventually } from '../support/interactions';
import { openStream } from '../support/sse';

const ROWS = 400;

/** The server as `rapport start` runs it, in a child process; its output is kept for the test to read. */
async function startServer(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/support/thread-server.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', RAPPORT_JOB_POLL_MS: '60000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output = { text: '' };
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output.text += String(d);
      const m = /READY (\d+)/.exec(output.text);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, port, output };
}

describe.each(await testDialects())('jobs in their own thread on %s', (dialect) => {
  let db: TestDatabase & { env: Record<string, string> };
  let services: Services;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    db = await createSharedTestDatabase(dialect);
    services = createServices(db.database);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await db?.drop();
  });

  it('runs an import started over HTTP at once, streams its changes to the request thread, and stops cleanly', async () => {
    const owner = await services.auth.createWorkspaceWithOwner({ email: `thread-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Owner', workspaceName: 'Thread' });
    const { secret } = await services.apiKeys.create(systemCtx(owner.workspaceId), { name: 'test', role: 'owner' });
    const headers = { authorization: `Bearer ${secret}` };
    // Polling once a minute: only the wake-up from the request thread can start the job in time.
    const server = await startServer(db.env);
    children.push(server.child);
    const base = `http://127.0.0.1:${server.port}`;
    const stream = await openStream(base, headers);

    const csv = ['Email,First Name,Last Name', ...Array.from({ length: ROWS }, (_, i) => `row${i}@thread.example,Row,T${i}`)].join('\n');
    const res = await fetch(`${base}/api/v1/imports?objectType=contacts&fileName=t.csv`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: csv });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await eventually(
      async () => {
        const view = (await (await fetch(`${base}/api/v1/imports/${id}`, { headers })).json()) as { status: string; created: number };
        return view.status === 'done' || view.status === 'failed' ? view : undefined;
      },
      20_000,
      'the import to finish',
    );
    expect(done).toMatchObject({ status: 'done', created: ROWS });
    // Each imported contact reaches the stream that the request thread serves.
    await eventually(() => stream.events.filter((e) => e.event === 'record.changed' && e.data.objectType === 'contacts' && e.data.action === 'created').length === ROWS, 15_000, `${ROWS} created events`);
    await stream.close();
    // The runner is the job thread's: its logger names that role.
    expect(server.output.text).toMatch(/"role":"jobs".*"msg":"job runner started"/);

    server.child.kill('SIGTERM');
    await eventually(() => server.output.text.includes('STOPPED'), 15_000, 'a clean stop');
    await new Promise((r) => (server.child.exitCode === null ? server.child.once('exit', r) : r(null)));
    expect(server.child.exitCode).toBe(0);
  }, 60_000);
});

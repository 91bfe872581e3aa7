import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/platform/context';
import { createServices } from '../../src/server/services';
import { testDialects } from '../support/databases';
import { createEffectsTable, effects, slowJob } from '../support/job-fixtures';
import { createSharedTestDatabase, eventually } from '../support/interactions';

/**
 * The queue is durable: the real server, killed with SIGKILL in the middle of its jobs, loses
 * none of them. Its lease runs out, the next process takes them over, and what a job commits on
 * completion happens exactly once.
 */
describe.each(await testDialects())('jobs surviving kill -9 on %s', (dialect) => {
  let db: Awaited<ReturnType<typeof createSharedTestDatabase>>;
  let child: ChildProcess | null = null;
  let output = '';

  async function startServer(extraEnv: Record<string, string> = {}) {
    output = '';
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/support/job-server.ts'], {
      env: { ...process.env, ...db.env, LOG_LEVEL: 'warn', RAPPORT_JOB_LEASE_MS: '1500', RAPPORT_JOB_POLL_MS: '100', RAPPORT_JOB_CONCURRENCY: '4', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/READY \d+/.test(output)) resolve();
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}): ${output}`)));
    });
    return proc;
  }
  const exited = (proc: ChildProcess) =>
    new Promise<number | string | null>((resolve) =>
      proc.exitCode !== null || proc.signalCode ? resolve(proc.exitCode ?? proc.signalCode) : proc.once('exit', (code, signal) => resolve(code ?? signal)),
    );
  const job = (id: string) => db.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    db = await createSharedTestDatabase(dialect);
    await createEffectsTable(db.database);
  });
  afterAll(async () => {
    if (child && child.exitCode === null && !child.signalCode) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await db?.drop();
  });

  it('finishes every job after SIGKILL mid-run, and runs an idempotent one exactly once', async () => {
    const services = createServices(db.database);
    const { workspaceId } = await services.auth.createWorkspaceWithOwner({ email: `crash-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Crash', workspaceName: 'Crash' });
    const ws = services.scoped(systemCtx(workspaceId));
    const enqueue = (note: string, key?: string) => ws.transaction((tx) => services.queue.enqueue(tx, slowJob, { note, ms: 2_500 }, key ? { idempotencyKey: key } : {}));
    const slow = await enqueue('slow');
    const once = await enqueue('once', 'import-42');
    expect((await enqueue('once', 'import-42')).created).toBe(false);

    const first = await startServer();
    await eventually(async () => (await effects(db.database, 'start:slow')).length === 1 && (await effects(db.database, 'start:once')).length === 1, 30_000, 'both jobs to start');
    first.kill('SIGKILL');
    await exited(first);
    expect(await job(slow.id)).toMatchObject({ state: 'running', attempts: 1 });
    expect(await job(once.id)).toMatchObject({ state: 'running', attempts: 1 });
    expect(await effects(db.database, 'slow')).toEqual([]);
    // Enqueued again while its first run is stranded: still one job.
    expect(await enqueue('once', 'import-42')).toEqual({ id: once.id, created: false });

    const second = await startServer();
    await eventually(async () => (await job(slow.id)).state === 'done' && (await job(once.id)).state === 'done', 45_000, 'both jobs to finish after the restart');
    expect(await job(slow.id)).toMatchObject({ attempts: 2, locked_by: null, last_error: null });
    expect(await job(once.id)).toMatchObject({ attempts: 2 });
    expect(await effects(db.database, 'start:slow')).toEqual([slow.id, slow.id]);
    expect(await effects(db.database, 'slow')).toEqual([slow.id]);
    expect(await effects(db.database, 'once')).toEqual([once.id]);
    expect((await enqueue('once', 'import-42')).created).toBe(false);
    second.kill('SIGTERM');
    expect(await exited(second), output).toBe(0);
    expect(await effects(db.database, 'once')).toEqual([once.id]);
  }, 120_000);

  it('hands a running job back to the queue on SIGTERM when the grace period ends', async () => {
    const services = createServices(db.database);
    const { workspaceId } = await services.auth.createWorkspaceWithOwner({ email: `term-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Term', workspaceName: 'Term' });
    const ws = services.scoped(systemCtx(workspaceId));
    const long = await ws.transaction((tx) => services.queue.enqueue(tx, slowJob, { note: 'long', ms: 600_000 }));
    const proc = await startServer({ RAPPORT_JOB_GRACE_MS: '300' });
    await eventually(async () => (await effects(db.database, 'start:long')).length === 1, 30_000, 'the job to start');
    proc.kill('SIGTERM');
    expect(await exited(proc), output).toBe(0);
    expect(await job(long.id)).toMatchObject({ state: 'pending', attempts: 0, locked_by: null });
    expect(output).toContain('released 1 unfinished job(s) back to the queue');
    expect(await effects(db.database, 'start:long')).toEqual([long.id]);
  }, 60_000);
});

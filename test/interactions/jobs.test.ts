import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock';
import { systemCtx } from '../../src/server/platform/context';
import { defineJob, registerJob } from '../../src/server/platform/jobs/job-definition';
import { expectProblem, expectStatus } from '../support/api';
import { testDialects } from '../support/databases';
import { addMember, signUp } from '../support/harness';
import { eventually, memoryLog, startInteractionsHarness, testRunnerOptions } from '../support/interactions';

const flaky = defineJob({ name: 'test.flaky', payload: Type.Object({ n: Type.Integer() }), maxAttempts: 3, backoffMs: 1_000 });
const counted = defineJob({ name: 'test.counted', payload: Type.Object({ note: Type.String() }) });
const slow = defineJob({ name: 'test.slow', payload: Type.Object({ ms: Type.Integer() }) });

describe.each(await testDialects())('job queue on %s', (dialect) => {
  let h: Awaited<ReturnType<typeof startInteractionsHarness>>;
  const clock = new ManualClock('2030-03-04T10:00:00.000Z');
  const failing = { on: true };
  const { log, lines } = memoryLog();

  const handlers = [
    registerJob(flaky, async (run) => {
      if (failing.on) throw new Error(`the mail server said no to #${run.payload.n}`);
    }),
    registerJob(counted, async (run) => {
      await run.complete((tx) => tx.raw(() => sql`insert into test_job_effects (job_id, note) values (${run.id}, ${run.payload.note})`));
    }),
    registerJob(slow, async (run) => {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, run.payload.ms);
        run.signal.addEventListener('abort', () => (clearTimeout(t), resolve()));
      });
      if (run.signal.aborted) throw new Error('aborted by shutdown');
      await run.complete((tx) => tx.raw(() => sql`insert into test_job_effects (job_id, note) values (${run.id}, ${'slow'})`));
    }),
  ];
  const runner = () => h.services.createJobRunner(log, testRunnerOptions, handlers);
  const effects = async (note: string) =>
    (await sql<{ job_id: string }>`select job_id from test_job_effects where note = ${note}`.execute(h.db.database.db)).rows.map((r) => r.job_id);
  const jobRow = async (id: string) => h.db.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    h = await startInteractionsHarness(dialect, { clock });
    await sql`create table test_job_effects (job_id text not null, note text not null)`.execute(h.db.database.db);
  });
  afterAll(async () => h?.close());

  it('retries a failing job with growing delays, then keeps it dead with its error until an admin retries it', async () => {
    const { client, workspaceId } = await signUp(h.app);
    const member = await addMember(h.app, client, 'member');
    const admin = await addMember(h.app, client, 'admin');
    const ws = h.services.scoped(systemCtx(workspaceId));
    const { id } = await ws.transaction((tx) => h.services.queue.enqueue(tx, flaky, { n: 7 }));
    const r = runner();
    failing.on = true;

    const start = clock.now().getTime();
    expect(await r.runDue()).toBe(1);
    let job = await jobRow(id);
    expect(job).toMatchObject({ state: 'pending', attempts: 1, last_error: 'the mail server said no to #7' });
    expect(job.run_at).toBe(new Date(start + 1_000).toISOString());
    // Not due yet: nothing runs until the clock reaches the retry time.
    expect(await r.runDue()).toBe(0);
    clock.advance(1_000);
    expect(await r.runDue()).toBe(1);
    job = await jobRow(id);
    expect(job).toMatchObject({ state: 'pending', attempts: 2 });
    expect(job.run_at).toBe(new Date(start + 1_000 + 2_000).toISOString());
    clock.advance(2_000);
    expect(await r.runDue()).toBe(1);
    job = await jobRow(id);
    expect(job).toMatchObject({ state: 'dead', attempts: 3, last_error: 'the mail server said no to #7' });
    clock.advance(3_600_000);
    expect(await r.runDue()).toBe(0);

    // Every failure was logged with its reason; the last one as an error.
    const mine = lines.filter((l) => l.jobId === id);
    expect(mine.filter((l) => l.level === 40 && /retrying at/.test(l.msg))).toHaveLength(2);
    expect(mine.find((l) => l.level === 50)?.msg).toMatch(/dead after 3 attempt\(s\): the mail server said no to #7/);
    expect(mine.every((l) => l.err?.message === 'the mail server said no to #7' || l.level < 40)).toBe(true);

    const list = await admin.client.get('/api/v1/jobs?state=dead');
    expectStatus(list, 200);
    expect(list.body.counts.dead).toBe(1);
    expect(list.body.data).toEqual([expect.objectContaining({ id, type: 'test.flaky', state: 'dead', attempts: 3, maxAttempts: 3, lastError: 'the mail server said no to #7', payload: { n: 7 } })]);
    expectProblem(await member.client.get('/api/v1/jobs'), 403, 'forbidden');
    expectProblem(await member.client.post(`/api/v1/jobs/${id}/retry`), 403, 'forbidden');

    failing.on = false;
    const retried = await admin.client.post(`/api/v1/jobs/${id}/retry`);
    expectStatus(retried, 200);
    expect(retried.body).toMatchObject({ state: 'pending', attempts: 0, runAt: clock.now().toISOString() });
    expectProblem(await admin.client.post(`/api/v1/jobs/${id}/retry`), 409, 'conflict', 'state');
    expect(await r.runDue()).toBe(1);
    expect((await client.get(`/api/v1/jobs/${id}`)).body).toMatchObject({ state: 'done', attempts: 1 });
    expect((await client.get('/api/v1/jobs?state=done')).body.counts).toMatchObject({ dead: 0, done: 1 });
    expectProblem(await client.get('/api/v1/jobs?state=nope'), 400, 'validation_failed', 'querystring.state');
  });

  it('queues a job only if its transaction commits, and an idempotency key only once', async () => {
    const { workspaceId } = await signUp(h.app);
    const ws = h.services.scoped(systemCtx(workspaceId));
    await expect(
      ws.transaction(async (tx) => {
        await h.services.queue.enqueue(tx, counted, { note: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const first = await ws.transaction((tx) => h.services.queue.enqueue(tx, counted, { note: 'once' }, { idempotencyKey: 'welcome-mail' }));
    const again = await ws.transaction((tx) => h.services.queue.enqueue(tx, counted, { note: 'once' }, { idempotencyKey: 'welcome-mail' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    await expect(ws.transaction((tx) => h.services.queue.enqueue(tx, counted, { note: 5 } as any))).rejects.toThrow(/payload/);
    await runner().runDue();
    const later = await ws.transaction((tx) => h.services.queue.enqueue(tx, counted, { note: 'once' }, { idempotencyKey: 'welcome-mail' }));
    expect(later.created).toBe(false);
    await runner().runDue();
    expect(await effects('once')).toEqual([first.id]);
    expect(await effects('rolled-back')).toEqual([]);
  });

  it('runs each of many jobs once with two runners claiming at the same time', async () => {
    const { workspaceId } = await signUp(h.app);
    const ws = h.services.scoped(systemCtx(workspaceId));
    const ids = await ws.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 60; i++) out.push((await h.services.queue.enqueue(tx, counted, { note: 'race' })).id);
      return out;
    });
    const [a, b] = [runner(), runner()];
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ra + rb).toBe(60);
    expect((await effects('race')).sort()).toEqual([...ids].sort());
  });

  it('lets running jobs finish on shutdown, or hands them back to the queue after the grace period', async () => {
    const { workspaceId } = await signUp(h.app);
    const ws = h.services.scoped(systemCtx(workspaceId));
    const quick = await ws.transaction((tx) => h.services.queue.enqueue(tx, slow, { ms: 600 }));
    const r1 = runner();
    await r1.start();
    await eventually(async () => (await jobRow(quick.id)).state === 'running', 10_000, 'the job to start');
    await r1.stop(10_000);
    expect((await jobRow(quick.id)).state).toBe('done');

    const long = await ws.transaction((tx) => h.services.queue.enqueue(tx, slow, { ms: 60_000 }));
    const r2 = runner();
    await r2.start();
    await eventually(async () => (await jobRow(long.id)).state === 'running', 10_000, 'the job to start');
    await r2.stop(50);
    expect(await jobRow(long.id)).toMatchObject({ state: 'pending', attempts: 0, locked_by: null });
    expect(lines.some((l) => l.msg === 'released 1 unfinished job(s) back to the queue')).toBe(true);
    // Nothing was lost: the next runner takes it.
    await h.db.database.db.updateTable('jobs').set({ payload: h.db.database.dialect.json.write({ ms: 1 }) }).where('id', '=', long.id).execute();
    expect(await runner().runDue()).toBeGreaterThanOrEqual(1);
    expect(await effects('slow')).toEqual(expect.arrayContaining([quick.id, long.id]));
  });

  it('keeps the next occurrence of a cron job queued, once, whatever the number of runners', async () => {
    const cron = () => h.db.database.db.selectFrom('jobs').selectAll().where('type', '=', 'jobs.cleanup').where('state', '=', 'pending').execute();
    clock.set('2030-03-05T12:00:00.000Z');
    // Runners started by earlier tests queued this morning's run: it is due, run it first.
    await runner().runDue();
    const [a, b] = [runner(), runner()];
    await a.start();
    await b.start();
    await a.stop(1000);
    await b.stop(1000);
    const queued = await cron();
    expect(queued.map((j) => j.run_at)).toEqual(['2030-03-06T03:17:00.000Z']);
    expect(queued[0].workspace_id).toBeNull();

    // A finished job of long ago is removed by the run; the next night is queued.
    const { workspaceId } = await signUp(h.app);
    const ws = h.services.scoped(systemCtx(workspaceId));
    const old = await ws.transaction((tx) => h.services.queue.enqueue(tx, counted, { note: 'old' }));
    await runner().runDue();
    clock.set('2030-03-14T03:17:00.000Z');
    await runner().runDue();
    expect(await h.db.database.db.selectFrom('jobs').select('id').where('id', '=', old.id).executeTakeFirst()).toBeUndefined();
    expect((await cron()).map((j) => j.run_at)).toEqual(['2030-03-15T03:17:00.000Z']);
  });
});

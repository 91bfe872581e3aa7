import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock';
import { nextCronRun } from '../../src/server/platform/jobs/cron';
import { expectProblem } from '../support/api';
import { testDialects } from '../support/databases';
import { addMember, signUp } from '../support/harness';
import { memoryLog, startInteractionsHarness, testRunnerOptions } from '../support/interactions';
import { ok } from '../sales/sales-support';

const MONTH = 30 * 86_400_000;

describe.each(await testDialects())('Retention rules on %s', (dialect) => {
  // Records are stamped with the real time; the clock that runs the jobs starts there too.
  const clock = new ManualClock(new Date());
  let h: Awaited<ReturnType<typeof startInteractionsHarness>>;
  beforeAll(async () => {
    h = await startInteractionsHarness(dialect, { clock });
  });
  afterAll(async () => h?.close());

  const runner = () => h.services.createJobRunner(memoryLog().log, testRunnerOptions);
  /** Makes a record look last changed `months` ago (data from before this test). */
  const age = (table: 'leads' | 'contacts' | 'activities', id: string, months: number) =>
    sql`update ${sql.table(table)} set updated_at = ${new Date(clock.now().getTime() - months * MONTH).toISOString()} where id = ${id}`.execute(h.db.database.db);

  it('validates rules: the action per object, the filter in the filter language, admins only', async () => {
    const { client } = await signUp(h.app);
    const member = await addMember(h.app, client, 'member');
    const rule = { name: 'Stale leads', objectType: 'leads', untouchedMonths: 12, action: 'trash' };
    expectProblem(await member.client.post('/api/v1/retention-rules', rule), 403, 'forbidden');
    expectProblem(await client.post('/api/v1/retention-rules', { ...rule, objectType: 'contacts', action: 'delete' }), 400, 'validation_failed', 'action');
    expectProblem(await client.post('/api/v1/retention-rules', { ...rule, untouchedMonths: 0 }), 400, 'validation_failed', 'untouchedMonths');
    expectProblem(await client.post('/api/v1/retention-rules', { ...rule, filter: { field: 'shoeSize', op: 'eq', value: 3 } }), 400, 'invalid_filter', 'filter.field');
    expectProblem(await client.post('/api/v1/retention-rules', { ...rule, objectType: 'activities', action: 'delete', filter: { field: 'type', op: 'eq', value: 'call' } }), 400, 'validation_failed', 'filter');
    const created = await ok(client.post('/api/v1/retention-rules', rule), 201);
    expect(created).toMatchObject({ ...rule, filter: null, enabled: true, lastRun: null });
    const off = await ok(client.patch(`/api/v1/retention-rules/${created.id}`, { enabled: false }));
    expect(off.enabled).toBe(false);
    expectProblem(await client.patch(`/api/v1/retention-rules/${created.id}`, { action: 'anonymise', objectType: 'activities' }), 400, 'validation_failed', 'action');
    const other = await signUp(h.app);
    expectProblem(await other.client.get(`/api/v1/retention-rules/${created.id}`), 404, 'not_found');
    expect((await ok(client.delete(`/api/v1/retention-rules/${created.id}`), 204))).toBeFalsy();
    expect((await ok(client.get('/api/v1/retention-rules'))).data).toEqual([]);
  });

  it('runs every night: untouched old records go, newer and recently active ones stay, each run is logged', async () => {
    const { client } = await signUp(h.app);
    const leadRule = await ok(
      client.post('/api/v1/retention-rules', { name: 'Leads untouched a year', objectType: 'leads', untouchedMonths: 12, filter: { field: 'status', op: 'in', value: ['new', 'working'] }, action: 'trash' }),
      201,
    );
    const contactRule = await ok(client.post('/api/v1/retention-rules', { name: 'Contacts untouched two years', objectType: 'contacts', untouchedMonths: 24, action: 'anonymise' }), 201);
    const activityRule = await ok(client.post('/api/v1/retention-rules', { name: 'Old activities', objectType: 'activities', untouchedMonths: 36, action: 'delete' }), 201);

    const lead = (name: string, extra: Record<string, unknown> = {}) => ok(client.post('/api/v1/leads', { name, ...extra }), 201);
    const stale = await lead('Stale Lead');
    const recent = await lead('Recent Lead');
    const active = await lead('Active Lead');
    const qualified = await lead('Qualified Lead', { status: 'qualified' });
    await age('leads', stale.id, 14);
    await age('leads', recent.id, 6);
    await age('leads', active.id, 14);
    await age('leads', qualified.id, 14);
    // A call last week keeps an old lead alive.
    await ok(client.post('/api/v1/activities', { type: 'call', subject: 'Catching up', occurredAt: new Date(clock.now().getTime() - 7 * 86_400_000).toISOString(), links: [{ objectType: 'leads', id: active.id }], call: { direction: 'out' } }), 201);

    const gone = await ok(client.post('/api/v1/contacts', { firstName: 'Long', lastName: 'Gone', emails: [{ email: 'long.gone@retention.example' }] }), 201);
    const kept = await ok(client.post('/api/v1/contacts', { firstName: 'Still', lastName: 'Here' }), 201);
    await age('contacts', gone.id, 30);
    await age('contacts', kept.id, 20);

    const ancient = await ok(client.post('/api/v1/activities', { type: 'note', subject: 'Ancient note', body: 'old', occurredAt: '2020-01-01T00:00:00.000Z', links: [{ objectType: 'contacts', id: kept.id }] }), 201);
    const fresh = await ok(client.post('/api/v1/activities', { type: 'note', subject: 'Fresh note', body: 'new', links: [{ objectType: 'contacts', id: kept.id }] }), 201);
    await age('activities', ancient.id, 40);

    // Runners keep tonight's run queued; the night comes.
    const r = runner();
    await r.start();
    await r.stop(1000);
    const night = nextCronRun('41 2 * * *', clock.now());
    clock.set(new Date(night.getTime() + 60_000));
    await runner().runDue();

    const leadState = async (id: string) => (await ok(client.get(`/api/v1/leads/${id}`))).deletedAt !== null;
    expect({ stale: await leadState(stale.id), recent: await leadState(recent.id), active: await leadState(active.id), qualified: await leadState(qualified.id) }).toEqual({
      stale: true,
      recent: false,
      active: false,
      qualified: false,
    });
    expect(await ok(client.get(`/api/v1/contacts/${gone.id}`))).toMatchObject({ fullName: 'Erased contact', emails: [] });
    expect((await ok(client.get(`/api/v1/contacts/${kept.id}`))).fullName).toBe('Still Here');
    expectProblem(await client.get(`/api/v1/activities/${ancient.id}`), 404, 'not_found');
    expect((await ok(client.get(`/api/v1/activities/${fresh.id}`))).subject).toBe('Fresh note');

    const rules = (await ok(client.get('/api/v1/retention-rules'))).data;
    const last = (id: string) => rules.find((x: any) => x.id === id).lastRun;
    expect(last(leadRule.id)).toMatchObject({ trigger: 'schedule', status: 'done', matched: 1, affected: 1, error: null });
    expect(last(contactRule.id)).toMatchObject({ status: 'done', matched: 1, affected: 1 });
    expect(last(activityRule.id)).toMatchObject({ status: 'done', matched: 1, affected: 1 });
    expect(new Date(last(leadRule.id).cutoff).getTime()).toBeLessThan(clock.now().getTime() - 11 * MONTH);

    // Run now: nothing more is due, and the run is logged as a manual one.
    const queued = await ok(client.post(`/api/v1/retention-rules/${contactRule.id}/run`), 202);
    expect(queued.jobId).toEqual(expect.any(String));
    await runner().runDue();
    const detail = await ok(client.get(`/api/v1/retention-rules/${contactRule.id}`));
    expect(detail.runs.map((x: any) => [x.trigger, x.matched])).toEqual([
      ['manual', 0],
      ['schedule', 1],
    ]);

    // The next night runs again, once, and a switched-off rule sits it out.
    await ok(client.patch(`/api/v1/retention-rules/${activityRule.id}`, { enabled: false }));
    clock.set(new Date(night.getTime() + 86_400_000 + 60_000));
    await runner().runDue();
    const again = (await ok(client.get('/api/v1/retention-rules'))).data;
    const runsOf = async (id: string) => (await ok(client.get(`/api/v1/retention-rules/${id}`))).runs.length;
    expect(again.find((x: any) => x.id === leadRule.id).lastRun).toMatchObject({ trigger: 'schedule', matched: 0 });
    expect(await runsOf(leadRule.id)).toBe(2);
    expect(await runsOf(activityRule.id)).toBe(1);
  });
});

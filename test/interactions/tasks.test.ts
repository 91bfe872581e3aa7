import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock';
import { createContact, expectProblem, expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { addMember, createApiKey, signUp } from '../support/harness';
import { memoryLog, startInteractionsHarness, testRunnerOptions } from '../support/interactions';

const NOW = '2030-06-10T10:00:00.000Z';
const at = (iso: string) => new Date(iso).toISOString();

describe.each(await testDialects())('tasks and reminders on %s', (dialect) => {
  let h: Awaited<ReturnType<typeof startInteractionsHarness>>;
  const clock = new ManualClock(NOW);
  const runDue = () => h.services.createJobRunner(memoryLog().log, testRunnerOptions).runDue();
  const notifications = async (client: Client, type?: string) => {
    const res = await client.get('/api/v1/notifications');
    expectStatus(res, 200);
    return (res.body.data as any[]).filter((n) => !type || n.type === type);
  };
  const task = async (client: Client, input: Record<string, unknown>) => {
    const res = await client.post('/api/v1/tasks', input);
    expectStatus(res, 201);
    return res.body;
  };
  const jobState = async (taskId: string) => {
    const row = await h.db.database.db.selectFrom('tasks').select('reminder_job_id').where('id', '=', taskId).executeTakeFirstOrThrow();
    return row.reminder_job_id ? (await h.db.database.db.selectFrom('jobs').select('state').where('id', '=', row.reminder_job_id).executeTakeFirstOrThrow()).state : null;
  };

  beforeAll(async () => {
    h = await startInteractionsHarness(dialect, { clock });
  });
  afterAll(async () => h?.close());

  it('sorts my open tasks into overdue, today, upcoming and undated, by the UTC day or a given zone', async () => {
    clock.set(NOW);
    const { client } = await signUp(h.app);
    const { userId } = await client.get('/api/v1/auth/session').then((r) => ({ userId: r.body.user.id as string }));
    const other = await addMember(h.app, client, 'member');
    const mk = (title: string, dueAt: string | null, extra: Record<string, unknown> = {}) => task(client, { title, dueAt, assigneeId: userId, ...extra });
    await mk('yesterday', '2030-06-09T12:00:00Z');
    await mk('this morning', '2030-06-10T09:00:00Z');
    await mk('this afternoon', '2030-06-10T15:00:00Z');
    await mk('midnight', '2030-06-11T00:00:00Z');
    await mk('next week', '2030-06-17T09:00:00Z', { status: 'in_progress' });
    await mk('someday', null);
    await mk('finished', '2030-06-10T11:00:00Z', { status: 'done' });
    await mk('dropped', '2030-06-10T11:00:00Z', { status: 'cancelled' });
    await task(client, { title: 'not mine', dueAt: '2030-06-10T11:00:00Z', assigneeId: other.userId });

    const titles = (body: any) => Object.fromEntries(Object.entries(body).map(([k, v]) => [k, (v as any[]).map((t) => t.title)]));
    const utc = await client.get('/api/v1/tasks/mine');
    expectStatus(utc, 200);
    expect(titles(utc.body)).toEqual({ overdue: ['yesterday', 'this morning'], today: ['this afternoon'], upcoming: ['midnight', 'next week'], undated: ['someday'] });
    // In Los Angeles it is 03:00 on the 10th: UTC midnight is still today there.
    expect(titles((await client.get('/api/v1/tasks/mine?tz=America/Los_Angeles')).body)).toMatchObject({ today: ['this afternoon', 'midnight'], upcoming: ['next week'] });
    // In Tokyo it is 19:00: the 15:00 UTC task falls on the next day.
    expect(titles((await client.get('/api/v1/tasks/mine?tz=Asia/Tokyo')).body)).toMatchObject({ today: [], upcoming: ['this afternoon', 'midnight', 'next week'] });
    expectProblem(await client.get('/api/v1/tasks/mine?tz=Mars/Olympus'), 400, 'validation_failed', 'tz');
    expectProblem(await (await createApiKey(client, 'member')).get('/api/v1/tasks/mine'), 403, 'forbidden');
    expect(titles((await other.client.get('/api/v1/tasks/mine')).body).today).toEqual(['not mine']);
  });

  it('reminds the assignee at the due time less the offset, once; moves the reminder with the due date; drops it when done', async () => {
    clock.set(NOW);
    const { client } = await signUp(h.app, { name: 'Ann' });
    const bob = await addMember(h.app, client, 'member');
    const due = '2030-06-11T10:00:00.000Z';
    const t = await task(client, { title: 'Call Peter', dueAt: due, reminderMinutes: 30, assigneeId: bob.userId });
    expect(t).toMatchObject({ dueAt: due, reminderMinutes: 30, assigneeId: bob.userId, status: 'open', priority: 'normal' });
    expect(await notifications(bob.client)).toEqual([expect.objectContaining({ type: 'task.assigned', title: 'Ann assigned you: Call Peter', objectType: 'tasks', objectId: t.id })]);

    await runDue();
    clock.set('2030-06-11T09:29:59.000Z');
    await runDue();
    expect(await notifications(bob.client, 'task.reminder')).toEqual([]);
    clock.set('2030-06-11T09:30:00.000Z');
    await runDue();
    expect(await notifications(bob.client, 'task.reminder')).toEqual([
      expect.objectContaining({ title: 'Due at 10:00 UTC on 2030-06-11: Call Peter', objectType: 'tasks', objectId: t.id, actorId: null, readAt: null }),
    ]);
    clock.advance(3_600_000);
    await runDue();
    expect(await notifications(bob.client, 'task.reminder')).toHaveLength(1);

    // Rescheduled: the old reminder is cancelled, the new one fires at the new time.
    clock.set(NOW);
    const moved = await task(client, { title: 'Send quote', dueAt: '2030-06-10T12:00:00Z', assigneeId: bob.userId });
    expect(await jobState(moved.id)).toBe('pending');
    const oldJob = (await h.db.database.db.selectFrom('tasks').select('reminder_job_id').where('id', '=', moved.id).executeTakeFirstOrThrow()).reminder_job_id!;
    expectStatus(await client.patch(`/api/v1/tasks/${moved.id}`, { dueAt: '2030-06-10T15:00:00Z' }), 200);
    expect((await h.db.database.db.selectFrom('jobs').select('state').where('id', '=', oldJob).executeTakeFirstOrThrow()).state).toBe('cancelled');
    clock.set('2030-06-10T12:00:00Z');
    await runDue();
    expect((await notifications(bob.client, 'task.reminder')).filter((n) => n.objectId === moved.id)).toEqual([]);
    clock.set('2030-06-10T15:00:00Z');
    await runDue();
    expect((await notifications(bob.client, 'task.reminder')).filter((n) => n.objectId === moved.id)).toEqual([expect.objectContaining({ title: 'Due now: Send quote' })]);

    // Done before it is due: no reminder.
    clock.set(NOW);
    const done = await task(client, { title: 'Book room', dueAt: '2030-06-10T18:00:00Z', assigneeId: bob.userId });
    expectStatus(await client.patch(`/api/v1/tasks/${done.id}`, { status: 'done' }), 200);
    expect(await jobState(done.id)).toBeNull();
    clock.set('2030-06-10T18:00:00Z');
    await runDue();
    expect((await notifications(bob.client, 'task.reminder')).filter((n) => n.objectId === done.id)).toEqual([]);
    // A reminder of null means none.
    clock.set(NOW);
    const quiet = await task(client, { title: 'Quiet', dueAt: '2030-06-10T18:00:00Z', assigneeId: bob.userId, reminderMinutes: null });
    expect(await jobState(quiet.id)).toBeNull();
  });

  it('creates the next occurrence when a recurring task is completed', async () => {
    clock.set(NOW);
    const { client } = await signUp(h.app);
    const me = (await client.get('/api/v1/auth/session')).body.user.id;
    const peter = await createContact(client, { firstName: 'Peter' });
    const weekly = await task(client, {
      title: 'Weekly check-in',
      description: 'Ask about the TPS reports',
      dueAt: '2030-06-10T09:00:00Z',
      assigneeId: me,
      priority: 'high',
      recurrence: 'rrule:freq=weekly;byday=mo,th',
      links: [{ objectType: 'contacts', id: peter.id }],
    });
    expect(weekly.recurrence).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
    const done = await client.patch(`/api/v1/tasks/${weekly.id}`, { status: 'done' });
    expectStatus(done, 200);
    expect(done.body).toMatchObject({ status: 'done', completedAt: NOW });
    const open = (await client.get(`/api/v1/tasks?objectType=contacts&objectId=${peter.id}&status=open`)).body.data;
    expect(open).toEqual([
      expect.objectContaining({
        title: 'Weekly check-in',
        description: 'Ask about the TPS reports',
        dueAt: at('2030-06-13T09:00:00Z'),
        priority: 'high',
        status: 'open',
        completedAt: null,
        previousId: weekly.id,
        recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH',
        links: [{ objectType: 'contacts', id: peter.id }],
      }),
    ]);
    expect(await jobState(open[0].id)).toBe('pending');
    const daily = await task(client, { title: 'Standup', dueAt: '2030-06-01T08:00:00Z', recurrence: 'daily' });
    await client.patch(`/api/v1/tasks/${daily.id}`, { status: 'done' });
    const next = (await client.get('/api/v1/tasks?status=open')).body.data.find((t: any) => t.previousId === daily.id);
    // Long overdue: the next one is the first occurrence after now, not one in the past.
    expect(next.dueAt).toBe(at('2030-06-11T08:00:00Z'));

    expectProblem(await client.post('/api/v1/tasks', { title: 'x', recurrence: 'FREQ=HOURLY' }), 400, 'validation_failed', 'recurrence');
    const stranger = (await signUp(h.app)).userId;
    expectProblem(await client.post('/api/v1/tasks', { title: 'x', assigneeId: stranger }), 400, 'validation_failed', 'assigneeId');
    expectProblem(await client.post('/api/v1/tasks', { title: 'x', priority: 'whenever' }), 400, 'validation_failed', 'priority');
    expectProblem(await client.post('/api/v1/tasks', { title: '   ' }), 400, 'validation_failed', 'title');
    const viewer = await addMember(h.app, client, 'viewer');
    expectProblem(await viewer.client.post('/api/v1/tasks', { title: 'x' }), 403, 'forbidden');
    expectStatus(await viewer.client.get(`/api/v1/tasks/${weekly.id}`), 200);
    // Deleting a task cancels its reminder.
    const reminder = (await h.db.database.db.selectFrom('tasks').select('reminder_job_id').where('id', '=', open[0].id).executeTakeFirstOrThrow()).reminder_job_id!;
    expectStatus(await client.delete(`/api/v1/tasks/${open[0].id}`), 204);
    expect((await h.db.database.db.selectFrom('jobs').select('state').where('id', '=', reminder).executeTakeFirstOrThrow()).state).toBe('cancelled');
    expectProblem(await client.get(`/api/v1/tasks/${open[0].id}`), 404, 'not_found');
  });
});

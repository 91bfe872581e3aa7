import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, expectStatus } from '../support/api';
import { type DialectName, type TestDatabase, createTestDatabase, testDialects } from '../support/databases';
import { addMember, signUp } from '../support/harness';
import { type Node, eventually, pgLiveConfig, startNode } from '../support/interactions';
import { openStream } from '../support/sse';

async function signInCookie(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function listen(node: Node) {
  await node.app.listen({ host: '127.0.0.1', port: 0 });
  const address = node.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe.each(await testDialects())('live updates on %s', (dialect: DialectName) => {
  let db: TestDatabase;
  const nodes: Node[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    // Closing with streams still open must not hang.
    for (const n of nodes) await n.close();
    await db?.drop();
  });

  it("pushes user A's change and mention to user B's open stream", async () => {
    const node = await startNode(db, { config: pgLiveConfig(dialect) });
    nodes.push(node);
    const base = await listen(node);
    const ann = await signUp(node.app, { name: 'Ann' });
    const bob = await addMember(node.app, ann.client, 'member');
    const bobCookie = await signInCookie(base, bob.email, 'another good password');
    const stream = await openStream(base, { cookie: bobCookie });
    const keySecret = (await ann.client.post('/api/v1/api-keys', { name: 'dashboard', role: 'viewer' })).body.secret as string;
    const keyStream = await openStream(base, { authorization: `Bearer ${keySecret}` });
    expect((await fetch(`${base}/api/v1/stream`)).status).toBe(401);

    const peter = await createContact(ann.client, { firstName: 'Peter' });
    const created = await stream.waitFor((e) => e.event === 'record.changed' && e.data.id === peter.id, 'the created contact');
    expect(created.data).toEqual({ objectType: 'contacts', id: peter.id, action: 'created', actorId: ann.userId });
    expectStatus(await ann.client.patch(`/api/v1/contacts/${peter.id}`, { title: 'Engineer' }), 200);
    await stream.waitFor((e) => e.data.id === peter.id && e.data.action === 'updated', 'the update');
    await keyStream.waitFor((e) => e.data.id === peter.id && e.data.action === 'updated', 'the update on the API key stream');

    expectStatus(await ann.client.post('/api/v1/comments', { objectType: 'contacts', objectId: peter.id, body: `Look @[Bob](user:${bob.userId})` }), 201);
    const note = await stream.waitFor((e) => e.event === 'notification', 'the mention');
    expect(note.data).toMatchObject({ type: 'mention', title: 'Ann mentioned you on Peter', objectId: peter.id, actorId: ann.userId });
    await keyStream.waitFor((e) => e.data.objectType === 'comment', 'the comment');
    // Notifications are for their person only.
    expect(keyStream.events.some((e) => e.event === 'notification')).toBe(false);

    // Another workspace hears nothing of it.
    const other = await signUp(node.app);
    const otherCookie = await signInCookie(base, other.email, 'correct horse battery');
    const otherStream = await openStream(base, { cookie: otherCookie });
    expectStatus(await ann.client.patch(`/api/v1/contacts/${peter.id}`, { title: 'Manager' }), 200);
    await stream.waitFor((e) => e.data.id === peter.id && e.data.action === 'updated' && stream.events.filter((x) => x.data.action === 'updated').length === 2, 'the second update');
    expect(otherStream.events).toEqual([]);
    await otherStream.close();
    await keyStream.close();
    // `stream` stays open: closing the node must end it.
  });

  it.runIf(dialect === 'postgres')('carries changes, notifications and reminders across two nodes through LISTEN/NOTIFY', async () => {
    const [one, two] = [await startNode(db, { config: pgLiveConfig(dialect) }), await startNode(db, { config: pgLiveConfig(dialect) })];
    nodes.push(one, two);
    const base2 = await listen(two);
    const ann = await signUp(one.app, { name: 'Ann' });
    const bob = await addMember(one.app, ann.client, 'member');
    const stream = await openStream(base2, { cookie: await signInCookie(base2, bob.email, 'another good password') });

    const peter = await createContact(ann.client, { firstName: 'Peter' });
    const changed = await stream.waitFor((e) => e.data.id === peter.id, 'the change made on node one');
    expect(changed.data).toEqual({ objectType: 'contacts', id: peter.id, action: 'created', actorId: ann.userId });
    const bulk = await ann.client.post('/api/v1/contacts/bulk', { items: Array.from({ length: 300 }, (_, i) => ({ firstName: `Bulk ${i}` })) });
    expectStatus(bulk, 201);
    const ids = new Set(bulk.body.data.map((c: any) => c.id));
    await eventually(() => stream.events.filter((e) => ids.has(e.data.id)).length === 300, 15_000, 'all 300 bulk changes');

    expectStatus(await ann.client.post('/api/v1/comments', { objectType: 'contacts', objectId: peter.id, body: `@[Bob](user:${bob.userId}) hi` }), 201);
    await stream.waitFor((e) => e.event === 'notification' && e.data.type === 'mention', 'the mention made on node one');

    // A reminder run by node one's worker reaches Bob on node two.
    const due = new Date(Date.now() + 60_000).toISOString();
    const task = await ann.client.post('/api/v1/tasks', { title: 'Call Peter', dueAt: due, reminderMinutes: 5, assigneeId: bob.userId });
    expectStatus(task, 201);
    await stream.waitFor((e) => e.event === 'notification' && e.data.type === 'task.assigned', 'the assignment');
    const runner = one.services.createJobRunner((await import('pino')).default({ level: 'silent' }), { concurrency: 2, leaseMs: 10_000, pollMs: 50, graceMs: 1_000 });
    expect(await runner.runDue()).toBeGreaterThanOrEqual(1);
    await stream.waitFor((e) => e.event === 'notification' && e.data.type === 'task.reminder' && e.data.objectId === task.body.id, 'the reminder');
    await stream.close();
  });
});

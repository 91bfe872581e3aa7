import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, createCompany, createContact, expectProblem, expectStatus } from '../support/api';
import { testDialects } from '../support/databases';
import { type Harness, addMember, signUp, startHarness } from '../support/harness';

describe.each(await testDialects())('audit log on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('records every create, update, delete and restore with its actor and before → after', async () => {
    const { client, userId } = await signUp(h.app);
    const c = await createContact(client, { firstName: 'Ada', emails: [{ email: 'ada@example.com' }], tags: ['vip'] });
    expectStatus(await client.patch(`/api/v1/contacts/${c.id}`, { lastName: 'Lovelace', tags: ['vip', 'math'] }), 200);
    // A change to nothing is not an event.
    expectStatus(await client.patch(`/api/v1/contacts/${c.id}`, { lastName: 'Lovelace' }), 200);
    expect((await client.delete(`/api/v1/contacts/${c.id}`)).status).toBe(204);
    expectStatus(await client.post(`/api/v1/contacts/${c.id}/restore`), 200);

    const events = await auditEvents(client, { objectId: c.id });
    expect(events.map((e) => e.action)).toEqual(['restored', 'deleted', 'updated', 'created']);
    for (const e of events) {
      expect(e).toMatchObject({ objectType: 'contacts', objectId: c.id, actor: { type: 'user', id: userId } });
      expect(Date.parse(e.createdAt)).not.toBeNaN();
    }
    const [restored, deleted, updated, created] = events;
    expect(created.changes.firstName).toEqual({ before: null, after: 'Ada' });
    expect(created.changes.email).toEqual({ before: null, after: 'ada@example.com' });
    expect(created.changes.tags).toEqual({ before: null, after: ['vip'] });
    expect(updated.changes).toEqual({
      lastName: { before: null, after: 'Lovelace' },
      fullName: { before: 'Ada', after: 'Ada Lovelace' },
      tags: { before: ['vip'], after: ['vip', 'math'] },
    });
    expect(deleted.changes.deletedAt.before).toBeNull();
    expect(Date.parse(deleted.changes.deletedAt.after)).not.toBeNaN();
    expect(restored.changes.deletedAt).toEqual({ before: deleted.changes.deletedAt.after, after: null });

    // An API key is its own actor.
    const key = await client.post('/api/v1/api-keys', { name: 'sync', role: 'member' });
    const byKey = client.withKey(key.body.secret);
    const co = await createCompany(byKey, { name: 'Acme' });
    const coEvents = await auditEvents(client, { objectId: co.id });
    expect(coEvents).toHaveLength(1);
    expect(coEvents[0]).toMatchObject({ action: 'created', objectType: 'companies', actor: { type: 'api_key', id: key.body.apiKey.id } });
    expect(coEvents[0].changes.name).toEqual({ before: null, after: 'Acme' });
  });

  it('records bulk changes one event per record, and nothing for a call that fails', async () => {
    const { client } = await signUp(h.app);
    const res = await client.post('/api/v1/companies/bulk', { items: [{ name: 'One' }, { name: 'Two' }, { name: 'Three' }] });
    const ids = res.body.data.map((x: any) => x.id);
    expectStatus(await client.patch('/api/v1/companies/bulk', { items: ids.map((id: string, i: number) => ({ id, changes: { employees: i } })) }), 200);
    expect((await client.post('/api/v1/companies/bulk-delete', { ids: ids.slice(0, 2) })).status).toBe(204);
    expect((await client.post('/api/v1/companies/bulk-restore', { ids: ids.slice(0, 1) })).status).toBe(204);
    const count = async (action: string) => (await auditEvents(client, { objectType: 'companies', action })).length;
    expect([await count('created'), await count('updated'), await count('deleted'), await count('restored')]).toEqual([3, 3, 2, 1]);
    const total = (await auditEvents(client)).length;

    // Each of these fails as a whole: no event at all.
    expect((await client.post('/api/v1/companies/bulk', { items: [{ name: 'Four' }, { name: '' }] })).status).toBe(400);
    expect((await client.patch('/api/v1/companies/bulk', { items: [{ id: ids[2], changes: { employees: 9 } }, { id: ids[0], version: 1, changes: { employees: 9 } }] })).status).toBe(412);
    expect((await client.post('/api/v1/companies/bulk-delete', { ids: [ids[2], ids[1]] })).status).toBe(404);
    expect((await client.post('/api/v1/companies/bulk-restore', { ids: [ids[1], ids[0]] })).status).toBe(404);
    const dup = await createContact(client, { firstName: 'Dup', emails: [{ email: 'dup@example.com' }] });
    expect((await client.post('/api/v1/contacts', { firstName: 'Dup2', emails: [{ email: 'dup@example.com' }] })).status).toBe(409);
    expect((await client.patch(`/api/v1/contacts/${dup.id}`, { title: 'x' }, { 'if-match': '"7"' })).status).toBe(412);
    expect((await auditEvents(client)).length).toBe(total + 1);
  });

  it('records changes to the workspace itself: fields, views, keys, members, invitations', async () => {
    const { client } = await signUp(h.app);
    const f = await client.post('/api/v1/custom-fields', { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'text' });
    await client.patch(`/api/v1/custom-fields/${f.body.id}`, { label: 'Level' });
    const v = await client.post('/api/v1/views', { objectType: 'contacts', name: 'Mine' });
    await client.patch(`/api/v1/views/${v.body.id}`, { name: 'Ours' });
    await client.delete(`/api/v1/views/${v.body.id}`);
    const k = await client.post('/api/v1/api-keys', { name: 'k', role: 'viewer' });
    await client.delete(`/api/v1/api-keys/${k.body.apiKey.id}`);
    const m = await addMember(h.app, client, 'viewer');
    await client.patch(`/api/v1/members/${m.userId}`, { role: 'member' });
    const pairs = (await auditEvents(client)).map((e) => `${e.objectType}:${e.action}`).reverse();
    expect(pairs).toEqual([
      'custom_field:created',
      'custom_field:updated',
      'view:created',
      'view:updated',
      'view:deleted',
      'api_key:created',
      'api_key:deleted',
      'invitation:created',
      'member:created',
      'member:updated',
    ]);
    const roleChange = (await auditEvents(client, { objectType: 'member', action: 'updated' }))[0];
    expect(roleChange.changes.role).toEqual({ before: 'viewer', after: 'member' });
  });

  it('filters by object, action, actor and time, and pages with a cursor', async () => {
    const { client, userId } = await signUp(h.app);
    const member = await addMember(h.app, client, 'manager');
    const a = await createContact(client, { firstName: 'A' });
    const b = await createContact(member.client, { firstName: 'B' });
    await client.patch(`/api/v1/contacts/${a.id}`, { title: 'T' });
    await member.client.patch(`/api/v1/contacts/${b.id}`, { title: 'T' });
    await createCompany(client, { name: 'Co' });
    await client.delete(`/api/v1/contacts/${a.id}`);

    const all = await auditEvents(client);
    // Newest first: ids only go down.
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort().reverse());
    const pick = (pred: (e: any) => boolean) => all.filter(pred).map((e) => e.id);
    const ids = (events: any[]) => events.map((e) => e.id);

    expect(ids(await auditEvents(client, { objectType: 'contacts' }))).toEqual(pick((e) => e.objectType === 'contacts'));
    expect(ids(await auditEvents(client, { objectId: a.id }))).toEqual(pick((e) => e.objectId === a.id));
    expect(ids(await auditEvents(client, { action: 'updated' }))).toEqual(pick((e) => e.action === 'updated'));
    expect(ids(await auditEvents(client, { actorId: member.userId }))).toEqual(pick((e) => e.actor.id === member.userId));
    // Joining, then a create and an update.
    expect(all.filter((e) => e.actor.id === member.userId).map((e) => `${e.objectType}:${e.action}`)).toEqual(['contacts:updated', 'contacts:created', 'member:created']);
    expect(ids(await auditEvents(client, { actorId: userId, objectType: 'contacts', action: 'updated' }))).toEqual(
      pick((e) => e.actor.id === userId && e.objectType === 'contacts' && e.action === 'updated'),
    );
    // since is inclusive, until exclusive.
    const middle = all[Math.floor(all.length / 2)].createdAt;
    expect(ids(await auditEvents(client, { since: middle }))).toEqual(pick((e) => e.createdAt >= middle));
    expect(ids(await auditEvents(client, { until: middle }))).toEqual(pick((e) => e.createdAt < middle));
    expect(await auditEvents(client, { since: '2999-01-01T00:00:00Z' })).toEqual([]);
    expect(ids(await auditEvents(client, { since: '2000-01-01T00:00:00+02:00' }))).toEqual(ids(all));

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await client.get(`/api/v1/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expectStatus(res, 200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      walked.push(...ids(res.body.data));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(ids(all));
  });

  it('shows a record’s history to anyone who can read it, the whole log only to managers and up', async () => {
    const { client } = await signUp(h.app);
    const viewer = await addMember(h.app, client, 'viewer');
    const c = await createContact(client, { firstName: 'Hist' });
    const history = await viewer.client.get(`/api/v1/audit?objectId=${c.id}`);
    expectStatus(history, 200);
    expect(history.body.data.map((e: any) => e.action)).toEqual(['created']);
    expectProblem(await viewer.client.get('/api/v1/audit'), 403, 'forbidden');
    expectProblem(await viewer.client.get('/api/v1/audit?objectType=contacts'), 403, 'forbidden');
  });
});

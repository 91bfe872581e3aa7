import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, countOf, createCompany, createContact, expectProblem, expectStatus } from '../support/api';
import { testDialects } from '../support/databases';
import { type Harness, addMember, signUp, startHarness } from '../support/harness';

describe.each(await testDialects())('companies on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('creates, reads with an ETag, updates with If-Match, trashes and restores', async () => {
    const { client } = await signUp(h.app);
    const member = await addMember(h.app, client, 'member');
    const res = await client.post('/api/v1/companies', {
      name: ' Initech ',
      website: 'https://www.Initech.example/about',
      industry: ' Software ',
      employees: 120,
      annualRevenue: 1_500_000.5,
      phones: [{ phone: '+1 415 555 2671', label: 'main' }],
      addresses: [{ city: 'Austin', country: 'us' }],
      ownerId: member.userId,
      lifecycleStage: 'customer',
      tags: ['b2b'],
      description: 'TPS reports',
    });
    expectStatus(res, 201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/v1/companies/${res.body.id}`);
    expect(res.body).toMatchObject({
      name: 'Initech',
      domain: 'initech.example',
      website: 'https://www.Initech.example/about',
      industry: 'Software',
      employees: 120,
      annualRevenue: 1_500_000.5,
      phone: '+14155552671',
      addresses: [{ city: 'Austin', country: 'US' }],
      ownerId: member.userId,
      parent: null,
      version: 1,
    });
    const id = res.body.id;
    const got = await client.get(`/api/v1/companies/${id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toEqual(res.body);

    const parent = await createCompany(client, { name: 'Initrode' });
    const patched = await client.patch(`/api/v1/companies/${id}`, { parentId: parent.id, employees: null }, { 'if-match': '"1"' });
    expectStatus(patched, 200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.body).toMatchObject({ parentId: parent.id, parent: { id: parent.id, name: 'Initrode' }, employees: null, version: 2 });
    expectProblem(await client.patch(`/api/v1/companies/${id}`, { name: 'Stale' }, { 'if-match': '"1"' }), 412, 'precondition_failed');
    expect((await client.get(`/api/v1/companies/${id}`)).body.name).toBe('Initech');
    // The parent's name follows the parent.
    expectStatus(await client.patch(`/api/v1/companies/${parent.id}`, { name: 'Initrode Global' }), 200);
    expect((await client.get(`/api/v1/companies/${id}`)).body.parent).toEqual({ id: parent.id, name: 'Initrode Global' });
    // A loop in the hierarchy is refused.
    expectProblem(await client.patch(`/api/v1/companies/${parent.id}`, { parentId: id }), 400, 'validation_failed', 'parentId');
    expectProblem(await client.patch(`/api/v1/companies/${id}`, { parentId: id }), 400, 'validation_failed', 'parentId');

    expect((await client.delete(`/api/v1/companies/${id}`)).status).toBe(204);
    expect(await countOf(client, 'companies')).toBe(1);
    expect(await countOf(client, 'companies', { trash: true })).toBe(1);
    expectProblem(await client.patch(`/api/v1/companies/${id}`, { name: 'x' }), 404, 'not_found');
    const restored = await client.post(`/api/v1/companies/${id}/restore`);
    expectStatus(restored, 200);
    expect(restored.body).toMatchObject({ deletedAt: null, name: 'Initech', version: 4 });
    expect((await auditEvents(client, { objectId: id })).map((e) => e.action)).toEqual(['restored', 'deleted', 'updated', 'created']);
  });

  it('links contacts to a company and shows its name on them', async () => {
    const { client } = await signUp(h.app);
    const co = await createCompany(client, { name: 'Hooli' });
    const c = await createContact(client, { firstName: 'Gavin', companyId: co.id });
    expect(c.company).toEqual({ id: co.id, name: 'Hooli' });
    const listed = await client.get(`/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ field: 'companyId', op: 'eq', value: co.id }))}`);
    expect(listed.body.data.map((x: any) => [x.firstName, x.company?.name])).toEqual([['Gavin', 'Hooli']]);
    expectStatus(await client.patch(`/api/v1/contacts/${c.id}`, { companyId: null }), 200);
    expect((await client.get(`/api/v1/contacts/${c.id}`)).body.company).toBeNull();
  });

  it('lists members without anything secret', async () => {
    const { client, email, userId } = await signUp(h.app, { name: 'Zoe Owner' });
    const viewer = await addMember(h.app, client, 'viewer');
    const res = await viewer.client.get('/api/v1/members');
    expectStatus(res, 200);
    const byId = new Map(res.body.data.map((m: any) => [m.userId, m]));
    expect(byId.get(userId)).toMatchObject({ email, name: 'Zoe Owner', role: 'owner' });
    expect(byId.get(viewer.userId)).toMatchObject({ email: viewer.email, role: 'viewer' });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash|scrypt/i);
    expectProblem(await client.patch('/api/v1/members/01900000-0000-7000-8000-000000000000', { role: 'member' }), 404, 'not_found');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, countOf, createCompany, createContact, expectProblem, expectStatus } from '../support/api';
import { testDialects } from '../support/databases';
import { type Harness, signUp, startHarness } from '../support/harness';

describe.each(await testDialects())('contacts on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('creates, reads with an ETag, updates with If-Match, trashes and restores', async () => {
    const { client } = await signUp(h.app);
    const company = await createCompany(client, { name: 'Initech' });
    const created = await client.post('/api/v1/contacts', {
      firstName: '  Peter ',
      lastName: 'Gibbons',
      emails: [{ email: 'Peter@Initech.com', label: 'work' }, { email: 'peter@home.example' }],
      phones: [{ phone: '+1 (415) 555-2671' }],
      companyId: company.id,
      lifecycleStage: 'lead',
      tags: ['tps', ' reports ', ''.padEnd(2)],
      consent: { email: true },
      birthday: '1970-02-19',
      addresses: [{ city: ' Austin ', country: 'us' }],
    });
    expectStatus(created, 201);
    const c = created.body;
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/v1/contacts/${c.id}`);
    expect(c).toMatchObject({
      version: 1,
      firstName: 'Peter',
      fullName: 'Peter Gibbons',
      email: 'peter@initech.com',
      emails: [{ email: 'peter@initech.com', label: 'work' }, { email: 'peter@home.example' }],
      phone: '+14155552671',
      company: { id: company.id, name: 'Initech' },
      lifecycleStage: 'lead',
      tags: ['tps', 'reports'],
      consent: { email: true, sms: false, phone: false },
      birthday: '1970-02-19',
      addresses: [{ city: 'Austin', country: 'US' }],
      deletedAt: null,
    });

    const got = await client.get(`/api/v1/contacts/${c.id}`);
    expectStatus(got, 200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toEqual(c);

    const patched = await client.patch(`/api/v1/contacts/${c.id}`, { title: 'Programmer', lifecycleStage: null }, { 'if-match': got.headers.etag as string });
    expectStatus(patched, 200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.body).toMatchObject({ version: 2, title: 'Programmer', lifecycleStage: null, firstName: 'Peter', email: 'peter@initech.com' });

    // Without If-Match the change is applied to whatever is current.
    const blind = await client.patch(`/api/v1/contacts/${c.id}`, { title: 'Ex-programmer' });
    expectStatus(blind, 200);
    expect(blind.body.version).toBe(3);

    const del = await client.delete(`/api/v1/contacts/${c.id}`);
    expect(del.status).toBe(204);
    expect(await countOf(client, 'contacts')).toBe(0);
    expect(await countOf(client, 'contacts', { trash: true })).toBe(1);
    const trashed = await client.get(`/api/v1/contacts/${c.id}`);
    expectStatus(trashed, 200);
    expect(trashed.body.deletedAt).not.toBeNull();
    // A trashed record cannot be edited or trashed again.
    expectProblem(await client.patch(`/api/v1/contacts/${c.id}`, { title: 'x' }), 404, 'not_found');
    expectProblem(await client.delete(`/api/v1/contacts/${c.id}`), 404, 'not_found');

    const restored = await client.post(`/api/v1/contacts/${c.id}/restore`);
    expectStatus(restored, 200);
    expect(restored.body.deletedAt).toBeNull();
    expect(restored.body.title).toBe('Ex-programmer');
    expect(await countOf(client, 'contacts')).toBe(1);
    expectProblem(await client.post(`/api/v1/contacts/${c.id}/restore`), 404, 'not_found');
  });

  it('answers 412 to a stale If-Match and leaves the record as it was', async () => {
    const { client } = await signUp(h.app);
    const c = await createContact(client, { firstName: 'Milton' });
    expectStatus(await client.patch(`/api/v1/contacts/${c.id}`, { title: 'Collator' }, { 'if-match': '"1"' }), 200);
    const stale = await client.patch(`/api/v1/contacts/${c.id}`, { title: 'Basement' }, { 'if-match': '"1"' });
    expectProblem(stale, 412, 'precondition_failed');
    const weak = await client.patch(`/api/v1/contacts/${c.id}`, { title: 'Basement' }, { 'if-match': 'W/"1"' });
    expectProblem(weak, 412, 'precondition_failed');
    expectProblem(await client.patch(`/api/v1/contacts/${c.id}`, { title: 'Basement' }, { 'if-match': 'garbage' }), 412, 'precondition_failed', 'If-Match');
    const now = await client.get(`/api/v1/contacts/${c.id}`);
    expect(now.body).toMatchObject({ title: 'Collator', version: 2 });
    expect(now.headers.etag).toBe('"2"');
    const fresh = await client.patch(`/api/v1/contacts/${c.id}`, { title: 'Basement' }, { 'if-match': 'W/"2"' });
    expectStatus(fresh, 200);
    expect(fresh.body.version).toBe(3);
    // "*" only asks that the record exists.
    expectStatus(await client.patch(`/api/v1/contacts/${c.id}`, { title: 'Anywhere' }, { 'if-match': '*' }), 200);
    expectProblem(await client.patch('/api/v1/contacts/01900000-0000-7000-8000-000000000000', { title: 'x' }, { 'if-match': '*' }), 404, 'not_found');
    const updates = await auditEvents(client, { objectId: c.id, action: 'updated' });
    expect(updates).toHaveLength(3);
  });

  it('answers 409 with existingId when an email is already taken, on create and on update', async () => {
    const { client } = await signUp(h.app);
    const ada = await createContact(client, { firstName: 'Ada', emails: [{ email: 'ada@example.com' }] });
    const dup = await client.post('/api/v1/contacts', { firstName: 'Imposter', emails: [{ email: 'other@example.com' }, { email: 'ADA@Example.com' }] });
    expectProblem(dup, 409, 'duplicate_email', 'emails.1.email');
    expect(dup.body.existingId).toBe(ada.id);
    expect(await countOf(client, 'contacts')).toBe(1);

    const bob = await createContact(client, { firstName: 'Bob', emails: [{ email: 'bob@example.com' }] });
    const upd = await client.patch(`/api/v1/contacts/${bob.id}`, { emails: [{ email: 'Ada@Example.com' }] });
    expectProblem(upd, 409, 'duplicate_email', 'emails.0.email');
    expect(upd.body.existingId).toBe(ada.id);
    expect((await client.get(`/api/v1/contacts/${bob.id}`)).body).toMatchObject({ email: 'bob@example.com', version: 1 });

    // A contact may keep its own email, and a freed email can be reused.
    expectStatus(await client.patch(`/api/v1/contacts/${bob.id}`, { emails: [{ email: 'bob@example.com', label: 'work' }] }), 200);
    expectStatus(await client.patch(`/api/v1/contacts/${ada.id}`, { emails: [{ email: 'ada@elsewhere.example' }] }), 200);
    expectStatus(await client.post('/api/v1/contacts', { firstName: 'New Ada', emails: [{ email: 'ada@example.com' }] }), 201);

    // The same email twice on one contact is a validation error, not a duplicate of another contact.
    expectProblem(
      await client.post('/api/v1/contacts', { firstName: 'Twice', emails: [{ email: 'x@example.com' }, { email: 'X@example.com' }] }),
      400,
      'validation_failed',
      'emails.1.email',
    );
  });

  it('lets exactly one of several simultaneous writers win', async () => {
    const { client } = await signUp(h.app);
    const creates = await Promise.all(
      Array.from({ length: 6 }, (_, i) => client.post('/api/v1/contacts', { firstName: `Racer${i}`, emails: [{ email: 'race@example.com' }] })),
    );
    expect(creates.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of creates.filter((r) => r.status !== 201)) expectProblem(r, 409, 'duplicate_email');
    expect(await countOf(client, 'contacts')).toBe(1);
    const bulks = await Promise.all(
      Array.from({ length: 4 }, (_, i) => client.post('/api/v1/contacts/bulk', { items: [{ firstName: `Bulk${i}` }, { firstName: `Bulk${i}b`, emails: [{ email: 'bulk-race@example.com' }] }] })),
    );
    expect(bulks.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of bulks.filter((r) => r.status !== 201)) expectProblem(r, 409, 'duplicate_email');
    expect(await countOf(client, 'contacts')).toBe(3);
    expect(await auditEvents(client, { objectType: 'contacts' })).toHaveLength(3);

    // Several edits made from the same version: one lands, the others are told it moved on.
    const c = await createContact(client, { firstName: 'Contested' });
    const edits = await Promise.all(Array.from({ length: 5 }, (_, i) => client.patch(`/api/v1/contacts/${c.id}`, { title: `Edit ${i}` }, { 'if-match': '"1"' })));
    const won = edits.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    for (const r of edits.filter((r) => r.status !== 200)) expectProblem(r, 412, 'precondition_failed');
    expect((await client.get(`/api/v1/contacts/${c.id}`)).body).toMatchObject({ version: 2, title: won[0].body.title });
  });

  it('rejects bad input on create and update with the offending field, writing nothing', async () => {
    const { client } = await signUp(h.app);
    const cases: [unknown, string][] = [
      [{ firstName: 42 }, 'firstName'],
      [{ firstName: 'x'.repeat(121) }, 'firstName'],
      [{ firstName: 'A', nickname: 'a' }, 'nickname'],
      [{ firstName: 'A', emails: [{ email: 'not-an-email' }] }, 'emails.0.email'],
      [{ firstName: 'A', emails: [{}] }, 'emails.0.email'],
      [{ firstName: 'A', lifecycleStage: 'prospect' }, 'lifecycleStage'],
      [{ firstName: 'A', tags: 'vip' }, 'tags'],
      [{ firstName: 'A', birthday: '19-02-1970' }, 'birthday'],
      [{ firstName: 'A', consent: { email: 'yes' } }, 'consent.email'],
      [{ firstName: 'A', companyId: 'not-a-uuid' }, 'companyId'],
      [{ firstName: 'A', description: 'x'.repeat(20001) }, 'description'],
      [{ firstName: 'A', addresses: [{ country: 'USA' }] }, 'addresses.0.country'],
      // No name and no email: nothing to call the contact by.
      [{ title: 'Nobody' }, 'firstName'],
      [{ firstName: '   ' }, 'firstName'],
    ];
    for (const [body, field] of cases) {
      const res = await client.post('/api/v1/contacts', body);
      expectProblem(res, 400, 'validation_failed', field);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // A company of no one: the reference must exist in this workspace.
    expectProblem(await client.post('/api/v1/contacts', { firstName: 'A', companyId: '01900000-0000-7000-8000-000000000000' }), 400, 'validation_failed', 'companyId');
    expectProblem(await client.post('/api/v1/contacts', { firstName: 'A', ownerId: '01900000-0000-7000-8000-000000000000' }), 400, 'validation_failed', 'ownerId');
    expect(await countOf(client, 'contacts')).toBe(0);
    expect(await auditEvents(client, { objectType: 'contacts' })).toHaveLength(0);

    const c = await createContact(client, { firstName: 'Samir' });
    for (const [body, field] of cases.slice(0, 12)) {
      expectProblem(await client.patch(`/api/v1/contacts/${c.id}`, body), 400, 'validation_failed', field);
    }
    expectProblem(await client.patch(`/api/v1/contacts/${c.id}`, { firstName: null }), 400, 'validation_failed', 'firstName');
    const after = await client.get(`/api/v1/contacts/${c.id}`);
    expect(after.body).toMatchObject({ firstName: 'Samir', version: 1 });
    expect(await auditEvents(client, { objectId: c.id })).toHaveLength(1);
  });

  it('answers problems for bodies that are not JSON objects, unknown ids and unknown routes', async () => {
    const { client } = await signUp(h.app);
    expectProblem(await client.request('POST', '/api/v1/contacts', '{"firstName":', { 'content-type': 'application/json' }), 400, 'bad_request');
    expectProblem(await client.request('POST', '/api/v1/contacts', '<firstName>A</firstName>', { 'content-type': 'application/xml' }), 415, 'bad_request');
    expectProblem(await client.post('/api/v1/contacts', [{ firstName: 'A' }]), 400, 'validation_failed', 'body');
    expectProblem(await client.request('POST', '/api/v1/contacts', 'firstName=A', { 'content-type': 'text/plain' }), 400, 'validation_failed', 'body');
    // Duplicate tags are refused rather than silently merged.
    expectProblem(await client.post('/api/v1/contacts', { firstName: 'A', tags: ['vip', 'vip'] }), 400, 'validation_failed', 'tags');
    expectProblem(await client.get('/api/v1/contacts/01900000-0000-7000-8000-000000000000'), 404, 'not_found');
    expectProblem(await client.get('/api/v1/contacts/not-an-id'), 404, 'not_found');
    expectProblem(await client.get('/api/v1/nothing-here'), 404, 'not_found');
    expect(await countOf(client, 'contacts')).toBe(0);
  });

  it('lists the fields that can be filtered and sorted, custom ones included', async () => {
    const { client } = await signUp(h.app);
    expectStatus(await client.post('/api/v1/custom-fields', { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'select', choices: ['gold', 'silver'] }), 201);
    const res = await client.get('/api/v1/contacts/fields');
    expectStatus(res, 200);
    const byKey = new Map(res.body.data.map((f: any) => [f.key, f]));
    expect(byKey.get('lastName')).toMatchObject({ kind: 'text', sortable: true });
    expect(byKey.get('tags')).toMatchObject({ kind: 'multiselect', sortable: false });
    expect(byKey.get('lifecycleStage')).toMatchObject({ kind: 'select', options: expect.arrayContaining(['lead', 'customer']) });
    expect(byKey.get('consent.email')).toMatchObject({ kind: 'boolean' });
    expect(byKey.get('custom.tier')).toMatchObject({ kind: 'select', label: 'Tier', options: ['gold', 'silver'] });
  });

  it('lists with limit, count and the trash', async () => {
    const { client } = await signUp(h.app);
    for (const n of ['A', 'B', 'C']) await createContact(client, { firstName: n });
    const page = await client.get('/api/v1/contacts?limit=2&count=true');
    expectStatus(page, 200);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.total).toBe(3);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    // Newest first by default.
    expect(page.body.data.map((c: any) => c.firstName)).toEqual(['C', 'B']);
    expectProblem(await client.get('/api/v1/contacts?limit=0'), 400, 'validation_failed', 'querystring.limit');
    expectProblem(await client.get('/api/v1/contacts?limit=501'), 400, 'validation_failed', 'querystring.limit');
    expectProblem(await client.get('/api/v1/contacts?bogus=1'), 400, 'validation_failed', 'querystring.bogus');
    expectProblem(await client.get('/api/v1/contacts?cursor=not-a-cursor'), 400, 'invalid_cursor', 'cursor');
    // A cursor belongs to its sort.
    expectProblem(await client.get(`/api/v1/contacts?sort=firstName&cursor=${page.body.nextCursor}`), 400, 'invalid_cursor', 'cursor');
    expectProblem(await client.get('/api/v1/contacts?sort=shoeSize'), 400, 'validation_failed', 'sort.0.field');
    expectProblem(await client.get('/api/v1/contacts?sort=tags'), 400, 'validation_failed', 'sort.0.field');
    const q = await client.post('/api/v1/contacts/query', { limit: 5, count: true, sort: [{ field: 'firstName', direction: 'desc' }] });
    expectStatus(q, 200);
    expect(q.body.data.map((c: any) => c.firstName)).toEqual(['C', 'B', 'A']);
    expectProblem(await client.post('/api/v1/contacts/query', { limit: 5, page: 2 }), 400, 'validation_failed', 'page');
    expectProblem(await client.post('/api/v1/contacts/query', { limit: 'five' }), 400, 'validation_failed', 'limit');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, createCompany, createContact, createField, expectProblem, expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, addMember, signUp, startHarness } from '../support/harness';

type Group = { reasons: { kind: string; value: string }[]; records: { id: string }[] };

/** Every group, following the cursor `limit` at a time. */
async function allGroups(client: Client, object: 'contacts' | 'companies', limit = 20): Promise<Group[]> {
  const out: Group[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const url: string = `/api/v1/${object}/duplicates?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await client.get(url);
    expectStatus(res, 200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('duplicates pagination did not end');
}

/** Groups as sorted id sets with their reason kinds, to compare regardless of order. */
const shapes = (groups: Group[]) =>
  groups.map((g) => ({ ids: g.records.map((r) => r.id).sort(), kinds: g.reasons.map((r) => r.kind).sort() })).sort((a, b) => (a.ids[0] < b.ids[0] ? -1 : 1));
const shape = (ids: string[], kinds: string[]) => ({ ids: [...ids].sort(), kinds: [...kinds].sort() });

async function ok<T = any>(p: Promise<{ status: number; body: any }>, status = 200): Promise<T> {
  const res = await p;
  expectStatus(res as any, status);
  return res.body as T;
}

describe.each(await testDialects())('duplicates on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('finds contacts sharing a mailbox, an E.164 phone or a similar name at one company, and not the near misses', async () => {
    const { client } = await signUp(h.app);
    const initech = await createCompany(client, { name: 'Initech' });
    const globex = await createCompany(client, { name: 'Globex' });
    const c = (input: Record<string, unknown>) => createContact(client, input);
    const anna = await c({ firstName: 'Anna', lastName: 'Berg', emails: [{ email: 'anna.berg@gmail.com' }] });
    const ann = await c({ firstName: 'Ann', lastName: 'Bergström', emails: [{ email: 'AnnaBerg+crm@googlemail.com' }] });
    const carl = await c({ firstName: 'Carl', lastName: 'Diaz', phones: [{ phone: '+1 (415) 555-2671' }] });
    const karl = await c({ firstName: 'Karl', lastName: 'Dias', phones: [{ phone: '+14155552671' }] });
    const jon = await c({ firstName: 'Jon', lastName: 'Smith', companyId: initech.id });
    const john = await c({ firstName: 'John', lastName: 'Smith', companyId: initech.id });
    // Near misses: another first name in the same block, the same name elsewhere or nowhere,
    // dots that matter outside Gmail, a phone one digit off.
    await c({ firstName: 'Jane', lastName: 'Smith', companyId: initech.id });
    await c({ firstName: 'John', lastName: 'Smith', companyId: globex.id });
    await c({ firstName: 'John', lastName: 'Smith' });
    await c({ firstName: 'Al', lastName: 'B', emails: [{ email: 'a.b@example.com' }] });
    await c({ firstName: 'Al', lastName: 'C', emails: [{ email: 'ab@example.com' }] });
    const other = await c({ firstName: 'Dee', lastName: 'Ray', phones: [{ phone: '+14155552672' }], emails: [{ email: 'dee@example.org' }] });

    const groups = await allGroups(client, 'contacts');
    expect(shapes(groups)).toEqual(
      shapes([
        { reasons: [{ kind: 'email', value: '' }], records: [anna, ann] },
        { reasons: [{ kind: 'phone', value: '' }], records: [carl, karl] },
        { reasons: [{ kind: 'name', value: '' }], records: [jon, john] },
      ]),
    );
    const byKind = new Map(groups.map((g) => [g.reasons[0].kind, g]));
    expect(byKind.get('email')!.reasons[0].value).toBe('annaberg@gmail.com');
    expect(byKind.get('phone')!.reasons[0].value).toBe('+14155552671');
    expect(byKind.get('name')!.reasons[0].value).toBe('smith, j.');
    // Oldest first: the suggested survivor is the record created first.
    expect(byKind.get('email')!.records.map((r) => r.id)).toEqual([anna.id, ann.id]);
    expect(byKind.get('email')!.records[0]).toMatchObject({ fullName: 'Anna Berg', email: 'anna.berg@gmail.com' });

    // One group per page walks to the same groups.
    expect(shapes(await allGroups(client, 'contacts', 1))).toEqual(shapes(groups));

    // Changes are picked up: an edited email joins a group, a trashed contact leaves one.
    expectStatus(await client.patch(`/api/v1/contacts/${other.id}`, { emails: [{ email: 'anna.berg+x@gmail.com' }] }), 200);
    expectStatus(await client.delete(`/api/v1/contacts/${karl.id}`), 204);
    expect(shapes(await allGroups(client, 'contacts'))).toEqual([shape([anna.id, ann.id, other.id], ['email']), shape([jon.id, john.id], ['name'])].sort((a, b) => (a.ids[0] < b.ids[0] ? -1 : 1)));

    // Not duplicates: the pair stops showing, until a third similar contact joins them.
    expectStatus(await client.post('/api/v1/contacts/duplicates/dismiss', { ids: [john.id, jon.id] }), 204);
    expect(shapes(await allGroups(client, 'contacts'))).toEqual([shape([anna.id, ann.id, other.id], ['email'])]);
    const johnny = await c({ firstName: 'Johnny', lastName: 'Smith', companyId: initech.id });
    expect(shapes(await allGroups(client, 'contacts'))).toContainEqual(shape([jon.id, john.id, johnny.id], ['name']));

    expectProblem(await client.get('/api/v1/contacts/duplicates?cursor=nonsense'), 400, 'invalid_cursor', 'cursor');
    expectProblem(await client.get('/api/v1/contacts/duplicates?limit=0'), 400, 'validation_failed', 'querystring.limit');
    expectProblem(await client.post('/api/v1/contacts/duplicates/dismiss', { ids: [jon.id] }), 400, 'validation_failed', 'ids');
  });

  it('finds companies by domain and by normalised name; one group with both reasons', async () => {
    const { client } = await signUp(h.app);
    const acme = await createCompany(client, { name: 'Acme, Inc.', domain: 'acme.com' });
    const acme2 = await createCompany(client, { name: 'ACME Corporation', website: 'https://www.acme.com/about' });
    const globex = await createCompany(client, { name: 'Globex' });
    const globex2 = await createCompany(client, { name: 'The Globex Co.' });
    await createCompany(client, { name: 'Acme Labs', domain: 'acmelabs.com' });
    await createCompany(client, { name: 'Globe' });
    const groups = await allGroups(client, 'companies');
    expect(shapes(groups)).toEqual(shapes([
      { reasons: [{ kind: 'domain', value: '' }, { kind: 'name', value: '' }], records: [acme, acme2] },
      { reasons: [{ kind: 'name', value: '' }], records: [globex, globex2] },
    ]));
    expect(groups.find((g) => g.records.some((r) => r.id === acme.id))!.reasons).toEqual([
      { kind: 'domain', value: 'acme.com' },
      { kind: 'name', value: 'acme' },
    ]);
  });

  it('merges contacts in one go: chosen values, every link moved, the others gone, all in the audit log', async () => {
    const { client, userId } = await signUp(h.app);
    await createField(client, { objectType: 'contacts', key: 'segment', label: 'Segment', type: 'text' });
    await createField(client, { objectType: 'contacts', key: 'source', label: 'Source', type: 'text' });
    const survivor = await createContact(client, {
      firstName: 'Jon',
      lastName: 'Smith',
      title: 'Engineer',
      emails: [{ email: 'jon@initech.example' }],
      phones: [{ phone: '+14155550001' }],
      tags: ['vip'],
      custom: { segment: 'smb' },
    });
    const merged = await createContact(client, {
      firstName: 'Jonathan',
      lastName: 'Smith',
      emails: [{ email: 'jonathan@home.example', label: 'home' }],
      phones: [{ phone: '+14155550002' }],
      tags: ['newsletter', 'vip'],
      lifecycleStage: 'customer',
      custom: { segment: 'enterprise', source: 'fair' },
    });
    const bystander = await createContact(client, { firstName: 'Bea', lastName: 'Stander' });
    const link = (id: string) => ({ objectType: 'contacts', id });
    const call = await ok(client.post('/api/v1/activities', { type: 'call', call: { direction: 'out' }, links: [link(merged.id)] }), 201);
    const note = await ok(client.post('/api/v1/activities', { type: 'note', body: 'both', links: [link(merged.id), link(survivor.id), link(bystander.id)] }), 201);
    const task = await ok(client.post('/api/v1/tasks', { title: 'Call back', links: [link(merged.id)] }), 201);
    const comment = await ok(client.post('/api/v1/comments', { objectType: 'contacts', objectId: merged.id, body: 'Met at the fair' }), 201);
    const dealBoth = await ok(client.post('/api/v1/deals', { name: 'Both', contactIds: [merged.id, survivor.id, bystander.id] }), 201);
    const dealOne = await ok(client.post('/api/v1/deals', { name: 'One', contactIds: [merged.id] }), 201);
    const quote = await ok(client.post('/api/v1/quotes', { title: 'Offer', currency: 'USD', contactId: merged.id }), 201);
    const consent = await ok(client.post(`/api/v1/contacts/${merged.id}/consents`, { purpose: 'email', status: 'granted', legalBasis: 'consent', source: 'web form' }), 201);
    const lead = await ok(client.post('/api/v1/leads', { name: 'Jonathan Smith' }), 201);
    await ok(client.post(`/api/v1/leads/${lead.id}/convert`, { contactId: merged.id, companyId: null }));

    const res = await client.post(
      '/api/v1/contacts/merge',
      { survivorId: survivor.id, mergedIds: [merged.id], fields: { firstName: merged.id, 'custom.segment': merged.id } },
      { 'if-match': `"${survivor.version}"` },
    );
    expectStatus(res, 200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body).toMatchObject({
      id: survivor.id,
      firstName: 'Jonathan',
      lastName: 'Smith',
      title: 'Engineer',
      lifecycleStage: 'customer',
      email: 'jon@initech.example',
      emails: [{ email: 'jon@initech.example' }, { email: 'jonathan@home.example', label: 'home' }],
      phones: [{ phone: '+14155550001' }, { phone: '+14155550002' }],
      tags: ['vip', 'newsletter'],
      custom: { segment: 'enterprise', source: 'fair' },
    });
    expect(await ok(client.get(`/api/v1/contacts/${survivor.id}`))).toEqual(res.body);
    expectProblem(await client.get(`/api/v1/contacts/${merged.id}`), 404, 'not_found');

    const linksOf = async (path: string) => (await ok(client.get(path))).links.map((l: any) => l.id).sort();
    expect(await linksOf(`/api/v1/activities/${call.id}`)).toEqual([survivor.id]);
    expect(await linksOf(`/api/v1/activities/${note.id}`)).toEqual([survivor.id, bystander.id].sort());
    expect(await linksOf(`/api/v1/tasks/${task.id}`)).toEqual([survivor.id]);
    const comments = await ok(client.get(`/api/v1/comments?objectType=contacts&objectId=${survivor.id}`));
    expect(comments.data.map((x: any) => x.id)).toEqual([comment.id]);
    expect((await ok(client.get(`/api/v1/deals/${dealBoth.id}`))).contactIds).toEqual([survivor.id, bystander.id]);
    expect((await ok(client.get(`/api/v1/deals/${dealOne.id}`))).contactIds).toEqual([survivor.id]);
    expect((await ok(client.get(`/api/v1/quotes/${quote.id}`))).contactId).toBe(survivor.id);
    expect((await ok(client.get(`/api/v1/leads/${lead.id}`))).convertedContactId).toBe(survivor.id);
    // Recorded consent is evidence: it moves with the person, and the newest record sets the flag.
    const consents = await ok(client.get(`/api/v1/contacts/${survivor.id}/consents`));
    expect(consents.data.map((x: any) => [x.id, x.contactId])).toEqual([[consent.id, survivor.id]]);
    expect(res.body.consent).toEqual({ email: true, sms: false, phone: false });
    // The merged email is the survivor's now: search finds the survivor by it, and nobody else may take it.
    const hits = await ok(client.get('/api/v1/search?q=jonathan%40home.example'));
    expect(hits.data.map((x: any) => x.id)).toEqual([survivor.id]);
    expectProblem(await client.post('/api/v1/contacts', { emails: [{ email: 'jonathan@home.example' }] }), 409, 'duplicate_email');

    const mergedEvent = (await auditEvents(client, { objectId: survivor.id })).find((e) => e.action === 'merged');
    expect(mergedEvent).toMatchObject({ actor: { id: userId }, changes: { mergedIds: { after: [merged.id] }, fields: { after: { firstName: merged.id, 'custom.segment': merged.id } } } });
    const gone = await auditEvents(client, { objectId: merged.id });
    expect(gone[0]).toMatchObject({ action: 'purged', changes: { mergedInto: { after: survivor.id }, firstName: { before: 'Jonathan', after: null } } });
    const dealEvents = await auditEvents(client, { objectId: dealOne.id, action: 'updated' });
    expect(dealEvents[0].changes.contactIds).toEqual({ before: [merged.id], after: [survivor.id] });
    const timeline = await ok(client.get(`/api/v1/contacts/${survivor.id}/timeline`));
    expect(timeline.data.map((i: any) => i.type)).toEqual(expect.arrayContaining(['merged', 'call', 'note', 'comment']));
  });

  it('merges companies: their contacts, child companies and deals move to the survivor', async () => {
    const { client } = await signUp(h.app);
    const survivor = await createCompany(client, { name: 'Acme', domain: 'acme.com' });
    const merged = await createCompany(client, { name: 'ACME Inc.', industry: 'Rockets', phones: [{ phone: '+14155550003' }] });
    const child = await createCompany(client, { name: 'Acme Labs', parentId: merged.id });
    const person = await createContact(client, { firstName: 'Wile', lastName: 'Coyote', companyId: merged.id });
    const deal = await ok(client.post('/api/v1/deals', { name: 'Anvils', companyId: merged.id }), 201);
    const meeting = await ok(client.post('/api/v1/activities', { type: 'note', body: 'x', links: [{ objectType: 'companies', id: merged.id }] }), 201);

    const res = await client.post('/api/v1/companies/merge', { survivorId: survivor.id, mergedIds: [merged.id] });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ name: 'Acme', domain: 'acme.com', industry: 'Rockets', phones: [{ phone: '+14155550003' }] });
    expect((await ok(client.get(`/api/v1/contacts/${person.id}`))).company).toEqual({ id: survivor.id, name: 'Acme' });
    expect((await ok(client.get(`/api/v1/companies/${child.id}`))).parentId).toBe(survivor.id);
    expect((await ok(client.get(`/api/v1/deals/${deal.id}`))).companyId).toBe(survivor.id);
    expect((await ok(client.get(`/api/v1/activities/${meeting.id}`))).links).toEqual([{ objectType: 'companies', id: survivor.id }]);
    expectProblem(await client.get(`/api/v1/companies/${merged.id}`), 404, 'not_found');
    expect(await allGroups(client, 'companies')).toEqual([]);
  });

  it('a failure part-way leaves nothing changed', async () => {
    const { client } = await signUp(h.app);
    const stranger = await signUp(h.app);
    const theirs = await createContact(stranger.client, { firstName: 'Not', lastName: 'Yours' });
    const survivor = await createContact(client, { firstName: 'Sam', lastName: 'Lee', emails: [{ email: 'sam@a.example' }] });
    const merged = await createContact(client, { firstName: 'Samuel', lastName: 'Lee', emails: [{ email: 'sam@b.example' }] });
    const act = await ok(client.post('/api/v1/activities', { type: 'note', body: 'x', links: [{ objectType: 'contacts', id: merged.id }] }), 201);
    const history = async () => (await auditEvents(client)).map((e) => `${e.action} ${e.objectType} ${e.objectId}`);
    let eventsBefore = await history();

    const unchanged = async () => {
      expect(await ok(client.get(`/api/v1/contacts/${merged.id}`))).toEqual(merged);
      expect(await ok(client.get(`/api/v1/contacts/${survivor.id}`))).toEqual(survivor);
      expect((await ok(client.get(`/api/v1/activities/${act.id}`))).links).toEqual([{ objectType: 'contacts', id: merged.id }]);
      expect(await history()).toEqual(eventsBefore);
    };
    // Another workspace's id: 404 naming it, before anything moved.
    expectProblem(await client.post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedIds: [merged.id, theirs.id] }), 404, 'not_found', 'mergedIds.1');
    expectProblem(await client.post('/api/v1/contacts/merge', { survivorId: theirs.id, mergedIds: [merged.id] }), 404, 'not_found', 'survivorId');
    // A stale survivor: refused after the links were moved and the merged record deleted, all rolled back.
    expectProblem(await client.post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedIds: [merged.id] }, { 'if-match': '"7"' }), 412, 'precondition_failed');
    await unchanged();

    // Companies: a choice that would make a loop fails in the last step, after everything else.
    const top = await createCompany(client, { name: 'Top' });
    const mid = await createCompany(client, { name: 'Mid', parentId: top.id });
    const bottom = await createCompany(client, { name: 'Bottom', parentId: mid.id });
    eventsBefore = await history();
    // Merging Top into Bottom moves Mid under Bottom, while Bottom stays under Mid.
    expectProblem(await client.post('/api/v1/companies/merge', { survivorId: bottom.id, mergedIds: [top.id] }), 400, 'validation_failed', 'parentId');
    expect((await ok(client.get(`/api/v1/companies/${mid.id}`))).parentId).toBe(top.id);
    expect((await ok(client.get(`/api/v1/companies/${top.id}`))).deletedAt).toBeNull();

    expectProblem(await client.post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedIds: [survivor.id] }), 400, 'validation_failed', 'mergedIds');
    expectProblem(await client.post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedIds: [merged.id], fields: { password: merged.id } }), 400, 'validation_failed', 'fields.password');
    expectProblem(await client.post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedIds: [merged.id], fields: { firstName: theirs.id } }), 400, 'validation_failed', 'fields.firstName');
    expectProblem(await client.post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedIds: [] }), 400, 'validation_failed', 'mergedIds');
    await unchanged();
  });

  it('keeps workspaces apart and checks roles', async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    const a1 = await createContact(a.client, { firstName: 'Ida', lastName: 'Moss', emails: [{ email: 'ida.moss@gmail.com' }] });
    const a2 = await createContact(a.client, { firstName: 'Ida', lastName: 'Moss', emails: [{ email: 'idamoss@gmail.com' }] });
    // The same mailbox in another workspace is no duplicate of these.
    const b1 = await createContact(b.client, { firstName: 'Ida', lastName: 'Moss', emails: [{ email: 'i.damoss@gmail.com' }] });
    expect(shapes(await allGroups(a.client, 'contacts'))).toEqual([shape([a1.id, a2.id], ['email'])]);
    expect(await allGroups(b.client, 'contacts')).toEqual([]);
    expectProblem(await b.client.post('/api/v1/contacts/merge', { survivorId: b1.id, mergedIds: [a1.id] }), 404, 'not_found', 'mergedIds.0');
    expectProblem(await b.client.post('/api/v1/contacts/duplicates/dismiss', { ids: [a1.id, a2.id] }), 404, 'not_found', 'ids.0');
    expect((await ok(a.client.get(`/api/v1/contacts/${a2.id}`))).id).toBe(a2.id);

    const viewer = await addMember(h.app, a.client, 'viewer');
    expect(shapes(await allGroups(viewer.client, 'contacts'))).toEqual([shape([a1.id, a2.id], ['email'])]);
    expectProblem(await viewer.client.post('/api/v1/contacts/merge', { survivorId: a1.id, mergedIds: [a2.id] }), 403, 'forbidden');
    expectProblem(await viewer.client.post('/api/v1/contacts/duplicates/dismiss', { ids: [a1.id, a2.id] }), 403, 'forbidden');
    const member = await addMember(h.app, a.client, 'member');
    expectStatus(await member.client.post('/api/v1/contacts/merge', { survivorId: a1.id, mergedIds: [a2.id] }), 200);
    expect(await allGroups(a.client, 'contacts')).toEqual([]);
  });
});

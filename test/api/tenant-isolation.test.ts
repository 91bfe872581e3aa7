import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, countOf, createCompany, createContact, createField, expectProblem, expectStatus, filterParam } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, addMember, createApiKey, signUp, startHarness } from '../support/harness';

type Other = {
  client: Client;
  contact: any;
  trashedContact: any;
  company: any;
  trashedCompany: any;
  field: any;
  view: any;
  keyId: string;
  memberId: string;
  invitationId: string;
};

/**
 * Workspace A, by session and by API key, against every id of workspace B: always 404 (as if
 * it did not exist, so ids cannot be probed), never a row of B in lists, counts, search or audit.
 */
describe.each(await testDialects())('tenant isolation on %s', (dialect) => {
  let h: Harness;
  let a: { session: Client; key: Client; contactId: string };
  let b: Other;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const ownerA = (await signUp(h.app, { workspaceName: 'A' })).client;
    const contactA = await createContact(ownerA, { firstName: 'Alice', lastName: 'Ours', emails: [{ email: 'shared@example.com' }] });
    a = { session: ownerA, key: await createApiKey(ownerA, 'owner'), contactId: contactA.id };

    const ownerB = (await signUp(h.app, { workspaceName: 'B' })).client;
    const company = await createCompany(ownerB, { name: 'Zyxwv Theirs', domain: 'zyxwv.example' });
    const trashedCompany = await createCompany(ownerB, { name: 'Zyxwv Trashed Co' });
    await ownerB.delete(`/api/v1/companies/${trashedCompany.id}`);
    const contact = await createContact(ownerB, { firstName: 'Zyxwv', lastName: 'Theirs', emails: [{ email: 'zyxwv@theirs.example' }], companyId: company.id });
    const trashedContact = await createContact(ownerB, { firstName: 'Zyxwv', lastName: 'Trashed' });
    await ownerB.delete(`/api/v1/contacts/${trashedContact.id}`);
    const field = await createField(ownerB, { objectType: 'contacts', key: 'secret', label: 'Secret', type: 'text' });
    const view = (await ownerB.post('/api/v1/views', { objectType: 'contacts', name: 'Theirs', visibility: 'shared' })).body;
    const key = (await ownerB.post('/api/v1/api-keys', { name: 'theirs', role: 'member' })).body;
    const member = await addMember(h.app, ownerB, 'member');
    const inv = (await ownerB.post('/api/v1/invitations', { email: 'pending@theirs.example', role: 'viewer' })).body;
    b = { client: ownerB, contact, trashedContact, company, trashedCompany, field, view, keyId: key.apiKey.id, memberId: member.userId, invitationId: inv.invitation.id };
  });
  afterAll(async () => h?.close());

  /** What B can see of itself; compared before and after A's attempts. */
  const stateOfB = async () => ({
    contacts: (await b.client.post('/api/v1/contacts/query', { limit: 500 })).body.data.map((c: any) => [c.id, c.version, c.title, c.deletedAt]),
    trash: (await b.client.post('/api/v1/contacts/query', { limit: 500, trash: true })).body.data.map((c: any) => [c.id, c.version]),
    companies: (await b.client.post('/api/v1/companies/query', { limit: 500, trash: true })).body.data.map((c: any) => [c.id, c.version]),
    fields: (await b.client.get('/api/v1/custom-fields')).body.data,
    views: (await b.client.get('/api/v1/views')).body.data,
    keys: (await b.client.get('/api/v1/api-keys')).body.data,
    members: (await b.client.get('/api/v1/members')).body.data,
    invitations: (await b.client.get('/api/v1/invitations')).body.data,
    events: (await auditEvents(b.client)).length,
  });

  for (const via of ['session', 'key'] as const) {
    it(`answers 404 to every id of another workspace (${via})`, async () => {
      const c = a[via];
      const before = await stateOfB();
      const calls: [string, () => Promise<any>][] = [
        ['get contact', () => c.get(`/api/v1/contacts/${b.contact.id}`)],
        ['get trashed contact', () => c.get(`/api/v1/contacts/${b.trashedContact.id}`)],
        ['update contact', () => c.patch(`/api/v1/contacts/${b.contact.id}`, { title: 'Hacked' })],
        ['update contact with If-Match', () => c.patch(`/api/v1/contacts/${b.contact.id}`, { title: 'Hacked' }, { 'if-match': '"1"' })],
        ['delete contact', () => c.delete(`/api/v1/contacts/${b.contact.id}`)],
        ['restore contact', () => c.post(`/api/v1/contacts/${b.trashedContact.id}/restore`)],
        ['bulk update contacts', () => c.patch('/api/v1/contacts/bulk', { items: [{ id: b.contact.id, changes: { title: 'Hacked' } }] })],
        ['bulk delete contacts', () => c.post('/api/v1/contacts/bulk-delete', { ids: [b.contact.id] })],
        ['bulk restore contacts', () => c.post('/api/v1/contacts/bulk-restore', { ids: [b.trashedContact.id] })],
        ['get company', () => c.get(`/api/v1/companies/${b.company.id}`)],
        ['update company', () => c.patch(`/api/v1/companies/${b.company.id}`, { name: 'Hacked' })],
        ['delete company', () => c.delete(`/api/v1/companies/${b.company.id}`)],
        ['restore company', () => c.post(`/api/v1/companies/${b.trashedCompany.id}/restore`)],
        ['bulk update companies', () => c.patch('/api/v1/companies/bulk', { items: [{ id: b.company.id, changes: { name: 'Hacked' } }] })],
        ['bulk delete companies', () => c.post('/api/v1/companies/bulk-delete', { ids: [b.company.id] })],
        ['bulk restore companies', () => c.post('/api/v1/companies/bulk-restore', { ids: [b.trashedCompany.id] })],
        ['update custom field', () => c.patch(`/api/v1/custom-fields/${b.field.id}`, { label: 'Hacked' })],
        ['delete custom field', () => c.delete(`/api/v1/custom-fields/${b.field.id}`)],
        ['get view', () => c.get(`/api/v1/views/${b.view.id}`)],
        ['update view', () => c.patch(`/api/v1/views/${b.view.id}`, { name: 'Hacked' })],
        ['delete view', () => c.delete(`/api/v1/views/${b.view.id}`)],
        ['revoke API key', () => c.delete(`/api/v1/api-keys/${b.keyId}`)],
        ['change member role', () => c.patch(`/api/v1/members/${b.memberId}`, { role: 'viewer' })],
        ['remove member', () => c.delete(`/api/v1/members/${b.memberId}`)],
        ['withdraw invitation', () => c.delete(`/api/v1/invitations/${b.invitationId}`)],
      ];
      for (const [name, call] of calls) {
        const res = await call();
        expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(404);
        expectProblem(res, 404, 'not_found');
      }
      // One foreign id among own ids spoils the whole bulk call, and leaves A's own row alone too.
      const mixed = await c.post('/api/v1/contacts/bulk-delete', { ids: [a.contactId, b.contact.id] });
      expectProblem(mixed, 404, 'not_found', 'ids.1');
      expect((await c.get(`/api/v1/contacts/${a.contactId}`)).body.deletedAt).toBeNull();
      expect(await stateOfB()).toEqual(before);
    });

    it(`never shows another workspace's rows in lists, counts, search or audit (${via})`, async () => {
      const c = a[via];
      const contacts = await c.post('/api/v1/contacts/query', { limit: 500, count: true });
      expect(contacts.body.data.map((x: any) => x.id)).toEqual([a.contactId]);
      expect(contacts.body.total).toBe(1);
      expect(await countOf(c, 'contacts', { trash: true })).toBe(0);
      expect(await countOf(c, 'companies')).toBe(0);
      expect(await countOf(c, 'companies', { trash: true })).toBe(0);
      expect(await countOf(c, 'contacts', { filter: { field: 'companyId', op: 'eq', value: b.company.id } })).toBe(0);
      expect(await countOf(c, 'contacts', { filter: { field: 'id', op: 'in', value: [b.contact.id, b.trashedContact.id] } })).toBe(0);
      for (const q of ['zyxwv', 'zy', 'theirs', 'zyxwv.example']) {
        expect((await c.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).body.data, q).toEqual([]);
      }
      const events = await auditEvents(c);
      const foreign = new Set([b.contact.id, b.trashedContact.id, b.company.id, b.trashedCompany.id, b.field.id, b.view.id, b.keyId, b.memberId, b.invitationId]);
      expect(events.length).toBeGreaterThan(0);
      expect(events.filter((e) => foreign.has(e.objectId))).toEqual([]);
      expect(await auditEvents(c, { objectId: b.contact.id })).toEqual([]);
      expect((await c.get('/api/v1/custom-fields')).body.data).toEqual([]);
      expect((await c.get('/api/v1/views')).body.data.map((v: any) => v.id)).not.toContain(b.view.id);
      const members = (await c.get('/api/v1/members')).body.data.map((m: any) => m.userId);
      expect(members).not.toContain(b.memberId);
      expect((await c.get('/api/v1/invitations')).body.data).toEqual([]);
      expect((await c.get('/api/v1/api-keys')).body.data.map((k: any) => k.id)).not.toContain(b.keyId);
      // B's custom field does not exist for A, not even as a filter.
      expectProblem(await c.get(`/api/v1/contacts?filter=${filterParam({ field: 'custom.secret', op: 'isEmpty' })}`), 400, 'invalid_filter', 'filter.field');
    });

    it(`cannot point at another workspace's records or people (${via})`, async () => {
      const c = a[via];
      expectProblem(await c.post('/api/v1/contacts', { firstName: 'X', companyId: b.company.id }), 400, 'validation_failed', 'companyId');
      expectProblem(await c.post('/api/v1/contacts', { firstName: 'X', ownerId: b.memberId }), 400, 'validation_failed', 'ownerId');
      expectProblem(await c.post('/api/v1/companies', { name: 'X', parentId: b.company.id }), 400, 'validation_failed', 'parentId');
      expectProblem(await c.patch(`/api/v1/contacts/${a.contactId}`, { companyId: b.company.id }), 400, 'validation_failed', 'companyId');
      expectProblem(await c.post('/api/v1/contacts', { firstName: 'X', custom: { secret: 'x' } }), 400, 'validation_failed', 'custom.secret');
    });
  }

  it("keeps B's own view of itself intact", async () => {
    expect(await countOf(b.client, 'contacts')).toBe(1);
    expect((await b.client.get(`/api/v1/contacts/${b.contact.id}`)).body).toMatchObject({ title: null, version: 1, deletedAt: null });
    expect((await b.client.get('/api/v1/search?q=zyxwv')).body.data.map((d: any) => d.id).sort()).toEqual([b.company.id, b.contact.id].sort());
    // An email B uses is free in A, and the other way round: uniqueness is per workspace.
    expectStatus(await a.key.post('/api/v1/contacts', { firstName: 'Zed', emails: [{ email: 'zyxwv@theirs.example' }] }), 201);
    expectProblem(await b.client.post('/api/v1/contacts', { firstName: 'Dup', emails: [{ email: 'zyxwv@theirs.example' }] }), 409, 'duplicate_email');
    expectStatus(await b.client.post('/api/v1/contacts', { firstName: 'Fine', emails: [{ email: 'shared@example.com' }] }), 201);
  });
});

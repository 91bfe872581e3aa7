import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission, ROLES, type Role } from '../../src/contract/roles';
import { createContact, createField, expectProblem, expectStatus } from '../support/api';
import type { Client, Res } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, addMember, createApiKey, signUp, startHarness } from '../support/harness';

type Actor = { role: Role; via: 'session' | 'api key'; client: Client };
type Action = {
  name: string;
  permission: Permission;
  /** Prepares what the action needs (as the owner) and returns the call to make as `actor`. */
  run: (owner: Client, actor: Client) => Promise<Res>;
  /** Only people (sessions) can do it: views belong to a user. */
  sessionOnly?: boolean;
};

const ACTIONS: Action[] = [
  { name: 'list contacts', permission: 'records:read', run: async (_o, a) => a.get('/api/v1/contacts') },
  { name: 'query companies', permission: 'records:read', run: async (_o, a) => a.post('/api/v1/companies/query', {}) },
  { name: 'search', permission: 'records:read', run: async (_o, a) => a.get('/api/v1/search?q=ro') },
  { name: 'list members', permission: 'records:read', run: async (_o, a) => a.get('/api/v1/members') },
  { name: 'list saved views', permission: 'records:read', run: async (_o, a) => a.get('/api/v1/views?objectType=contacts') },
  {
    name: 'read a shared view',
    permission: 'records:read',
    run: async (o, a) => a.get(`/api/v1/views/${(await o.post('/api/v1/views', { objectType: 'contacts', name: 'Team', visibility: 'shared' })).body.id}`),
  },
  { name: 'list fields of contacts', permission: 'records:read', run: async (_o, a) => a.get('/api/v1/contacts/fields') },
  { name: 'list custom fields', permission: 'records:read', run: async (_o, a) => a.get('/api/v1/custom-fields') },
  { name: 'read the workspace', permission: 'records:read', run: async (_o, a) => a.get('/api/v1/workspace') },
  {
    name: "read a record's history",
    permission: 'records:read',
    run: async (o, a) => a.get(`/api/v1/audit?objectId=${(await createContact(o, { firstName: 'History' })).id}`),
  },
  { name: 'create a contact', permission: 'records:write', run: async (_o, a) => a.post('/api/v1/contacts', { firstName: 'Role' }) },
  {
    name: 'update a contact',
    permission: 'records:write',
    run: async (o, a) => a.patch(`/api/v1/contacts/${(await createContact(o, { firstName: 'Role' })).id}`, { title: 'Changed' }),
  },
  {
    name: 'trash a contact',
    permission: 'records:write',
    run: async (o, a) => a.delete(`/api/v1/contacts/${(await createContact(o, { firstName: 'Role' })).id}`),
  },
  {
    name: 'restore a contact',
    permission: 'records:write',
    run: async (o, a) => {
      const c = await createContact(o, { firstName: 'Role' });
      await o.delete(`/api/v1/contacts/${c.id}`);
      return a.post(`/api/v1/contacts/${c.id}/restore`);
    },
  },
  { name: 'create a company', permission: 'records:write', run: async (_o, a) => a.post('/api/v1/companies', { name: 'Role Co' }) },
  { name: 'bulk create', permission: 'records:bulk', run: async (_o, a) => a.post('/api/v1/contacts/bulk', { items: [{ firstName: 'Bulk' }] }) },
  {
    name: 'bulk update',
    permission: 'records:bulk',
    run: async (o, a) => a.patch('/api/v1/contacts/bulk', { items: [{ id: (await createContact(o, { firstName: 'B' })).id, changes: { title: 'x' } }] }),
  },
  {
    name: 'bulk delete',
    permission: 'records:bulk',
    run: async (o, a) => a.post('/api/v1/contacts/bulk-delete', { ids: [(await createContact(o, { firstName: 'B' })).id] }),
  },
  {
    name: 'bulk restore',
    permission: 'records:bulk',
    run: async (o, a) => {
      const c = await createContact(o, { firstName: 'B' });
      await o.delete(`/api/v1/contacts/${c.id}`);
      return a.post('/api/v1/contacts/bulk-restore', { ids: [c.id] });
    },
  },
  {
    name: 'save a private view',
    permission: 'records:read',
    sessionOnly: true,
    run: async (_o, a) => a.post('/api/v1/views', { objectType: 'contacts', name: 'Mine' }),
  },
  {
    name: 'share a view',
    permission: 'views:share',
    sessionOnly: true,
    run: async (_o, a) => a.post('/api/v1/views', { objectType: 'contacts', name: 'Ours', visibility: 'shared' }),
  },
  { name: 'read the audit log', permission: 'audit:read', run: async (_o, a) => a.get('/api/v1/audit') },
  {
    name: 'add a custom field',
    permission: 'fields:manage',
    run: async (_o, a) => a.post('/api/v1/custom-fields', { objectType: 'contacts', key: `f${Math.random().toString(36).slice(2, 8)}`, label: 'F', type: 'text' }),
  },
  {
    name: 'change a custom field',
    permission: 'fields:manage',
    run: async (o, a) => {
      const f = await createField(o, { objectType: 'contacts', key: `f${Math.random().toString(36).slice(2, 8)}`, label: 'F', type: 'text' });
      return a.patch(`/api/v1/custom-fields/${f.id}`, { label: 'G' });
    },
  },
  {
    name: 'delete a custom field',
    permission: 'fields:manage',
    run: async (o, a) => {
      const f = await createField(o, { objectType: 'contacts', key: `f${Math.random().toString(36).slice(2, 8)}`, label: 'F', type: 'text' });
      return a.delete(`/api/v1/custom-fields/${f.id}`);
    },
  },
  { name: 'invite someone', permission: 'users:manage', run: async (_o, a) => a.post('/api/v1/invitations', { email: `i${Math.random()}@example.com`, role: 'member' }) },
  { name: 'list invitations', permission: 'users:manage', run: async (_o, a) => a.get('/api/v1/invitations') },
  {
    name: 'withdraw an invitation',
    permission: 'users:manage',
    run: async (o, a) => {
      const inv = await o.post('/api/v1/invitations', { email: `w${Math.random()}@example.com`, role: 'member' });
      return a.delete(`/api/v1/invitations/${inv.body.invitation.id}`);
    },
  },
  {
    name: "change a member's role",
    permission: 'users:manage',
    run: async (o, a) => a.patch(`/api/v1/members/${(await addMember(o.app, o, 'viewer')).userId}`, { role: 'member' }),
  },
  { name: 'remove a member', permission: 'users:manage', run: async (o, a) => a.delete(`/api/v1/members/${(await addMember(o.app, o, 'viewer')).userId}`) },
  { name: 'list API keys', permission: 'keys:manage', run: async (_o, a) => a.get('/api/v1/api-keys') },
  { name: 'create an API key', permission: 'keys:manage', run: async (_o, a) => a.post('/api/v1/api-keys', { name: 'k', role: 'viewer' }) },
  {
    name: 'revoke an API key',
    permission: 'keys:manage',
    run: async (o, a) => a.delete(`/api/v1/api-keys/${(await o.post('/api/v1/api-keys', { name: 'k', role: 'viewer' })).body.apiKey.id}`),
  },
  { name: 'rename the workspace', permission: 'workspace:manage', run: async (_o, a) => a.patch('/api/v1/workspace', { name: 'Renamed' }) },
];

describe.each(await testDialects())('roles on %s', (dialect) => {
  let h: Harness;
  let owner: Client;
  let actors: Actor[];
  beforeAll(async () => {
    h = await startHarness(dialect);
    owner = (await signUp(h.app)).client;
    actors = [{ role: 'owner', via: 'session', client: owner }];
    for (const role of ROLES.filter((r) => r !== 'owner')) actors.push({ role, via: 'session', client: (await addMember(h.app, owner, role)).client });
    for (const role of ROLES) actors.push({ role, via: 'api key', client: await createApiKey(owner, role) });
  });
  afterAll(async () => h?.close());

  it.each(ACTIONS.map((a) => [a.name, a] as const))('%s: allowed exactly for the roles in PERMISSIONS', async (_name, action) => {
    const allowed = PERMISSIONS[action.permission] as readonly Role[];
    for (const actor of actors) {
      const res = await action.run(owner, actor.client);
      const who = `${actor.role} (${actor.via})`;
      const expectAllowed = allowed.includes(actor.role) && !(action.sessionOnly && actor.via === 'api key');
      if (expectAllowed) {
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      } else {
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(403);
        expectProblem(res, 403, 'forbidden');
      }
    }
  });

  it('writes nothing when the role refuses', async () => {
    const viewer = actors.find((a) => a.role === 'viewer' && a.via === 'api key')!.client;
    const count = async () => (await owner.get('/api/v1/contacts?count=true')).body.total;
    const before = await count();
    expectProblem(await viewer.post('/api/v1/contacts', { firstName: 'Nope' }), 403, 'forbidden');
    expectProblem(await viewer.post('/api/v1/contacts/bulk', { items: [{ firstName: 'Nope' }] }), 403, 'forbidden');
    expect(await count()).toBe(before);
    const c = await createContact(owner, { firstName: 'Kept' });
    expectProblem(await viewer.patch(`/api/v1/contacts/${c.id}`, { firstName: 'Nope' }), 403, 'forbidden');
    expectProblem(await viewer.delete(`/api/v1/contacts/${c.id}`), 403, 'forbidden');
    expect((await owner.get(`/api/v1/contacts/${c.id}`)).body).toMatchObject({ firstName: 'Kept', version: 1, deletedAt: null });
  });
});

describe.each(await testDialects())('granting roles on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('only an owner grants or takes away the owner role; nobody grants above their own', async () => {
    const { client: owner } = await signUp(h.app);
    const admin = await addMember(h.app, owner, 'admin');
    const member = await addMember(h.app, owner, 'member');
    expectProblem(await admin.client.patch(`/api/v1/members/${member.userId}`, { role: 'owner' }), 403, 'forbidden');
    expectProblem(await admin.client.post('/api/v1/invitations', { email: 'o@example.com', role: 'owner' }), 403, 'forbidden');
    expectProblem(await admin.client.post('/api/v1/api-keys', { name: 'k', role: 'owner' }), 403, 'forbidden');
    expectStatus(await admin.client.patch(`/api/v1/members/${member.userId}`, { role: 'admin' }), 200);
    expectStatus(await admin.client.post('/api/v1/api-keys', { name: 'k', role: 'admin' }), 201);
    const adminKey = await createApiKey(owner, 'admin');
    expectProblem(await adminKey.patch(`/api/v1/members/${member.userId}`, { role: 'owner' }), 403, 'forbidden');

    const promoted = await owner.patch(`/api/v1/members/${member.userId}`, { role: 'owner' });
    expectStatus(promoted, 200);
    expect(promoted.body).toMatchObject({ userId: member.userId, role: 'owner' });
    // An admin cannot demote or remove an owner.
    expectProblem(await admin.client.patch(`/api/v1/members/${member.userId}`, { role: 'viewer' }), 403, 'forbidden');
    expectProblem(await admin.client.delete(`/api/v1/members/${member.userId}`), 403, 'forbidden');
    const roles = (await owner.get('/api/v1/members')).body.data.map((m: any) => m.role).sort();
    expect(roles).toEqual(['admin', 'owner', 'owner']);
    // The change applies to the member's session at once.
    const session = await member.client.get('/api/v1/auth/session');
    expect(session.body.workspace.role).toBe('owner');
    expectStatus(await member.client.get('/api/v1/api-keys'), 200);
  });

  it('keeps at least one owner', async () => {
    const first = await signUp(h.app);
    expectProblem(await first.client.patch(`/api/v1/members/${first.userId}`, { role: 'admin' }), 409, 'conflict', 'role');
    expectProblem(await first.client.delete(`/api/v1/members/${first.userId}`), 409, 'conflict');
    const second = await addMember(h.app, first.client, 'owner');
    // With two owners one may step down, and then the other is the last again.
    expectStatus(await second.client.patch(`/api/v1/members/${first.userId}`, { role: 'admin' }), 200);
    expectProblem(await second.client.patch(`/api/v1/members/${second.userId}`, { role: 'admin' }), 409, 'conflict', 'role');
    const members = (await second.client.get('/api/v1/members')).body.data;
    expect(members.filter((m: any) => m.role === 'owner').map((m: any) => m.userId)).toEqual([second.userId]);
    // The demoted owner lost owner powers immediately.
    expectProblem(await first.client.patch(`/api/v1/members/${second.userId}`, { role: 'admin' }), 403, 'forbidden');
  });

  it("enforces an API key's role, not its creator's", async () => {
    const { client: owner } = await signUp(h.app);
    const viewer = await createApiKey(owner, 'viewer');
    expectStatus(await viewer.get('/api/v1/contacts'), 200);
    expectProblem(await viewer.post('/api/v1/contacts', { firstName: 'No' }), 403, 'forbidden');
    const member = await createApiKey(owner, 'member');
    expectStatus(await member.post('/api/v1/contacts', { firstName: 'Yes' }), 201);
    expectProblem(await member.post('/api/v1/custom-fields', { objectType: 'contacts', key: 'x', label: 'X', type: 'text' }), 403, 'forbidden');
    expectProblem(await member.post('/api/v1/api-keys', { name: 'escalate', role: 'owner' }), 403, 'forbidden');
    expectProblem(await member.get('/api/v1/audit'), 403, 'forbidden');
  });
});

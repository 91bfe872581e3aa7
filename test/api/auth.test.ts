import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, createContact, expectProblem, expectStatus } from '../support/api';
import { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, addMember, createApiKey, signUp, startHarness } from '../support/harness';

const PASSWORD = 'correct horse battery';

const cookiesOf = (res: { headers: Record<string, unknown> }): string[] => {
  const c = res.headers['set-cookie'];
  return Array.isArray(c) ? c : c ? [String(c)] : [];
};

describe.each(await testDialects())('authentication on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('signs up into a session held in an httpOnly cookie, with a CSRF token beside it', async () => {
    const client = new Client(h.app);
    const email = `Signup-${Date.now()}@Example.com`;
    const res = await client.post('/api/v1/auth/sign-up', { email, password: PASSWORD, name: ' Grace ', workspaceName: 'Hopper & Co' });
    expectStatus(res, 201);
    expect(res.body.user).toMatchObject({ email: email.toLowerCase(), name: 'Grace' });
    expect(res.body.workspace).toMatchObject({ name: 'Hopper & Co', slug: 'hopper-co', role: 'owner' });
    expect(res.body.workspaces).toHaveLength(1);
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
    expect(JSON.stringify(res.body)).not.toMatch(/hash|scrypt/i);
    const cookies = cookiesOf(res);
    const session = cookies.find((c) => c.startsWith('rapport_session='))!;
    const csrf = cookies.find((c) => c.startsWith('rapport_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Path=\//);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf.split(';')[0].split('=')[1]).toBe(res.body.csrfToken);
    // The session token is not the CSRF token and is not in the body.
    const token = session.split(';')[0].split('=')[1];
    expect(token).not.toBe(res.body.csrfToken);
    expect(JSON.stringify(res.body)).not.toContain(token);

    const me = await client.get('/api/v1/auth/session');
    expectStatus(me, 200);
    expect(me.body.user.email).toBe(email.toLowerCase());
    // A second workspace with the same slug gets its own.
    const again = await signUp(h.app, { workspaceName: 'Hopper & Co' });
    const ws = await again.client.get('/api/v1/workspace');
    expect(ws.body.slug).toBe('hopper-co-2');
  });

  it('signs in and out; wrong passwords and unknown emails get the same answer', async () => {
    const { email } = await signUp(h.app);
    const anon = new Client(h.app);
    const wrong = await anon.post('/api/v1/auth/sign-in', { email, password: 'wrong password' });
    expectProblem(wrong, 401, 'invalid_credentials');
    const unknown = await anon.post('/api/v1/auth/sign-in', { email: 'nobody@example.com', password: 'wrong password' });
    expectProblem(unknown, 401, 'invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(cookiesOf(wrong)).toEqual([]);

    const client = new Client(h.app);
    const ok = await client.post('/api/v1/auth/sign-in', { email: email.toUpperCase(), password: PASSWORD });
    expectStatus(ok, 200);
    expect(ok.body.workspace.role).toBe('owner');
    expect(JSON.stringify(ok.body)).not.toContain(PASSWORD);
    const token = cookiesOf(ok).find((c) => c.startsWith('rapport_session='))!.split(';')[0];
    expectStatus(await client.get('/api/v1/contacts'), 200);

    const out = await client.post('/api/v1/auth/sign-out');
    expect(out.status).toBe(204);
    expect(cookiesOf(out).some((c) => c.startsWith('rapport_session=;') || /rapport_session=.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/.test(c))).toBe(true);
    expectProblem(await client.get('/api/v1/auth/session'), 401, 'unauthenticated');
    // The old cookie is dead on the server too, not just forgotten by the browser.
    const replay = await h.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { cookie: token } });
    expect(replay.statusCode).toBe(401);
    expect(JSON.parse(replay.body).code).toBe('unauthenticated');
  });

  it('answers 401 without credentials and with bad ones', async () => {
    const anon = new Client(h.app);
    for (const url of ['/api/v1/contacts', '/api/v1/workspace', '/api/v1/members', '/api/v1/audit', '/api/v1/search?q=a', '/api/v1/views', '/api/v1/custom-fields']) {
      expectProblem(await anon.get(url), 401, 'unauthenticated');
    }
    expectProblem(await anon.post('/api/v1/contacts', { firstName: 'A' }), 401, 'unauthenticated');
    expectProblem(await anon.get('/api/v1/auth/session'), 401, 'unauthenticated');
    expectProblem(await anon.get('/api/v1/contacts', { authorization: 'Basic dXNlcjpwYXNz' }), 401, 'unauthenticated');
    expectProblem(await anon.get('/api/v1/contacts', { authorization: 'Bearer' }), 401, 'unauthenticated');
    expectProblem(await anon.get('/api/v1/contacts', { authorization: 'Bearer rk_not_a_real_key' }), 401, 'unauthenticated');
    expectProblem(await anon.get('/api/v1/contacts', { cookie: 'rapport_session=forged' }), 401, 'unauthenticated');
  });

  it('refuses a change from a cookie session without the CSRF token, and writes nothing', async () => {
    const { client } = await signUp(h.app);
    const res = await client.post('/api/v1/contacts', { firstName: 'Forged' }, { 'x-csrf-token': '' });
    expectProblem(res, 403, 'csrf_failed', 'x-csrf-token');
    expectProblem(await client.post('/api/v1/contacts', { firstName: 'Forged' }, { 'x-csrf-token': 'wrong' }), 403, 'csrf_failed');
    const c = await createContact(client, { firstName: 'Real' });
    expectProblem(await client.patch(`/api/v1/contacts/${c.id}`, { firstName: 'Forged' }, { 'x-csrf-token': '' }), 403, 'csrf_failed');
    expectProblem(await client.request('DELETE', `/api/v1/contacts/${c.id}`, undefined, { 'x-csrf-token': '' }), 403, 'csrf_failed');
    expectProblem(await client.post('/api/v1/auth/sign-out', {}, { 'x-csrf-token': '' }), 403, 'csrf_failed');
    expectProblem(await client.patch('/api/v1/workspace', { name: 'Pwned' }, { 'x-csrf-token': '' }), 403, 'csrf_failed');
    expect(await countOf(client, 'contacts')).toBe(1);
    expect((await client.get(`/api/v1/contacts/${c.id}`)).body.firstName).toBe('Real');
    expect((await client.get('/api/v1/workspace')).body.name).not.toBe('Pwned');
    expectStatus(await client.get('/api/v1/auth/session'), 200);
    // API keys are not cookies: no CSRF token needed.
    const key = await createApiKey(client, 'member');
    expectStatus(await key.post('/api/v1/contacts', { firstName: 'By key' }), 201);
  });

  it('lets a user in two workspaces switch between them', async () => {
    const a = await signUp(h.app, { workspaceName: 'First' });
    await createContact(a.client, { firstName: 'In first' });
    // Signing up again with the same email and password adds a workspace to the same account.
    const again = new Client(h.app);
    const second = await again.post('/api/v1/auth/sign-up', { email: a.email, password: PASSWORD, name: 'Same', workspaceName: 'Second' });
    expectStatus(second, 201);
    expect(second.body.user.id).toBe(a.userId);
    expect(second.body.workspaces.map((w: any) => w.name)).toEqual(['First', 'Second']);
    expect(second.body.workspace.name).toBe('Second');
    expect(await countOf(again, 'contacts')).toBe(0);
    // With the wrong password it is someone else's email.
    expectProblem(await new Client(h.app).post('/api/v1/auth/sign-up', { email: a.email, password: 'not the password', name: 'X', workspaceName: 'Third' }), 409, 'conflict', 'email');

    const first = await again.post('/api/v1/auth/switch-workspace', { workspaceId: a.workspaceId });
    expectStatus(first, 200);
    expect(first.body.workspace).toMatchObject({ id: a.workspaceId, name: 'First', role: 'owner' });
    expect(await countOf(again, 'contacts')).toBe(1);
    expect((await again.get('/api/v1/workspace')).body.id).toBe(a.workspaceId);

    const stranger = await signUp(h.app);
    expectProblem(await again.post('/api/v1/auth/switch-workspace', { workspaceId: stranger.workspaceId }), 404, 'not_found');
    expectProblem(await again.post('/api/v1/auth/switch-workspace', { workspaceId: 'nope' }), 404, 'not_found');
    expect((await again.get('/api/v1/workspace')).body.id).toBe(a.workspaceId);
    // Sign-in can pick the workspace, but only one of the user's own.
    const picked = await new Client(h.app).post('/api/v1/auth/sign-in', { email: a.email, password: PASSWORD, workspaceId: second.body.workspace.id });
    expect(picked.body.workspace.name).toBe('Second');
    expectProblem(await new Client(h.app).post('/api/v1/auth/sign-in', { email: a.email, password: PASSWORD, workspaceId: stranger.workspaceId }), 403, 'forbidden', 'workspaceId');
    // Switching is for people; an API key is bound to its workspace.
    const key = await createApiKey(a.client, 'admin');
    expectProblem(await key.post('/api/v1/auth/switch-workspace', { workspaceId: second.body.workspace.id }), 401, 'unauthenticated');
  });

  it('accepts invitations for new and existing accounts, once', async () => {
    const owner = await signUp(h.app);
    const inv = await owner.client.post('/api/v1/invitations', { email: 'New.Person@Example.com', role: 'manager' });
    expectStatus(inv, 201);
    expect(inv.body.invitation).toMatchObject({ email: 'new.person@example.com', role: 'manager', acceptedAt: null });
    expect(inv.body.acceptUrl).toContain(inv.body.token);
    const listed = await owner.client.get('/api/v1/invitations');
    expect(listed.body.data.map((i: any) => i.id)).toEqual([inv.body.invitation.id]);
    expect(JSON.stringify(listed.body)).not.toContain(inv.body.token);

    const anon = new Client(h.app);
    expectProblem(await anon.post('/api/v1/auth/accept-invitation', { token: inv.body.token, password: 'long enough pw' }), 400, 'validation_failed', 'name');
    expectProblem(await anon.post('/api/v1/auth/accept-invitation', { token: inv.body.token, name: 'New', password: 'short' }), 400, 'validation_failed', 'password');
    expectProblem(await anon.post('/api/v1/auth/accept-invitation', { token: 'x'.repeat(43), name: 'New', password: 'long enough pw' }), 404, 'not_found', 'token');
    const joined = await anon.post('/api/v1/auth/accept-invitation', { token: inv.body.token, name: 'New Person', password: 'long enough pw' });
    expectStatus(joined, 200);
    expect(joined.body.workspace).toMatchObject({ id: owner.workspaceId, role: 'manager' });
    expect(JSON.stringify(joined.body)).not.toContain('long enough pw');
    expectStatus(await anon.get('/api/v1/contacts'), 200);
    expectProblem(await new Client(h.app).post('/api/v1/auth/accept-invitation', { token: inv.body.token, name: 'Again', password: 'long enough pw' }), 404, 'not_found', 'token');
    expect((await owner.client.get('/api/v1/invitations')).body.data).toEqual([]);
    expectProblem(await owner.client.post('/api/v1/invitations', { email: 'new.person@example.com', role: 'member' }), 409, 'conflict', 'email');

    // Someone with an account elsewhere proves it with their password.
    const other = await signUp(h.app);
    const inv2 = await owner.client.post('/api/v1/invitations', { email: other.email, role: 'viewer' });
    expectProblem(await new Client(h.app).post('/api/v1/auth/accept-invitation', { token: inv2.body.token, password: 'not my password' }), 401, 'invalid_credentials', 'password');
    const accepted = await other.client.post('/api/v1/auth/accept-invitation', { token: inv2.body.token, password: PASSWORD });
    expectStatus(accepted, 200);
    expect(accepted.body.workspaces).toHaveLength(2);
    expect(accepted.body.workspace).toMatchObject({ id: owner.workspaceId, role: 'viewer' });
    // The role follows the workspace the session is in.
    expectProblem(await other.client.post('/api/v1/contacts', { firstName: 'As viewer' }), 403, 'forbidden');
    expectStatus(await other.client.post('/api/v1/auth/switch-workspace', { workspaceId: other.workspaceId }), 200);
    expectStatus(await other.client.post('/api/v1/contacts', { firstName: 'As owner' }), 201);
    expectStatus(await other.client.post('/api/v1/auth/switch-workspace', { workspaceId: owner.workspaceId }), 200);
    expectProblem(await other.client.post('/api/v1/contacts', { firstName: 'As viewer' }), 403, 'forbidden');
    expect(await countOf(owner.client, 'contacts')).toBe(0);

    // A withdrawn invitation cannot be used.
    const inv3 = await owner.client.post('/api/v1/invitations', { email: 'late@example.com', role: 'member' });
    expect((await owner.client.delete(`/api/v1/invitations/${inv3.body.invitation.id}`)).status).toBe(204);
    expectProblem(await owner.client.delete(`/api/v1/invitations/${inv3.body.invitation.id}`), 404, 'not_found');
    expectProblem(await new Client(h.app).post('/api/v1/auth/accept-invitation', { token: inv3.body.token, name: 'Late', password: 'long enough pw' }), 404, 'not_found', 'token');
  });

  it('locks a member out of the workspace as soon as they are removed', async () => {
    const owner = await signUp(h.app);
    const member = await addMember(h.app, owner.client, 'member');
    expectStatus(await member.client.get('/api/v1/contacts'), 200);
    expect((await owner.client.delete(`/api/v1/members/${member.userId}`)).status).toBe(204);
    expectProblem(await member.client.get('/api/v1/contacts'), 403, 'forbidden');
    expectProblem(await member.client.post('/api/v1/contacts', { firstName: 'Late' }), 403, 'forbidden');
    const session = await member.client.get('/api/v1/auth/session');
    expectStatus(session, 200);
    expect(session.body.workspace).toBeNull();
  });
});

describe.each(await testDialects())('sign-in rate limit on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, { signInLimit: 3 });
  });
  afterAll(async () => h?.close());

  it('answers 429 after too many attempts for one email, even with the right password', async () => {
    const { email } = await signUp(h.app);
    const anon = new Client(h.app);
    // The sign-up was the first of three attempts allowed for this address and email.
    for (let i = 0; i < 2; i++) expectProblem(await anon.post('/api/v1/auth/sign-in', { email, password: `wrong ${i} password` }), 401, 'invalid_credentials');
    const limited = await anon.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    expectProblem(limited, 429, 'rate_limited');
    expect(cookiesOf(limited).some((c) => c.startsWith('rapport_session='))).toBe(false);
    expectProblem(await anon.post('/api/v1/auth/sign-in', { email: email.toUpperCase(), password: PASSWORD }), 429, 'rate_limited');
    // Someone else signing in from the same address is not locked out by it.
    const other = await signUp(h.app);
    expectStatus(await new Client(h.app).post('/api/v1/auth/sign-in', { email: other.email, password: PASSWORD }), 200);
  });
});

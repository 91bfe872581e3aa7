import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, signUp, startHarness } from '../support/harness';

describe.each(await testDialects())('API keys on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('shows the secret once, then only its prefix', async () => {
    const { client } = await signUp(h.app);
    const res = await client.post('/api/v1/api-keys', { name: '  Zapier  ', role: 'member' });
    expectStatus(res, 201);
    const { apiKey, secret } = res.body;
    expect(secret).toMatch(/^rk_[\w-]{30,}$/);
    expect(apiKey).toMatchObject({ name: 'Zapier', role: 'member', prefix: secret.slice(0, 10), lastUsedAt: null, revokedAt: null });
    const list = await client.get('/api/v1/api-keys');
    expectStatus(list, 200);
    expect(list.body.data.map((k: any) => k.id)).toEqual([apiKey.id]);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/hash/i);
    expect(JSON.stringify(await client.get(`/api/v1/audit?objectId=${apiKey.id}`))).not.toContain(secret);

    const key = client.withKey(secret);
    expectStatus(await key.get('/api/v1/contacts'), 200);
    const used = (await client.get('/api/v1/api-keys')).body.data[0];
    expect(Date.parse(used.lastUsedAt)).not.toBeNaN();
    // The key acts in its workspace with its role.
    const created = await key.post('/api/v1/contacts', { firstName: 'Via key' });
    expectStatus(created, 201);
    expect((await client.get(`/api/v1/contacts/${created.body.id}`)).body.firstName).toBe('Via key');
    expectProblem(await key.get('/api/v1/auth/session'), 401, 'unauthenticated');
    expect((await key.get('/api/v1/workspace')).body.id).toBe((await client.get('/api/v1/workspace')).body.id);
  });

  it('stops working the moment it is revoked', async () => {
    const { client } = await signUp(h.app);
    const res = await client.post('/api/v1/api-keys', { name: 'short-lived', role: 'admin' });
    const key = client.withKey(res.body.secret);
    // Used once, so the key is in this node's cache when it is revoked.
    expectStatus(await key.get('/api/v1/contacts'), 200);
    expectStatus(await key.get('/api/v1/contacts'), 200);
    expect((await client.delete(`/api/v1/api-keys/${res.body.apiKey.id}`)).status).toBe(204);
    expectProblem(await key.get('/api/v1/contacts'), 401, 'unauthenticated');
    expectProblem(await key.post('/api/v1/contacts', { firstName: 'Too late' }), 401, 'unauthenticated');
    expect((await client.get('/api/v1/contacts?count=true')).body.total).toBe(0);
    const listed = (await client.get('/api/v1/api-keys')).body.data[0];
    expect(Date.parse(listed.revokedAt)).not.toBeNaN();
    // Revoking twice, or an unknown key, is a 404.
    expectProblem(await client.delete(`/api/v1/api-keys/${res.body.apiKey.id}`), 404, 'not_found');
    expectProblem(await client.delete('/api/v1/api-keys/01900000-0000-7000-8000-000000000000'), 404, 'not_found');
    expectProblem(await client.delete('/api/v1/api-keys/not-an-id'), 404, 'not_found');
  });

  it('a key can revoke itself, and other keys keep working', async () => {
    const { client } = await signUp(h.app);
    const one = await client.post('/api/v1/api-keys', { name: 'one', role: 'admin' });
    const two = await client.post('/api/v1/api-keys', { name: 'two', role: 'viewer' });
    const keyOne = client.withKey(one.body.secret);
    const keyTwo = client.withKey(two.body.secret);
    expect((await keyOne.delete(`/api/v1/api-keys/${one.body.apiKey.id}`)).status).toBe(204);
    expectProblem(await keyOne.get('/api/v1/contacts'), 401, 'unauthenticated');
    expectStatus(await keyTwo.get('/api/v1/contacts'), 200);
  });

  /** Keeps `client` busy with requests until `stop` is called; resolves once the first answered. */
  function hammer(client: Client, url: string) {
    let running = true;
    let first: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      first = resolve;
    });
    const done = (async () => {
      while (running) {
        await client.get(url);
        first();
        // Let the other requests (and the one under test) take their turn.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    return { started, stop: async () => ((running = false), await done) };
  }

  it('stays revoked when requests with the key are in flight during the revocation', async () => {
    for (let round = 0; round < 8; round++) {
      const { client } = await signUp(h.app);
      const res = await client.post('/api/v1/api-keys', { name: 'busy', role: 'admin' });
      const key = client.withKey(res.body.secret);
      const load = hammer(key, '/api/v1/workspace');
      await load.started;
      expect((await client.delete(`/api/v1/api-keys/${res.body.apiKey.id}`)).status).toBe(204);
      await load.stop();
      expectProblem(await key.get('/api/v1/workspace'), 401, 'unauthenticated');
    }
  });

  it('a session stays signed out when its requests are in flight during the sign-out', async () => {
    for (let round = 0; round < 8; round++) {
      const { client } = await signUp(h.app);
      const token = client.cookie('rapport_session');
      const load = hammer(client, '/api/v1/workspace');
      await load.started;
      expect((await client.post('/api/v1/auth/sign-out')).status).toBe(204);
      await load.stop();
      const replay = await h.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { cookie: `rapport_session=${token}` } });
      expect(replay.statusCode).toBe(401);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from './support/databases';
import { type Harness, signUp, startHarness } from './support/harness';

describe.each(await testDialects())('smoke on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('signs up, creates a company and a contact, lists and searches', async () => {
    const { client } = await signUp(h.app);
    const co = await client.post('/api/v1/companies', { name: 'Acme Corp', domain: 'acme.com' });
    expect(co.status, JSON.stringify(co.body)).toBe(201);
    const c = await client.post('/api/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace', emails: [{ email: 'Ada@Acme.com' }], phones: [{ phone: '+1 415 555 2671' }], companyId: co.body.id });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body.email).toBe('ada@acme.com');
    expect(c.body.phone).toBe('+14155552671');
    expect(c.body.company).toEqual({ id: co.body.id, name: 'Acme Corp' });
    const list = await client.get(`/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ field: 'lastName', op: 'startsWith', value: 'love' }))}&count=true`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.total).toBe(1);
    const s = await client.get('/api/v1/search?q=lov');
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.data.map((d: any) => d.id)).toContain(c.body.id);
    const oa = await client.get('/api/openapi.json');
    expect(oa.status, oa.body.slice?.(0, 500)).toBe(200);
  });
});

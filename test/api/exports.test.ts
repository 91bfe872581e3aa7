import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createField, expectProblem, expectStatus, filterParam, listAll } from '../support/api';
import { testDialects } from '../support/databases';
import { type Harness, createApiKey, signUp, startHarness } from '../support/harness';
import { memoryLog, testRunnerOptions } from '../support/interactions';

describe.each(await testDialects())('list export on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  async function fill() {
    const { client } = await signUp(h.app);
    await createField(client, { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'select', choices: ['gold', 'silver'] });
    const acme = await createCompany(client, { name: 'Acme' });
    // More than two export pages, so the keyset loop is what delivers the later rows.
    for (let start = 0; start < 1100; start += 550) {
      const items = Array.from({ length: 550 }, (_, k) => {
        const i = start + k;
        return {
          firstName: `P${i}`,
          lastName: i % 3 === 0 ? 'Gold, "Jr"' : 'Plain',
          title: i % 2 ? 'Engineer' : null,
          emails: [{ email: `p${i}@export.example` }],
          companyId: i % 5 === 0 ? acme.id : undefined,
          custom: i % 3 === 0 ? { tier: 'gold' } : {},
        };
      });
      expectStatus(await client.post('/api/v1/contacts/bulk', { items }), 201);
    }
    return { client };
  }

  it('streams a filtered list with chosen columns as CSV, every matching row once, and it imports back the same', async () => {
    const { client } = await fill();
    const filter = { field: 'custom.tier', op: 'eq', value: 'gold' };
    const columns = 'firstName,lastName,email,title,company,custom.tier';
    const res = await client.get(`/api/v1/contacts/export?format=csv&filter=${filterParam(filter)}&columns=${columns}`);
    expectStatus(res, 200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    const rows: Record<string, string>[] = parse(String(res.body), { columns: true });
    expect(Object.keys(rows[0])).toEqual(columns.split(','));
    expect(rows).toHaveLength(367);
    expect(new Set(rows.map((r) => r.email)).size).toBe(367);
    expect(rows.every((r) => r.lastName === 'Gold, "Jr"' && r['custom.tier'] === 'gold')).toBe(true);
    expect(rows.find((r) => r.firstName === 'P15')).toMatchObject({ title: 'Engineer', company: 'Acme' });

    // Round trip: the file goes into another workspace through the import, mapping as exported.
    const other = await signUp(h.app);
    await createField(other.client, { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'select', choices: ['gold', 'silver'] });
    const api = await createApiKey(other.client, 'admin');
    const started = await h.app.inject({
      method: 'POST',
      url: `/api/v1/imports?objectType=contacts&mapping=${encodeURIComponent(JSON.stringify({ firstName: 'firstName', lastName: 'lastName', email: 'email', title: 'title', 'custom.tier': 'custom.tier' }))}`,
      headers: { authorization: `Bearer ${(api as any).apiKey}`, 'content-type': 'text/csv' },
      payload: String(res.body),
    });
    expect(started.statusCode).toBe(202);
    await h.services.createJobRunner(memoryLog().log, testRunnerOptions).runDue();
    const imported = await listAll(other.client, 'contacts');
    const shape = (c: any) => [c.firstName, c.lastName, c.email, c.title, c.custom.tier ?? null].join('|');
    const original = (await listAll(client, 'contacts', { filter })).map(shape).sort();
    expect(imported.map(shape).sort()).toEqual(original);
  });

  it('streams JSON with all fields, or picked columns, and refuses an unknown column or a bad filter', async () => {
    const { client } = await fill();
    const all = await client.get('/api/v1/contacts/export?format=json');
    expectStatus(all, 200);
    expect(all.body).toHaveLength(1100);
    expect(new Set(all.body.map((c: any) => c.id)).size).toBe(1100);
    expect(all.body[0]).toHaveProperty('emails');
    const some = await client.get(`/api/v1/contacts/export?format=json&columns=email,company&filter=${filterParam({ field: 'companyId', op: 'isNotEmpty' })}`);
    expectStatus(some, 200);
    expect(some.body).toHaveLength(220);
    expect(Object.keys(some.body[0])).toEqual(['email', 'company']);
    expect(some.body[0].company).toBe('Acme');
    const companies = await client.get('/api/v1/companies/export?format=csv&columns=name');
    expect(String(companies.body).trim()).toBe('name\nAcme');
    expectProblem(await client.get('/api/v1/contacts/export?columns=shoeSize'), 400, 'validation_failed', 'columns');
    expectProblem(await client.get('/api/v1/contacts/export?filter={nope'), 400, 'invalid_filter', 'filter');
  });

  it('exports contacts as vCards (3.0 and 4.0), escaped and folded, filtered like the list', async () => {
    const { client } = await signUp(h.app);
    const acme = await createCompany(client, { name: 'Acme; Sons' });
    const ada = await client.post('/api/v1/contacts', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      title: 'Analyst, Engines',
      companyId: acme.id,
      emails: [{ email: 'ada@vcard.example', label: 'work' }],
      phones: [{ phone: '+44 20 7946 0001', label: 'mobile' }],
      addresses: [{ city: 'London', country: 'GB' }],
      birthday: '1815-12-10',
      description: 'x'.repeat(100),
    });
    expectStatus(ada, 201);
    await client.post('/api/v1/contacts', { firstName: 'Other', emails: [{ email: 'other@vcard.example' }] });
    const res = await client.get(`/api/v1/contacts/export?format=vcf&filter=${filterParam({ field: 'lastName', op: 'eq', value: 'Lovelace' })}`);
    expectStatus(res, 200);
    expect(String(res.headers['content-type'])).toContain('text/vcard');
    const text = String(res.body);
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(1);
    const lines = text.split('\r\n');
    expect(lines).toEqual(expect.arrayContaining(['VERSION:3.0', `UID:${ada.body.id}`, 'FN:Ada Lovelace', 'N:Lovelace;Ada;;;', 'TITLE:Analyst\\, Engines', 'ORG:Acme\\; Sons', 'EMAIL;TYPE=work:ada@vcard.example', 'TEL;TYPE=mobile:+442079460001', 'ADR:;;;London;;;GB', 'BDAY:1815-12-10']));
    expect(lines.every((l) => l.length <= 75)).toBe(true);
    expect(text.replace(/\r\n /g, '')).toContain(`NOTE:${'x'.repeat(100)}`);
    const v4 = await client.get(`/api/v1/contacts/export?format=vcf&version=4.0&filter=${filterParam({ field: 'lastName', op: 'eq', value: 'Lovelace' })}`);
    expect(String(v4.body)).toContain(`UID:urn:uuid:${ada.body.id}`);
    expect(String(v4.body)).toContain('BDAY:18151210');
    expectProblem(await client.get('/api/v1/companies/export?format=vcf'), 400, 'validation_failed', 'format');
  });
});

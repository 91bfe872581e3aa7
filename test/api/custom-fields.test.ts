import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, countOf, createContact, createField, expectProblem, expectStatus, filterParam } from '../support/api';
import { testDialects } from '../support/databases';
import { type Harness, signUp, startHarness } from '../support/harness';

const FIELDS = [
  { key: 'note', type: 'text' },
  { key: 'bio', type: 'long_text' },
  { key: 'score', type: 'number' },
  { key: 'budget', type: 'currency', currency: 'EUR' },
  { key: 'signed', type: 'date' },
  { key: 'seen', type: 'datetime' },
  { key: 'vip', type: 'boolean' },
  { key: 'tier', type: 'select', choices: ['gold', 'silver'] },
  { key: 'langs', type: 'multi_select', choices: ['en', 'fr'] },
  { key: 'alt', type: 'email' },
  { key: 'mobile', type: 'phone' },
  { key: 'site', type: 'url' },
];

/** [value, accepted form or an error]: what each type takes, normalises and refuses. */
const VALUES: Record<string, [unknown, { stored: unknown } | 'error'][]> = {
  note: [['hello', { stored: 'hello' }], [5, 'error'], [true, 'error'], ['x'.repeat(1001), 'error']],
  bio: [['x'.repeat(5000), { stored: 'x'.repeat(5000) }], [['a'], 'error'], ['x'.repeat(20001), 'error']],
  score: [[-3.25, { stored: -3.25 }], ['3', 'error'], [true, 'error']],
  budget: [[10.5, { stored: 10.5 }], [10.005, 'error'], ['10', 'error']],
  signed: [['2024-02-29', { stored: '2024-02-29' }], ['2024-02-30x', 'error'], ['2024-02-30', 'error'], ['2023-02-29', 'error'], ['2024-13-01', 'error'], ['29/02/2024', 'error'], ['2024-02-29T10:00:00Z', 'error'], [20240229, 'error']],
  seen: [['2024-03-01T10:00:00+01:00', { stored: '2024-03-01T09:00:00.000Z' }], ['2024-03-01', 'error'], ['soon', 'error'], ['2024-02-30T10:00:00Z', 'error']],
  vip: [[false, { stored: false }], ['true', 'error'], [1, 'error']],
  tier: [['gold', { stored: 'gold' }], ['platinum', 'error'], ['GOLD', 'error'], [['gold'], 'error']],
  langs: [[['fr', 'en', 'fr'], { stored: ['fr', 'en'] }], [['de'], 'error'], ['en', 'error'], [[1], 'error']],
  alt: [['Ann@Example.COM', { stored: 'ann@example.com' }], ['not-an-email', 'error'], ['a@b', 'error'], [7, 'error']],
  mobile: [['+1 415 555 2671', { stored: '+14155552671' }], ['1', 'error'], [14155552671, 'error']],
  site: [['https://acme.example/x?y=1', { stored: 'https://acme.example/x?y=1' }], ['acme.example', 'error'], ['javascript:alert(1)', 'error'], ['ftp://acme.example', 'error']],
};

describe.each(await testDialects())('custom fields on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('creates, lists, changes and deletes field definitions', async () => {
    const { client } = await signUp(h.app);
    const tier = await createField(client, { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'select', choices: ['gold'] });
    expect(tier).toMatchObject({ objectType: 'contacts', key: 'tier', type: 'select', choices: ['gold'], required: false, position: 0, currency: null });
    const arr = await createField(client, { objectType: 'companies', key: 'arr', label: 'ARR', type: 'currency' });
    expect(arr).toMatchObject({ currency: 'USD', position: 0 });
    // The same key on the other object is fine; twice on one object is not.
    await createField(client, { objectType: 'companies', key: 'tier', label: 'Tier', type: 'text' });
    expectProblem(await client.post('/api/v1/custom-fields', { objectType: 'contacts', key: 'tier', label: 'Again', type: 'text' }), 409, 'conflict', 'key');

    expect((await client.get('/api/v1/custom-fields')).body.data.map((f: any) => `${f.objectType}.${f.key}`)).toEqual(['companies.arr', 'companies.tier', 'contacts.tier']);
    expect((await client.get('/api/v1/custom-fields?objectType=contacts')).body.data.map((f: any) => f.key)).toEqual(['tier']);

    const changed = await client.patch(`/api/v1/custom-fields/${tier.id}`, { label: 'Customer tier', choices: ['gold', 'silver'], position: 3 });
    expectStatus(changed, 200);
    expect(changed.body).toMatchObject({ label: 'Customer tier', choices: ['gold', 'silver'], position: 3, type: 'select', key: 'tier' });
    expectProblem(await client.patch(`/api/v1/custom-fields/${arr.id}`, { choices: ['a'] }), 400, 'validation_failed', 'choices');
    expectStatus(await client.patch(`/api/v1/custom-fields/${arr.id}`, { currency: 'EUR' }), 200);

    expect((await client.delete(`/api/v1/custom-fields/${arr.id}`)).status).toBe(204);
    expectProblem(await client.delete(`/api/v1/custom-fields/${arr.id}`), 404, 'not_found');
    expectProblem(await client.patch(`/api/v1/custom-fields/${arr.id}`, { label: 'x' }), 404, 'not_found');
    expectProblem(await client.patch('/api/v1/custom-fields/nope', { label: 'x' }), 404, 'not_found');
    const events = await auditEvents(client, { objectType: 'custom_field' });
    expect(events.map((e) => e.action).sort()).toEqual(['created', 'created', 'created', 'deleted', 'updated', 'updated']);
  });

  it('adds a key once when it is added several times at the same moment', async () => {
    const { client } = await signUp(h.app);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => client.post('/api/v1/custom-fields', { objectType: 'contacts', key: 'same', label: `Same ${i}`, type: 'text' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) expectProblem(r, 409, 'conflict', 'key');
    expect((await client.get('/api/v1/custom-fields')).body.data).toHaveLength(1);
  });

  it('validates every type of value on create and update, naming custom.<key>', async () => {
    const { client } = await signUp(h.app);
    for (const f of FIELDS) await createField(client, { objectType: 'contacts', label: f.key, ...f });
    const c = await createContact(client, { firstName: 'Val' });
    for (const [key, cases] of Object.entries(VALUES)) {
      for (const [value, outcome] of cases) {
        const label = `${key} = ${JSON.stringify(value).slice(0, 40)}`;
        const created = await client.post('/api/v1/contacts', { firstName: 'T', custom: { [key]: value } });
        const updated = await client.patch(`/api/v1/contacts/${c.id}`, { custom: { [key]: value } });
        if (outcome === 'error') {
          expect(created.status, label).toBe(400);
          expectProblem(created, 400, 'validation_failed', `custom.${key}`);
          expectProblem(updated, 400, 'validation_failed', `custom.${key}`);
        } else {
          expect(created.status, `${label} ${JSON.stringify(created.body)}`).toBe(201);
          expect(created.body.custom[key], label).toEqual(outcome.stored);
          expectStatus(updated, 200);
          expect(updated.body.custom[key], label).toEqual(outcome.stored);
          const read = await client.get(`/api/v1/contacts/${created.body.id}`);
          expect(read.body.custom[key], label).toEqual(outcome.stored);
        }
      }
    }
    // Unknown keys, keys that are not keys, and several errors at once.
    expectProblem(await client.post('/api/v1/contacts', { firstName: 'T', custom: { shoe: 44 } }), 400, 'validation_failed', 'custom.shoe');
    expectProblem(await client.post('/api/v1/contacts', { firstName: 'T', custom: { 'Bad Key': 1 } }), 400, 'validation_failed');
    const many = await client.post('/api/v1/contacts', { firstName: 'T', custom: { score: 'x', tier: 'x', vip: 'x' } });
    expectProblem(many, 400, 'validation_failed', 'custom.score');
    expect(many.body.errors.map((e: any) => e.field)).toEqual(['custom.score', 'custom.tier', 'custom.vip']);
    // A company's custom fields are its own.
    expectProblem(await client.post('/api/v1/companies', { name: 'Co', custom: { score: 1 } }), 400, 'validation_failed', 'custom.score');
  });

  it('enforces required fields on create, and refuses to clear them', async () => {
    const { client } = await signUp(h.app);
    const before = await countOf(client, 'contacts');
    await createField(client, { objectType: 'contacts', key: 'region', label: 'Region', type: 'select', choices: ['emea', 'amer'], required: true });
    expectProblem(await client.post('/api/v1/contacts', { firstName: 'NoRegion' }), 400, 'validation_failed', 'custom.region');
    expectProblem(await client.post('/api/v1/contacts', { firstName: 'NullRegion', custom: { region: null } }), 400, 'validation_failed', 'custom.region');
    const bulk = await client.post('/api/v1/contacts/bulk', { items: [{ firstName: 'A', custom: { region: 'emea' } }, { firstName: 'B' }] });
    expectProblem(bulk, 400, 'validation_failed', 'items.1.custom.region');
    expect(await countOf(client, 'contacts')).toBe(before);
    const ok = await createContact(client, { firstName: 'Ok', custom: { region: 'amer' } });
    // An update that leaves the field alone is fine; one that clears it is not.
    expectStatus(await client.patch(`/api/v1/contacts/${ok.id}`, { title: 'x' }), 200);
    expectProblem(await client.patch(`/api/v1/contacts/${ok.id}`, { custom: { region: null } }), 400, 'validation_failed', 'custom.region');
    expect((await client.get(`/api/v1/contacts/${ok.id}`)).body.custom).toEqual({ region: 'amer' });
  });

  it('clears an optional value with null', async () => {
    const { client } = await signUp(h.app);
    await createField(client, { objectType: 'contacts', key: 'score', label: 'Score', type: 'number' });
    await createField(client, { objectType: 'contacts', key: 'note', label: 'Note', type: 'text' });
    const c = await createContact(client, { firstName: 'Nul', custom: { score: 5, note: 'keep' } });
    const res = await client.patch(`/api/v1/contacts/${c.id}`, { custom: { score: null } });
    expectStatus(res, 200);
    expect(res.body.custom).toEqual({ note: 'keep' });
    const empty = await client.get(`/api/v1/contacts?filter=${filterParam({ field: 'custom.score', op: 'isEmpty' })}&count=true`);
    expect(empty.body.total).toBe(1);
  });

  it('deleting a field removes its values, live and trashed, and its filters stop working', async () => {
    const { client } = await signUp(h.app);
    const other = (await signUp(h.app)).client;
    const field = await createField(client, { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'select', choices: ['gold'] });
    await createField(client, { objectType: 'contacts', key: 'note', label: 'Note', type: 'text' });
    await createField(other, { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'select', choices: ['gold'] });
    const live = await createContact(client, { firstName: 'Live', custom: { tier: 'gold', note: 'stays' } });
    const trashed = await createContact(client, { firstName: 'Trashed', custom: { tier: 'gold' } });
    expect((await client.delete(`/api/v1/contacts/${trashed.id}`)).status).toBe(204);
    const theirs = await createContact(other, { firstName: 'Theirs', custom: { tier: 'gold' } });

    expect((await client.delete(`/api/v1/custom-fields/${field.id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/contacts/${live.id}`)).body.custom).toEqual({ note: 'stays' });
    expect((await client.get(`/api/v1/contacts/${trashed.id}`)).body.custom).toEqual({});
    expectProblem(await client.get(`/api/v1/contacts?filter=${filterParam({ field: 'custom.tier', op: 'eq', value: 'gold' })}`), 400, 'invalid_filter', 'filter.field');
    expectProblem(await client.get('/api/v1/contacts?sort=custom.tier'), 400, 'validation_failed', 'sort.0.field');
    expectProblem(await client.patch(`/api/v1/contacts/${live.id}`, { custom: { tier: 'gold' } }), 400, 'validation_failed', 'custom.tier');
    // Re-creating the key does not bring old values back.
    await createField(client, { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'text' });
    expect((await client.get(`/api/v1/contacts/${live.id}`)).body.custom).toEqual({ note: 'stays' });
    const isSet = await client.get(`/api/v1/contacts?filter=${filterParam({ field: 'custom.tier', op: 'isNotEmpty' })}&count=true&trash=true`);
    expect(isSet.body.total).toBe(0);
    // Another workspace's values under the same key are untouched.
    expect((await other.get(`/api/v1/contacts/${theirs.id}`)).body.custom).toEqual({ tier: 'gold' });
  });
});

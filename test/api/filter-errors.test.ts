import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createField, expectProblem, filterParam } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, signUp, startHarness } from '../support/harness';

/** [filter, field the problem must name] for filters that are well-formed JSON but wrong. */
const BAD: [unknown, string][] = [
  // unknown field
  [{ field: 'shoeSize', op: 'eq', value: 1 }, 'filter.field'],
  [{ field: 'custom.nope', op: 'eq', value: 1 }, 'filter.field'],
  [{ and: [{ field: 'firstName', op: 'eq', value: 'a' }, { field: 'nope', op: 'eq', value: 'a' }] }, 'filter.and.1.field'],
  // operator that does not apply to the field's kind
  [{ field: 'tags', op: 'eq', value: 'vip' }, 'filter.op'],
  [{ field: 'consent.email', op: 'gt', value: true }, 'filter.op'],
  [{ field: 'lifecycleStage', op: 'contains', value: 'lead' }, 'filter.op'],
  [{ field: 'birthday', op: 'in', value: ['2000-01-01'] }, 'filter.op'],
  [{ field: 'companyId', op: 'lt', value: '01900000-0000-7000-8000-000000000000' }, 'filter.op'],
  [{ field: 'custom.score', op: 'startsWith', value: '1' }, 'filter.op'],
  [{ field: 'custom.langs', op: 'eq', value: 'en' }, 'filter.op'],
  [{ or: [{ not: { field: 'custom.vip', op: 'lt', value: true } }] }, 'filter.or.0.not.op'],
  // value of the wrong type or shape
  [{ field: 'firstName', op: 'eq', value: 3 }, 'filter.value'],
  [{ field: 'firstName', op: 'eq' }, 'filter.value'],
  [{ field: 'custom.score', op: 'gt', value: '10' }, 'filter.value'],
  [{ field: 'consent.email', op: 'eq', value: 'yes' }, 'filter.value'],
  [{ field: 'birthday', op: 'lt', value: 'last year' }, 'filter.value'],
  [{ field: 'birthday', op: 'lt', value: '2024-02-30x' }, 'filter.value'],
  [{ field: 'custom.signed', op: 'gt', value: 20240101 }, 'filter.value'],
  [{ field: 'custom.signed', op: 'gt', value: '2024-02-30' }, 'filter.value'],
  [{ field: 'createdAt', op: 'lt', value: '2023-02-29T00:00:00Z' }, 'filter.value'],
  [{ field: 'companyId', op: 'eq', value: 'acme' }, 'filter.value'],
  [{ field: 'lastName', op: 'in', value: 'smith' }, 'filter.value'],
  [{ field: 'lastName', op: 'in', value: [] }, 'filter.value'],
  [{ field: 'custom.score', op: 'in', value: [1, 'two'] }, 'filter.value.1'],
  [{ field: 'custom.score', op: 'between', value: [1] }, 'filter.value'],
  [{ field: 'custom.score', op: 'between', value: [1, 2, 3] }, 'filter.value'],
  [{ field: 'custom.score', op: 'between', value: 5 }, 'filter.value'],
  [{ field: 'lastName', op: 'contains', value: '' }, 'filter.value'],
  [{ field: 'lastName', op: 'startsWith', value: ['a'] }, 'filter.value'],
  [{ field: 'tags', op: 'contains', value: 5 }, 'filter.value'],
  [{ field: 'tags', op: 'in', value: ['a', 7] }, 'filter.value.1'],
  [{ not: { field: 'firstName', op: 'eq', value: { $ne: 1 } } }, 'filter.not.value'],
];

describe.each(await testDialects())('malformed filters on %s', (dialect) => {
  let h: Harness;
  let client: Client;
  beforeAll(async () => {
    h = await startHarness(dialect);
    client = (await signUp(h.app)).client;
    await createField(client, { objectType: 'contacts', key: 'score', label: 'Score', type: 'number' });
    await createField(client, { objectType: 'contacts', key: 'signed', label: 'Signed', type: 'date' });
    await createField(client, { objectType: 'contacts', key: 'vip', label: 'VIP', type: 'boolean' });
    await createField(client, { objectType: 'contacts', key: 'langs', label: 'Langs', type: 'multi_select', choices: ['en'] });
  });
  afterAll(async () => h?.close());

  it.each(BAD.map(([f, field]) => [JSON.stringify(f), f, field] as const))('%s', async (_name, filter, field) => {
    const viaQuery = await client.get(`/api/v1/contacts?filter=${filterParam(filter)}`);
    expectProblem(viaQuery, 400, 'invalid_filter', field);
    const viaBody = await client.post('/api/v1/contacts/query', { filter });
    // The body goes through the schema first: a value that fits no filter shape is caught there.
    const shapeless = JSON.stringify(filter).includes('$ne');
    expectProblem(viaBody, 400, shapeless ? 'validation_failed' : 'invalid_filter');
    if (shapeless) expect(viaBody.body.field).toMatch(/^filter/);
    else expect(viaBody.body.field).toBe(field);
    const asView = await client.post('/api/v1/views', { objectType: 'contacts', name: 'Bad', filter });
    expect(asView.status).toBe(400);
    expect(asView.body.field).toMatch(/^filter/);
  });

  it('names bad JSON, non-objects and structural mistakes in ?filter=', async () => {
    expectProblem(await client.get('/api/v1/contacts?filter=%7Bnot%20json'), 400, 'invalid_filter', 'filter');
    expectProblem(await client.get(`/api/v1/contacts?filter=${filterParam([1, 2])}`), 400, 'invalid_filter', 'filter');
    expectProblem(await client.get(`/api/v1/contacts?filter=${filterParam('lastName')}`), 400, 'invalid_filter', 'filter');
    expectProblem(await client.get(`/api/v1/contacts?filter=${filterParam({ and: 'x' })}`), 400, 'invalid_filter', 'filter.and');
    expectProblem(await client.get(`/api/v1/contacts?filter=${filterParam({ not: null })}`), 400, 'invalid_filter', 'filter.not');
    expectProblem(await client.get(`/api/v1/contacts?filter=${filterParam({ field: 'firstName', op: 'like', value: 'a' })}`), 400, 'invalid_filter', 'filter.op');
    // Keys that mean nothing are refused rather than ignored: a typo must not widen the result.
    expectProblem(
      await client.get(`/api/v1/contacts?filter=${filterParam({ and: [{ field: 'firstName', op: 'eq', value: 'a' }], or: [] })}`),
      400,
      'invalid_filter',
      'filter',
    );
    expectProblem(await client.get(`/api/v1/contacts?filter=${filterParam({ field: 'firstName', op: 'eq', value: 'a', vaule: 'b' })}`), 400, 'invalid_filter', 'filter.vaule');
    let deep: unknown = { field: 'firstName', op: 'eq', value: 'a' };
    for (let i = 0; i < 20; i++) deep = { not: deep };
    const tooDeep = await client.get(`/api/v1/contacts?filter=${filterParam(deep)}`);
    expectProblem(tooDeep, 400, 'invalid_filter');
    expect(tooDeep.body.field).toMatch(/^filter(\.not)+$/);
  });

  it('checks filters on companies against the fields of companies', async () => {
    expectProblem(await client.get(`/api/v1/companies?filter=${filterParam({ field: 'lastName', op: 'eq', value: 'x' })}`), 400, 'invalid_filter', 'filter.field');
    expectProblem(await client.get(`/api/v1/companies?filter=${filterParam({ field: 'employees', op: 'gt', value: 'many' })}`), 400, 'invalid_filter', 'filter.value');
    expectProblem(await client.get(`/api/v1/companies?filter=${filterParam({ field: 'tags', op: 'gt', value: 'a' })}`), 400, 'invalid_filter', 'filter.op');
    expectProblem(await client.get('/api/v1/companies?filter=%5B'), 400, 'invalid_filter', 'filter');
  });

  it('names bad filters in the POST body by their path', async () => {
    expectProblem(await client.post('/api/v1/contacts/query', { filter: { field: 'firstName', op: 'like', value: 'a' } }), 400, 'validation_failed');
    expectProblem(await client.post('/api/v1/contacts/query', { filter: { and: [{ field: 'nope', op: 'eq', value: 'a' }] } }), 400, 'invalid_filter', 'filter.and.0.field');
    expectProblem(await client.post('/api/v1/contacts/query', { sort: [{ field: 'custom.langs', direction: 'asc' }] }), 400, 'validation_failed', 'sort.0.field');
    expectProblem(await client.post('/api/v1/contacts/query', { sort: [{ field: 'lastName', direction: 'up' }] }), 400, 'validation_failed');
  });

  it('never runs a value as SQL', async () => {
    const { client: other } = await signUp(h.app);
    await other.post('/api/v1/contacts', { firstName: 'Robert' });
    const evil = "x' or '1'='1";
    const res = await other.get(`/api/v1/contacts?filter=${filterParam({ field: 'firstName', op: 'eq', value: evil })}&count=true`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    const like = await other.get(`/api/v1/contacts?filter=${filterParam({ field: 'firstName', op: 'contains', value: "'; drop table contacts; --" })}`);
    expect(like.status).toBe(200);
    expect(like.body.data).toEqual([]);
    expect((await other.get('/api/v1/contacts?count=true')).body.total).toBe(1);
    // Field names never reach SQL either: only known keys resolve.
    expectProblem(await other.get(`/api/v1/contacts?filter=${filterParam({ field: 'first_name) or (1=1', op: 'eq', value: 'a' })}`), 400, 'invalid_filter', 'filter.field');
    expectProblem(await other.get(`/api/v1/contacts?filter=${filterParam({ field: 'custom.a"b', op: 'eq', value: 'a' })}`), 400, 'invalid_filter', 'filter.field');
  });
});

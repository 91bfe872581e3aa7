import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createField, expectProblem, expectStatus } from '../support/api';
import { testDialects } from '../support/databases';
import { type Harness, addMember, createApiKey, signUp, startHarness } from '../support/harness';

describe.each(await testDialects())('saved views on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('saves a view and gives back its filter, sort and columns; the filter works as a list filter', async () => {
    const { client } = await signUp(h.app);
    await createField(client, { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'select', choices: ['gold', 'silver'] });
    const filter = { and: [{ field: 'custom.tier', op: 'eq', value: 'gold' }, { not: { field: 'tags', op: 'contains', value: 'churned' } }] };
    const sort = [{ field: 'lastName', direction: 'asc' }];
    const res = await client.post('/api/v1/views', { objectType: 'contacts', name: '  Gold  ', filter, sort, columns: ['fullName', 'company', 'custom.tier'] });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({ objectType: 'contacts', name: 'Gold', filter, sort, columns: ['fullName', 'company', 'custom.tier'], visibility: 'private' });
    const got = await client.get(`/api/v1/views/${res.body.id}`);
    expectStatus(got, 200);
    expect(got.body).toEqual(res.body);

    await client.post('/api/v1/contacts/bulk', {
      items: [
        { firstName: 'Zed', lastName: 'Gold', custom: { tier: 'gold' } },
        { firstName: 'Amy', lastName: 'Churned', custom: { tier: 'gold' }, tags: ['churned'] },
        { firstName: 'Bea', lastName: 'Silver', custom: { tier: 'silver' } },
        { firstName: 'Cal', lastName: 'Also', custom: { tier: 'gold' } },
      ],
    });
    const rows = await client.post('/api/v1/contacts/query', { filter: got.body.filter, sort: got.body.sort });
    expect(rows.body.data.map((c: any) => c.lastName)).toEqual(['Also', 'Gold']);

    const changed = await client.patch(`/api/v1/views/${res.body.id}`, { name: 'Gold (all)', filter: null, sort: [] });
    expectStatus(changed, 200);
    expect(changed.body).toMatchObject({ name: 'Gold (all)', filter: null, sort: [], columns: ['fullName', 'company', 'custom.tier'] });
    expect((await client.get('/api/v1/views?objectType=contacts')).body.data.map((v: any) => v.name)).toEqual(['Gold (all)']);
    expect((await client.get('/api/v1/views?objectType=companies')).body.data).toEqual([]);
    expect((await client.delete(`/api/v1/views/${res.body.id}`)).status).toBe(204);
    expectProblem(await client.get(`/api/v1/views/${res.body.id}`), 404, 'not_found');
    expectProblem(await client.delete(`/api/v1/views/${res.body.id}`), 404, 'not_found');
  });

  it('keeps private views private and lets managers look after shared ones', async () => {
    const { client: owner } = await signUp(h.app);
    const member = await addMember(h.app, owner, 'member');
    const manager = await addMember(h.app, owner, 'manager');
    const mine = (await member.client.post('/api/v1/views', { objectType: 'contacts', name: 'Member private' })).body;
    const shared = (await owner.post('/api/v1/views', { objectType: 'companies', name: 'Team', visibility: 'shared' })).body;

    // Someone else's private view does not exist for you.
    for (const other of [owner, manager.client]) {
      expect((await other.get('/api/v1/views')).body.data.map((v: any) => v.id)).toEqual([shared.id]);
      expectProblem(await other.get(`/api/v1/views/${mine.id}`), 404, 'not_found');
      expectProblem(await other.patch(`/api/v1/views/${mine.id}`, { name: 'Taken' }), 404, 'not_found');
      expectProblem(await other.delete(`/api/v1/views/${mine.id}`), 404, 'not_found');
    }
    const key = await createApiKey(owner, 'admin');
    expect((await key.get('/api/v1/views')).body.data.map((v: any) => v.id)).toEqual([shared.id]);
    expectProblem(await key.post('/api/v1/views', { objectType: 'contacts', name: 'Key view' }), 403, 'forbidden');

    // Members read shared views but cannot change or share them.
    expect((await member.client.get('/api/v1/views')).body.data.map((v: any) => v.id).sort()).toEqual([mine.id, shared.id].sort());
    expectProblem(await member.client.patch(`/api/v1/views/${shared.id}`, { name: 'Mine now' }), 403, 'forbidden');
    expectProblem(await member.client.delete(`/api/v1/views/${shared.id}`), 403, 'forbidden');
    expectProblem(await member.client.patch(`/api/v1/views/${mine.id}`, { visibility: 'shared' }), 403, 'forbidden');
    expectStatus(await member.client.patch(`/api/v1/views/${mine.id}`, { name: 'Renamed' }), 200);

    expectStatus(await manager.client.patch(`/api/v1/views/${shared.id}`, { name: 'Team (managed)' }), 200);
    expect((await owner.get(`/api/v1/views/${shared.id}`)).body.name).toBe('Team (managed)');
    expect((await manager.client.delete(`/api/v1/views/${shared.id}`)).status).toBe(204);
    expect((await member.client.get('/api/v1/views')).body.data.map((v: any) => v.name)).toEqual(['Renamed']);
  });

  it('checks the filter, sort and columns against the object the view is for', async () => {
    const { client } = await signUp(h.app);
    expectProblem(await client.post('/api/v1/views', { objectType: 'companies', name: 'V', filter: { field: 'firstName', op: 'eq', value: 'a' } }), 400, 'invalid_filter', 'filter.field');
    expectProblem(await client.post('/api/v1/views', { objectType: 'companies', name: 'V', sort: [{ field: 'lastName', direction: 'asc' }] }), 400, 'validation_failed', 'sort.0.field');
    expectProblem(await client.post('/api/v1/views', { objectType: 'contacts', name: 'V', columns: ['parent', 'employees'] }), 400, 'validation_failed', 'columns.1');
    expectStatus(await client.post('/api/v1/views', { objectType: 'companies', name: 'V', columns: ['parent', 'employees'], sort: [{ field: 'employees', direction: 'desc' }] }), 201);
    const v = (await client.post('/api/v1/views', { objectType: 'contacts', name: 'W' })).body;
    expectProblem(await client.patch(`/api/v1/views/${v.id}`, { filter: { field: 'employees', op: 'gt', value: 1 } }), 400, 'invalid_filter', 'filter.field');
    expect((await client.get(`/api/v1/views/${v.id}`)).body.filter).toBeNull();
  });
});

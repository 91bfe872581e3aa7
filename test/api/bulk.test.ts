import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, countOf, createContact, expectProblem, expectStatus } from '../support/api';
import { testDialects } from '../support/databases';
import { type Harness, signUp, startHarness } from '../support/harness';

const MISSING = '01900000-0000-7000-8000-000000000000';

describe.each(await testDialects())('bulk calls on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  /** What a failed bulk must leave untouched: rows, trash and the audit log. */
  async function snapshot(client: Awaited<ReturnType<typeof signUp>>['client']) {
    return {
      contacts: await countOf(client, 'contacts'),
      trash: await countOf(client, 'contacts', { trash: true }),
      events: (await auditEvents(client)).length,
      search: (await client.get('/api/v1/search?q=bulk')).body.data.length,
    };
  }

  it('creates many at once, each with its event and search entry', async () => {
    const { client } = await signUp(h.app);
    const items = Array.from({ length: 30 }, (_, i) => ({ firstName: 'Bulk', lastName: `Person${i}`, emails: [{ email: `p${i}@bulk.example` }] }));
    const res = await client.post('/api/v1/contacts/bulk', { items });
    expectStatus(res, 201);
    expect(res.body.data).toHaveLength(30);
    expect(res.body.data.map((c: any) => c.lastName)).toEqual(items.map((i) => i.lastName));
    expect(new Set(res.body.data.map((c: any) => c.id)).size).toBe(30);
    expect(await countOf(client, 'contacts')).toBe(30);
    expect(await auditEvents(client, { objectType: 'contacts', action: 'created' })).toHaveLength(30);
    const found = await client.get('/api/v1/search?q=p17&limit=50');
    expect(found.body.data.map((d: any) => d.id)).toEqual([res.body.data[17].id]);
  });

  it('writes nothing when one item of a bulk create is invalid, and names it', async () => {
    const { client } = await signUp(h.app);
    await createContact(client, { firstName: 'Existing', emails: [{ email: 'taken@bulk.example' }] });
    const before = await snapshot(client);
    const ok = (n: number) => ({ firstName: 'Bulk', lastName: `Ok${n}` });

    // Schema errors (wrong type, unknown field, too long) are caught before the service.
    const schemaCases: [unknown, string][] = [
      [{ lastName: 7 }, 'items.1.lastName'],
      [{ firstName: 'A', shoe: 44 }, 'items.1.shoe'],
      [{ firstName: 'x'.repeat(121) }, 'items.1.firstName'],
    ];
    for (const [bad, field] of schemaCases) {
      expectProblem(await client.post('/api/v1/contacts/bulk', { items: [ok(1), bad, ok(3)] }), 400, 'validation_failed', field);
    }
    // Rule errors from the service, reported for every bad item at once.
    const rule = await client.post('/api/v1/contacts/bulk', { items: [ok(1), { title: 'nameless' }, ok(3), { firstName: 'A', companyId: MISSING }] });
    expectProblem(rule, 400, 'validation_failed', 'items.1.firstName');
    expect(rule.body.errors.map((e: any) => e.field)).toEqual(['items.1.firstName', 'items.3.companyId']);

    // An email already in the database.
    const dup = await client.post('/api/v1/contacts/bulk', { items: [ok(1), { firstName: 'B', emails: [{ email: 'TAKEN@bulk.example' }] }, ok(3)] });
    expectProblem(dup, 409, 'duplicate_email', 'items.1.emails.0.email');
    expect(dup.body.existingId).toEqual(expect.any(String));
    // Two items of one call sharing an email.
    const twins = await client.post('/api/v1/contacts/bulk', {
      items: [{ firstName: 'C', emails: [{ email: 'twin@bulk.example' }] }, ok(2), { firstName: 'D', emails: [{ email: 'Twin@bulk.example' }] }],
    });
    expectProblem(twins, 409, 'duplicate_email', 'items.2.emails.0.email');

    expectProblem(await client.post('/api/v1/contacts/bulk', { items: [] }), 400, 'validation_failed', 'items');
    expectProblem(await client.post('/api/v1/contacts/bulk', {}), 400, 'validation_failed', 'items');
    const tooMany = Array.from({ length: 1001 }, (_, i) => ok(i));
    expectProblem(await client.post('/api/v1/contacts/bulk', { items: tooMany }), 400, 'validation_failed', 'items');

    expect(await snapshot(client)).toEqual(before);
  });

  it('updates many at once with versions, all or nothing', async () => {
    const { client } = await signUp(h.app);
    const created = (await client.post('/api/v1/contacts/bulk', { items: [1, 2, 3].map((n) => ({ firstName: `Bulk${n}`, emails: [{ email: `u${n}@bulk.example` }] })) })).body.data;
    const [a, b, c] = created;
    const res = await client.patch('/api/v1/contacts/bulk', {
      items: [
        { id: a.id, version: 1, changes: { title: 'CEO' } },
        { id: b.id, changes: { lifecycleStage: 'customer' } },
      ],
    });
    expectStatus(res, 200);
    expect(res.body.data.map((x: any) => [x.id, x.version])).toEqual([
      [a.id, 2],
      [b.id, 2],
    ]);
    expect(res.body.data[0].title).toBe('CEO');
    const before = await snapshot(client);
    const state = async () => (await client.post('/api/v1/contacts/query', { sort: [{ field: 'firstName', direction: 'asc' }] })).body.data.map((x: any) => [x.firstName, x.version, x.title, x.email]);
    const stateBefore = await state();

    // A stale version on item 1 stops the whole call, item 0 included.
    const stale = await client.patch('/api/v1/contacts/bulk', {
      items: [
        { id: c.id, changes: { title: 'Changed' } },
        { id: a.id, version: 1, changes: { title: 'Overwrite' } },
      ],
    });
    expectProblem(stale, 412, 'precondition_failed', 'items.1.version');
    // An email held by another contact in the database.
    const dup = await client.patch('/api/v1/contacts/bulk', {
      items: [
        { id: c.id, changes: { title: 'Changed' } },
        { id: a.id, changes: { emails: [{ email: 'U2@bulk.example' }] } },
      ],
    });
    expectProblem(dup, 409, 'duplicate_email', 'items.1.changes.emails.0.email');
    expect(dup.body.existingId).toBe(b.id);
    // Two items given the same new email.
    const twins = await client.patch('/api/v1/contacts/bulk', {
      items: [
        { id: a.id, changes: { emails: [{ email: 'same@bulk.example' }] } },
        { id: c.id, changes: { emails: [{ email: 'same@bulk.example' }] } },
      ],
    });
    expectProblem(twins, 409, 'duplicate_email');
    expect(twins.body.field).toMatch(/^items\.1\./);
    const invalid = await client.patch('/api/v1/contacts/bulk', {
      items: [
        { id: c.id, changes: { title: 'Changed' } },
        { id: a.id, changes: { lifecycleStage: 'nope' } },
      ],
    });
    expectProblem(invalid, 400, 'validation_failed', 'items.1.changes.lifecycleStage');
    const rule = await client.patch('/api/v1/contacts/bulk', {
      items: [
        { id: c.id, changes: { title: 'Changed' } },
        { id: a.id, changes: { firstName: null, emails: [] } },
      ],
    });
    expectProblem(rule, 400, 'validation_failed', 'items.1.changes.firstName');
    const missing = await client.patch('/api/v1/contacts/bulk', {
      items: [
        { id: c.id, changes: { title: 'Changed' } },
        { id: MISSING, changes: { title: 'Ghost' } },
      ],
    });
    expectProblem(missing, 404, 'not_found', 'ids.1');
    expectProblem(
      await client.patch('/api/v1/contacts/bulk', { items: [{ id: c.id, changes: { title: 'x' } }, { id: c.id, changes: { title: 'y' } }] }),
      400,
      'validation_failed',
      'items',
    );
    expectProblem(await client.patch('/api/v1/contacts/bulk', { items: [{ id: c.id, changes: { title: 'x' }, extra: 1 }] }), 400, 'validation_failed', 'items.0.extra');
    expectProblem(await client.patch('/api/v1/contacts/bulk', { items: [{ id: c.id }] }), 400, 'validation_failed', 'items.0.changes');

    expect(await snapshot(client)).toEqual(before);
    expect(await state()).toEqual(stateBefore);
  });

  it('trashes and restores many at once, all or nothing', async () => {
    const { client } = await signUp(h.app);
    const ids = (await client.post('/api/v1/contacts/bulk', { items: [1, 2, 3, 4].map((n) => ({ firstName: `Bulk${n}` })) })).body.data.map((c: any) => c.id);
    const before = await snapshot(client);
    // One unknown id stops the call.
    expectProblem(await client.post('/api/v1/contacts/bulk-delete', { ids: [ids[0], MISSING] }), 404, 'not_found', 'ids.1');
    expectProblem(await client.post('/api/v1/contacts/bulk-delete', { ids: [] }), 400, 'validation_failed', 'ids');
    expectProblem(await client.post('/api/v1/contacts/bulk-delete', { ids: [ids[0], ids[0]] }), 400, 'validation_failed', 'ids');
    expectProblem(await client.post('/api/v1/contacts/bulk-delete', { ids: 'all' }), 400, 'validation_failed', 'ids');
    expectProblem(await client.post('/api/v1/contacts/bulk-delete', { ids: [ids[0]], also: true }), 400, 'validation_failed', 'also');
    expect(await snapshot(client)).toEqual(before);

    expect((await client.post('/api/v1/contacts/bulk-delete', { ids: ids.slice(0, 3) })).status).toBe(204);
    expect(await countOf(client, 'contacts')).toBe(1);
    expect(await countOf(client, 'contacts', { trash: true })).toBe(3);
    expect(await auditEvents(client, { action: 'deleted' })).toHaveLength(3);
    expect((await client.get('/api/v1/search?q=bulk')).body.data).toHaveLength(1);

    // Already in the trash: deleting again is refused as a whole.
    const afterDelete = await snapshot(client);
    expectProblem(await client.post('/api/v1/contacts/bulk-delete', { ids: [ids[3], ids[0]] }), 404, 'not_found', 'ids.1');
    // Restoring one that is not in the trash is refused as a whole.
    expectProblem(await client.post('/api/v1/contacts/bulk-restore', { ids: [ids[0], ids[3]] }), 404, 'not_found', 'ids.1');
    expect(await snapshot(client)).toEqual(afterDelete);

    expect((await client.post('/api/v1/contacts/bulk-restore', { ids: ids.slice(0, 2) })).status).toBe(204);
    expect(await countOf(client, 'contacts')).toBe(3);
    expect(await countOf(client, 'contacts', { trash: true })).toBe(1);
    expect(await auditEvents(client, { action: 'restored' })).toHaveLength(2);
    expect((await client.get('/api/v1/search?q=bulk')).body.data).toHaveLength(3);
  });

  it('takes the full 1,000 records in each kind of bulk call', async () => {
    const { client } = await signUp(h.app);
    const items = Array.from({ length: 1000 }, (_, i) => ({
      firstName: 'Max',
      lastName: `Load${i}`,
      emails: [{ email: `max${i}@load.example` }],
      phones: [{ phone: `+1 415 555 ${String(i).padStart(4, '0')}` }],
      tags: ['load'],
    }));
    const created = await client.post('/api/v1/contacts/bulk', { items });
    expectStatus(created, 201);
    const ids: string[] = created.body.data.map((c: any) => c.id);
    expect(await countOf(client, 'contacts')).toBe(1000);
    const updated = await client.patch('/api/v1/contacts/bulk', { items: ids.map((id) => ({ id, version: 1, changes: { title: 'Loaded' } })) });
    expectStatus(updated, 200);
    expect(updated.body.data.every((c: any) => c.title === 'Loaded' && c.version === 2)).toBe(true);
    expect((await client.post('/api/v1/contacts/bulk-delete', { ids })).status).toBe(204);
    expect(await countOf(client, 'contacts', { trash: true })).toBe(1000);
    expect((await client.post('/api/v1/contacts/bulk-restore', { ids })).status).toBe(204);
    expect(await countOf(client, 'contacts', { filter: { field: 'title', op: 'eq', value: 'loaded' } })).toBe(1000);
    expect((await auditEvents(client, { objectType: 'contacts' })).length).toBe(4000);
    expect((await client.get('/api/v1/search?q=load999')).body.data.map((d: any) => d.id)).toEqual([ids[999]]);
  });

  it('does the same for companies', async () => {
    const { client } = await signUp(h.app);
    const bad = await client.post('/api/v1/companies/bulk', { items: [{ name: 'Bulk One' }, { domain: 'no-name.example' }, { name: 'Bulk Three' }] });
    expectProblem(bad, 400, 'validation_failed', 'items.1.name');
    expect(await countOf(client, 'companies')).toBe(0);
    const res = await client.post('/api/v1/companies/bulk', { items: [{ name: 'Bulk One' }, { name: 'Bulk Two', domain: 'WWW.Two.example' }] });
    expectStatus(res, 201);
    const [one, two] = res.body.data;
    expect(two.domain).toBe('two.example');
    const loop = await client.patch('/api/v1/companies/bulk', {
      items: [
        { id: one.id, changes: { parentId: two.id } },
        { id: two.id, changes: { parentId: two.id } },
      ],
    });
    expectProblem(loop, 400, 'validation_failed', 'items.1.changes.parentId');
    expect((await client.get(`/api/v1/companies/${one.id}`)).body.parentId).toBeNull();
    // A loop made of two items of one call is a loop too.
    const pair = await client.patch('/api/v1/companies/bulk', {
      items: [
        { id: one.id, changes: { parentId: two.id } },
        { id: two.id, changes: { parentId: one.id } },
      ],
    });
    expectProblem(pair, 400, 'validation_failed', 'items.1.changes.parentId');
    expect((await client.get(`/api/v1/companies/${one.id}`)).body).toMatchObject({ parentId: null, version: 1 });
    expect((await client.get(`/api/v1/companies/${two.id}`)).body).toMatchObject({ parentId: null, version: 1 });
    const upd = await client.patch('/api/v1/companies/bulk', { items: [{ id: one.id, version: 1, changes: { parentId: two.id } }] });
    expectStatus(upd, 200);
    expect(upd.body.data[0].parent).toEqual({ id: two.id, name: 'Bulk Two' });
    expectProblem(await client.patch('/api/v1/companies/bulk', { items: [{ id: two.id, version: 5, changes: { name: 'Late' } }] }), 412, 'precondition_failed', 'items.0.version');
    expect((await client.post('/api/v1/companies/bulk-delete', { ids: [one.id, two.id] })).status).toBe(204);
    expect(await countOf(client, 'companies')).toBe(0);
    expect((await client.post('/api/v1/companies/bulk-restore', { ids: [one.id, two.id] })).status).toBe(204);
    expect(await countOf(client, 'companies')).toBe(2);
  });
});

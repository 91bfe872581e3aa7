import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createField, expectProblem, expectStatus, listAll } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, signUp, startHarness } from '../support/harness';

type Row = { id: string; n: number; last: string | null; score: number | null; birthday: string | null; stage: string | null; tier: string | null; vip: boolean | null; signed: string | null };

// Twenty-three contacts with ties, empty values and mixed case in every sorted field.
const LAST = ['smith', 'Smith', null, 'adams', 'Zimmer', 'brown', null, 'SMITH', 'Brown', 'adams', 'cole', 'zed', null, 'Able', 'able', 'miller', 'Miller', 'o-neil', 'oneil', 'Young', 'young', 'x', 'Xu'];
const SCORE = [3, -1, null, 2.5, 3, 10, null, 0, 3, -1, 7, 100, 2.5, null, 0, 1, 1, 4, 4, null, 9, 3, 8];
const BDAY = ['1990-01-01', null, '1985-05-05', '1990-01-01', null, '2001-12-31', '1970-07-07', null, '1985-05-05', '1999-09-09', null, '1990-01-01', '2000-02-29', '1960-01-01', null, '1990-01-02', '1989-12-31', null, '1975-03-03', '1990-01-01', '2010-10-10', null, '1999-09-09'];
const STAGE = ['lead', 'customer', null, 'lead', 'other', null, 'customer', 'lead', 'lead', 'other', 'customer', null, 'lead', 'lead', 'customer', 'other', 'lead', null, 'customer', 'lead', 'other', 'lead', null];
const TIER = ['gold', null, 'silver', 'gold', 'bronze', 'gold', null, 'silver', 'silver', null, 'bronze', 'gold', 'gold', null, 'silver', 'bronze', 'gold', null, 'silver', 'gold', null, 'bronze', 'silver'];
const VIP = [true, false, null, true, true, false, null, false, true, null, false, true, null, true, false, false, true, null, true, false, null, true, false];
const SIGNED = ['2024-01-01', null, '2023-06-30', '2024-01-01', '2025-01-01', null, '2022-02-02', '2024-01-02', null, '2023-12-31', '2024-01-01', null, '2021-01-01', '2024-06-01', null, '2023-06-30', '2024-01-01', '2025-05-05', null, '2022-02-02', '2024-01-01', null, '2026-01-01'];

type Dir = 'asc' | 'desc';
type Key = { get: (r: Row) => string | number | boolean | null; dir: Dir; ci?: boolean };

/** The order Rapport promises: empty values first ascending and last descending, text without case, ties by id in the direction of the first key. */
function expectedOrder(rows: Row[], keys: Key[], idDir: Dir = keys[0]?.dir ?? 'desc'): number[] {
  const cmp = (a: unknown, b: unknown) => (a === b ? 0 : (a as any) < (b as any) ? -1 : 1);
  return [...rows]
    .sort((x, y) => {
      for (const k of keys) {
        let a = k.get(x);
        let b = k.get(y);
        if (k.ci) {
          a = typeof a === 'string' ? a.toLowerCase() : a;
          b = typeof b === 'string' ? b.toLowerCase() : b;
        }
        if (typeof a === 'boolean') a = a ? 1 : 0;
        if (typeof b === 'boolean') b = b ? 1 : 0;
        let c: number;
        if (a === null && b === null) c = 0;
        else if (a === null) c = -1;
        else if (b === null) c = 1;
        else c = cmp(a, b);
        if (c !== 0) return k.dir === 'asc' ? c : -c;
      }
      const c = cmp(x.id, y.id);
      return idDir === 'asc' ? c : -c;
    })
    .map((r) => r.n);
}

describe.each(await testDialects())('sorting and cursor pagination on %s', (dialect) => {
  let h: Harness;
  let client: Client;
  let rows: Row[];
  beforeAll(async () => {
    h = await startHarness(dialect);
    client = (await signUp(h.app)).client;
    await createField(client, { objectType: 'contacts', key: 'score', label: 'Score', type: 'number' });
    await createField(client, { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'select', choices: ['gold', 'silver', 'bronze'] });
    await createField(client, { objectType: 'contacts', key: 'vip', label: 'VIP', type: 'boolean' });
    await createField(client, { objectType: 'contacts', key: 'signed', label: 'Signed', type: 'date' });
    const items = LAST.map((last, n) => {
      const custom: Record<string, unknown> = {};
      if (SCORE[n] !== null) custom.score = SCORE[n];
      if (TIER[n] !== null) custom.tier = TIER[n];
      if (VIP[n] !== null) custom.vip = VIP[n];
      if (SIGNED[n] !== null) custom.signed = SIGNED[n];
      return { firstName: `P${n}`, lastName: last, birthday: BDAY[n], lifecycleStage: STAGE[n], custom };
    });
    // Two calls, so createdAt has two values with many ties inside each.
    const first = await client.post('/api/v1/contacts/bulk', { items: items.slice(0, 12) });
    const second = await client.post('/api/v1/contacts/bulk', { items: items.slice(12) });
    expectStatus(first, 201);
    expectStatus(second, 201);
    const created = [...first.body.data, ...second.body.data];
    rows = created.map((c: any, n: number) => ({
      id: c.id,
      n,
      last: LAST[n],
      score: SCORE[n],
      birthday: BDAY[n],
      stage: STAGE[n],
      tier: TIER[n],
      vip: VIP[n],
      signed: SIGNED[n],
    }));
    // Rows of another workspace and rows in the trash never appear in the walk.
    const other = (await signUp(h.app)).client;
    await other.post('/api/v1/contacts/bulk', { items: items.slice(0, 5) });
    const trashed = await client.post('/api/v1/contacts', { firstName: 'Trashed', lastName: 'aaa' });
    expect((await client.delete(`/api/v1/contacts/${trashed.body.id}`)).status).toBe(204);
  });
  afterAll(async () => h?.close());

  const nOf = (c: any) => Number(c.firstName.slice(1));

  const SORTS: [string, { field: string; direction: Dir }[], () => Key[]][] = [
    ['text ascending', [{ field: 'lastName', direction: 'asc' }], () => [{ get: (r) => r.last, dir: 'asc', ci: true }]],
    ['text descending', [{ field: 'lastName', direction: 'desc' }], () => [{ get: (r) => r.last, dir: 'desc', ci: true }]],
    ['custom number ascending', [{ field: 'custom.score', direction: 'asc' }], () => [{ get: (r) => r.score, dir: 'asc' }]],
    ['custom number descending', [{ field: 'custom.score', direction: 'desc' }], () => [{ get: (r) => r.score, dir: 'desc' }]],
    ['date ascending', [{ field: 'birthday', direction: 'asc' }], () => [{ get: (r) => r.birthday, dir: 'asc' }]],
    ['date descending', [{ field: 'birthday', direction: 'desc' }], () => [{ get: (r) => r.birthday, dir: 'desc' }]],
    ['custom date descending', [{ field: 'custom.signed', direction: 'desc' }], () => [{ get: (r) => r.signed, dir: 'desc' }]],
    ['custom select ascending', [{ field: 'custom.tier', direction: 'asc' }], () => [{ get: (r) => r.tier, dir: 'asc', ci: true }]],
    ['custom boolean descending', [{ field: 'custom.vip', direction: 'desc' }], () => [{ get: (r) => r.vip, dir: 'desc' }]],
    [
      'select ascending, then text descending',
      [
        { field: 'lifecycleStage', direction: 'asc' },
        { field: 'lastName', direction: 'desc' },
      ],
      () => [
        { get: (r) => r.stage, dir: 'asc', ci: true },
        { get: (r) => r.last, dir: 'desc', ci: true },
      ],
    ],
    [
      'custom select descending, custom number ascending, date ascending',
      [
        { field: 'custom.tier', direction: 'desc' },
        { field: 'custom.score', direction: 'asc' },
        { field: 'birthday', direction: 'asc' },
      ],
      () => [
        { get: (r) => r.tier, dir: 'desc', ci: true },
        { get: (r) => r.score, dir: 'asc' },
        { get: (r) => r.birthday, dir: 'asc' },
      ],
    ],
    ['created, newest first', [{ field: 'createdAt', direction: 'desc' }], () => [{ get: (r) => (r.n < 12 ? 1 : 2), dir: 'desc' }]],
    ['nothing: newest first', [], () => []],
  ];

  it.each(SORTS)('%s: every page size walks every row once, in order', async (_name, sort, keys) => {
    const expected = expectedOrder(rows, keys());
    for (const limit of [1, 4, 7, 500]) {
      const walked = await listAll(client, 'contacts', { sort, limit });
      expect(walked.map(nOf), `limit ${limit}`).toEqual(expected);
    }
  });

  it('walks the same pages through the query string', async () => {
    const expected = expectedOrder(rows, [
      { get: (r) => r.last, dir: 'desc', ci: true },
      { get: (r) => r.score, dir: 'asc' },
    ]);
    const seen: number[] = [];
    let cursor = '';
    for (let i = 0; i < 30; i++) {
      const res = await client.get(`/api/v1/contacts?sort=-lastName,custom.score&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expectStatus(res, 200);
      seen.push(...res.body.data.map(nOf));
      if (!res.body.nextCursor) break;
      cursor = res.body.nextCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('sorts by id in either direction and keeps filters on every page', async () => {
    const byIdAsc = await listAll(client, 'contacts', { sort: [{ field: 'id', direction: 'asc' }], limit: 3 });
    expect(byIdAsc.map(nOf)).toEqual(rows.map((r) => r.n).sort((a, b) => (rows[a].id < rows[b].id ? -1 : 1)));
    const filter = { field: 'custom.tier', op: 'in', value: ['gold', 'silver'] };
    const walked = await listAll(client, 'contacts', { filter, sort: [{ field: 'lastName', direction: 'asc' }], limit: 2 });
    const expected = expectedOrder(
      rows.filter((r) => r.tier === 'gold' || r.tier === 'silver'),
      [{ get: (r) => r.last, dir: 'asc', ci: true }],
    );
    expect(walked.map(nOf)).toEqual(expected);
  });

  it('refuses a cursor made for another sort, and one that was tampered with', async () => {
    const page = await client.post('/api/v1/contacts/query', { sort: [{ field: 'lastName', direction: 'asc' }], limit: 2 });
    expectStatus(page, 200);
    const cursor = page.body.nextCursor;
    expectProblem(await client.post('/api/v1/contacts/query', { sort: [{ field: 'lastName', direction: 'desc' }], limit: 2, cursor }), 400, 'invalid_cursor', 'cursor');
    expectProblem(await client.post('/api/v1/contacts/query', { limit: 2, cursor }), 400, 'invalid_cursor', 'cursor');
    const tampered = Buffer.from(JSON.stringify({ s: 'lastName:asc', v: 'x', id: 1 })).toString('base64url');
    expectProblem(await client.post('/api/v1/contacts/query', { sort: [{ field: 'lastName', direction: 'asc' }], cursor: tampered }), 400, 'invalid_cursor', 'cursor');
  });

  it('walks companies by name and by a number with empty values', async () => {
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'alpha', 'echo', 'Foxtrot'];
    const employees = [10, null, 5, 10, 200, null, 0];
    const res = await client.post('/api/v1/companies/bulk', { items: names.map((name, i) => ({ name, employees: employees[i] })) });
    expectStatus(res, 201);
    const ids: string[] = res.body.data.map((c: any) => c.id);
    const co = names.map((name, i) => ({ id: ids[i], name, employees: employees[i] }));
    const order = (key: (c: (typeof co)[number]) => string | number | null, dir: Dir) =>
      [...co]
        .sort((a, b) => {
          const x = key(a);
          const y = key(b);
          const c = x === y ? (a.id < b.id ? -1 : 1) : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
          return dir === 'asc' ? c : -c;
        })
        .map((c) => c.name);
    const byName = await listAll(client, 'companies', { sort: [{ field: 'name', direction: 'asc' }], limit: 2 });
    expect(byName.map((c: any) => c.name)).toEqual(order((c) => c.name.toLowerCase(), 'asc'));
    const byEmployees = await listAll(client, 'companies', { sort: [{ field: 'employees', direction: 'desc' }], limit: 3 });
    expect(byEmployees.map((c: any) => c.name)).toEqual(order((c) => c.employees, 'desc'));
  });
});

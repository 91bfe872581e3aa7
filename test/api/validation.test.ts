import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, createCompany, createContact, createField, expectProblem } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, addMember, signUp, startHarness } from '../support/harness';

type Case = [body: unknown, field: string, code?: string];
type Endpoint = {
  name: string;
  method: 'POST' | 'PATCH';
  url: string;
  /** wrong type, missing required field, unknown field, oversize string (and a few more). */
  cases: Case[];
  /** What a rejected request must not change. */
  state: () => Promise<unknown>;
};

const long = (n: number) => 'x'.repeat(n);

/**
 * Every write endpoint, fed each kind of bad body: 400 validation_failed naming the field, and
 * nothing written (the endpoint's listing and the audit log are unchanged).
 */
describe.each(await testDialects())('request validation on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  async function endpoints(owner: Client, memberId: string): Promise<Endpoint[]> {
    const list = (url: string) => async () => (await owner.get(url)).body;
    const contact = await createContact(owner, { firstName: 'Valid' });
    const company = await createCompany(owner, { name: 'Valid Co' });
    const field = await createField(owner, { objectType: 'contacts', key: 'tier', label: 'Tier', type: 'select', choices: ['gold'] });
    const view = (await owner.post('/api/v1/views', { objectType: 'contacts', name: 'Mine' })).body;
    return [
      {
        name: 'PATCH /workspace',
        method: 'PATCH',
        url: '/api/v1/workspace',
        cases: [
          [{ name: 5 }, 'name'],
          [{}, 'name'],
          [{ name: 'Ok', slug: 'x' }, 'slug'],
          [{ name: long(121) }, 'name'],
          [{ name: '' }, 'name'],
        ],
        state: list('/api/v1/workspace'),
      },
      {
        name: 'POST /invitations',
        method: 'POST',
        url: '/api/v1/invitations',
        cases: [
          [{ email: 42, role: 'member' }, 'email'],
          [{ email: 'new@example.com' }, 'role'],
          [{ email: 'new@example.com', role: 'member', note: 'hi' }, 'note'],
          [{ email: `${long(250)}@example.com`, role: 'member' }, 'email'],
          [{ email: 'not an email', role: 'member' }, 'email'],
          [{ email: 'new@example.com', role: 'superuser' }, 'role'],
        ],
        state: list('/api/v1/invitations'),
      },
      {
        name: 'PATCH /members/:id',
        method: 'PATCH',
        url: `/api/v1/members/${memberId}`,
        cases: [
          [{ role: 1 }, 'role'],
          [{}, 'role'],
          [{ role: 'viewer', name: 'x' }, 'name'],
          [{ role: long(300) }, 'role'],
        ],
        state: list('/api/v1/members'),
      },
      {
        name: 'POST /api-keys',
        method: 'POST',
        url: '/api/v1/api-keys',
        cases: [
          [{ name: ['zapier'], role: 'member' }, 'name'],
          [{ role: 'member' }, 'name'],
          [{ name: 'zapier', role: 'member', expires: '2030-01-01' }, 'expires'],
          [{ name: long(101), role: 'member' }, 'name'],
          [{ name: 'zapier', role: 'god' }, 'role'],
        ],
        state: list('/api/v1/api-keys'),
      },
      {
        name: 'POST /custom-fields',
        method: 'POST',
        url: '/api/v1/custom-fields',
        cases: [
          [{ objectType: 'contacts', key: 'score', label: 'Score', type: 'number', required: 'yes' }, 'required'],
          [{ objectType: 'contacts', key: 'score', type: 'number' }, 'label'],
          [{ objectType: 'contacts', key: 'score', label: 'Score', type: 'number', unit: 'pts' }, 'unit'],
          [{ objectType: 'contacts', key: 'score', label: long(101), type: 'number' }, 'label'],
          [{ objectType: 'invoices', key: 'score', label: 'Score', type: 'number' }, 'objectType'],
          [{ objectType: 'contacts', key: 'Score!', label: 'Score', type: 'number' }, 'key'],
          [{ objectType: 'contacts', key: 'score', label: 'Score', type: 'json' }, 'type'],
          // Shape rules checked by the service.
          [{ objectType: 'contacts', key: 'level', label: 'Level', type: 'select' }, 'choices'],
          [{ objectType: 'contacts', key: 'level', label: 'Level', type: 'text', choices: ['a'] }, 'choices'],
          [{ objectType: 'contacts', key: 'level', label: 'Level', type: 'number', currency: 'EUR' }, 'currency'],
          [{ objectType: 'contacts', key: 'level', label: 'Level', type: 'currency', currency: 'euro' }, 'currency'],
        ],
        state: list('/api/v1/custom-fields'),
      },
      {
        name: 'PATCH /custom-fields/:id',
        method: 'PATCH',
        url: `/api/v1/custom-fields/${field.id}`,
        cases: [
          [{ label: false }, 'label'],
          [{ type: 'text' }, 'type'],
          [{ label: long(101) }, 'label'],
          [{ choices: [] }, 'choices'],
          [{ choices: ['a', 'a'] }, 'choices'],
        ],
        state: list('/api/v1/custom-fields'),
      },
      {
        name: 'POST /views',
        method: 'POST',
        url: '/api/v1/views',
        cases: [
          [{ objectType: 'contacts', name: 3 }, 'name'],
          [{ objectType: 'contacts' }, 'name'],
          [{ objectType: 'contacts', name: 'V', color: 'red' }, 'color'],
          [{ objectType: 'contacts', name: long(101) }, 'name'],
          [{ objectType: 'contacts', name: 'V', columns: ['firstName', 'shoeSize'] }, 'columns.1'],
          [{ objectType: 'contacts', name: 'V', sort: [{ field: 'tags', direction: 'asc' }] }, 'sort.0.field'],
          [{ objectType: 'contacts', name: 'V', filter: { field: 'shoeSize', op: 'eq', value: 1 } }, 'filter.field', 'invalid_filter'],
          [{ objectType: 'contacts', name: 'V', visibility: 'public' }, 'visibility'],
        ],
        state: list('/api/v1/views'),
      },
      {
        name: 'PATCH /views/:id',
        method: 'PATCH',
        url: `/api/v1/views/${view.id}`,
        cases: [
          [{ name: {} }, 'name'],
          [{ owner: 'x' }, 'owner'],
          [{ name: long(101) }, 'name'],
          [{ filter: { field: 'firstName', op: 'gt', value: 3 } }, 'filter.value', 'invalid_filter'],
        ],
        state: list('/api/v1/views'),
      },
      {
        name: 'POST /companies',
        method: 'POST',
        url: '/api/v1/companies',
        cases: [
          [{ name: 'Co', employees: 'many' }, 'employees'],
          [{ domain: 'acme.com' }, 'name'],
          [{ name: 'Co', ceo: 'Wile' }, 'ceo'],
          [{ name: long(201) }, 'name'],
          [{ name: 'Co', domain: 'not a domain' }, 'domain'],
          [{ name: 'Co', website: 'not a url' }, 'website'],
          [{ name: 'Co', employees: 1.5 }, 'employees'],
          [{ name: 'Co', annualRevenue: -1 }, 'annualRevenue'],
          [{ name: '   ' }, 'name'],
        ],
        state: async () => (await owner.get('/api/v1/companies?count=true')).body.total,
      },
      {
        name: 'PATCH /companies/:id',
        method: 'PATCH',
        url: `/api/v1/companies/${company.id}`,
        cases: [
          [{ name: null }, 'name'],
          [{ name: 'Co', ceo: 'Wile' }, 'ceo'],
          [{ industry: long(121) }, 'industry'],
          [{ parentId: company.id }, 'parentId'],
          [{ tags: [1] }, 'tags.0'],
        ],
        state: async () => (await owner.get(`/api/v1/companies/${company.id}`)).body,
      },
      ...(['contacts', 'companies'] as const).flatMap((object): Endpoint[] => {
        const count = async () => [
          (await owner.get(`/api/v1/${object}?count=true`)).body.total,
          (await owner.get(`/api/v1/${object}?count=true&trash=true`)).body.total,
        ];
        const ok = object === 'contacts' ? { firstName: 'Ok' } : { name: 'Ok' };
        const id = object === 'contacts' ? contact.id : company.id;
        return [
          {
            name: `POST /${object}/bulk`,
            method: 'POST',
            url: `/api/v1/${object}/bulk`,
            cases: [
              [{ items: {} }, 'items'],
              [{}, 'items'],
              [{ items: [ok], atomic: false }, 'atomic'],
              [{ items: [ok, { ...ok, description: long(20001) }] }, 'items.1.description'],
            ],
            state: count,
          },
          {
            name: `PATCH /${object}/bulk`,
            method: 'PATCH',
            url: `/api/v1/${object}/bulk`,
            cases: [
              [{ items: [{ id, version: '1', changes: {} }] }, 'items.0.version'],
              [{ items: [{ changes: {} }] }, 'items.0.id'],
              [{ items: [{ id, changes: { tags: [] }, note: 'x' }] }, 'items.0.note'],
              [{ items: [{ id: long(65), changes: {} }] }, 'items.0.id'],
            ],
            state: async () => (await owner.get(`/api/v1/${object}/${id}`)).body,
          },
          ...(['bulk-delete', 'bulk-restore'] as const).map(
            (action): Endpoint => ({
              name: `POST /${object}/${action}`,
              method: 'POST',
              url: `/api/v1/${object}/${action}`,
              cases: [
                [{ ids: id }, 'ids'],
                [{}, 'ids'],
                [{ ids: [id], force: true }, 'force'],
                [{ ids: [long(65)] }, 'ids.0'],
              ],
              state: count,
            }),
          ),
          {
            name: `POST /${object}/query`,
            method: 'POST',
            url: `/api/v1/${object}/query`,
            cases: [
              [{ count: 'yes' }, 'count'],
              [{ sort: [{ direction: 'asc' }] }, 'sort.0.field'],
              [{ offset: 10 }, 'offset'],
              [{ cursor: long(2001) }, 'cursor'],
            ],
            state: count,
          },
        ];
      }),
      {
        name: 'PATCH /contacts/:id',
        method: 'PATCH',
        url: `/api/v1/contacts/${contact.id}`,
        cases: [
          [{ title: 1 }, 'title'],
          [{ firstName: 'A', unknown: 1 }, 'unknown'],
          [{ title: long(161) }, 'title'],
          [{ phones: [{ phone: 'x' }] }, 'phones.0.phone'],
          [{ custom: { tier: 'platinum' } }, 'custom.tier'],
        ],
        state: async () => (await owner.get(`/api/v1/contacts/${contact.id}`)).body,
      },
    ];
  }

  it('rejects every kind of bad body on every write endpoint and writes nothing', async () => {
    const { client: owner } = await signUp(h.app);
    const member = await addMember(h.app, owner, 'member');
    for (const ep of await endpoints(owner, member.userId)) {
      const before = await ep.state();
      const events = (await auditEvents(owner)).length;
      for (const [body, field, code] of ep.cases) {
        const res = await owner.request(ep.method, ep.url, body, { 'content-type': 'application/json' });
        expect(res.status, `${ep.name} ${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBe(400);
        expectProblem(res, 400, code ?? 'validation_failed', field);
        expect(res.body.errors?.[0]?.field ?? res.body.field).toBe(field);
        expect(res.body.detail).toContain(field);
      }
      expect(await ep.state(), ep.name).toEqual(before);
      expect((await auditEvents(owner)).length, ep.name).toBe(events);
    }
  });

  it('validates the auth endpoints the same way', async () => {
    const anon = new (await import('../support/client')).Client(h.app);
    const signUpCases: Case[] = [
      [{ email: 'a@example.com', password: 1234567890, name: 'A', workspaceName: 'W' }, 'password'],
      [{ email: 'a@example.com', password: 'long enough pw', name: 'A' }, 'workspaceName'],
      [{ email: 'a@example.com', password: 'long enough pw', name: 'A', workspaceName: 'W', plan: 'pro' }, 'plan'],
      [{ email: 'a@example.com', password: long(201), name: 'A', workspaceName: 'W' }, 'password'],
      [{ email: 'a@example.com', password: 'short', name: 'A', workspaceName: 'W' }, 'password'],
      [{ email: 'nope', password: 'long enough pw', name: 'A', workspaceName: 'W' }, 'email'],
      [{ email: 'a@example.com', password: 'long enough pw', name: long(121), workspaceName: 'W' }, 'name'],
    ];
    for (const [body, field] of signUpCases) expectProblem(await anon.post('/api/v1/auth/sign-up', body), 400, 'validation_failed', field);
    // None of them created the account.
    expectProblem(await anon.post('/api/v1/auth/sign-in', { email: 'a@example.com', password: 'long enough pw' }), 401, 'invalid_credentials');

    const signInCases: Case[] = [
      [{ email: 'a@example.com', password: false }, 'password'],
      [{ email: 'a@example.com' }, 'password'],
      [{ email: 'a@example.com', password: 'x', remember: true }, 'remember'],
      [{ email: 'a@example.com', password: long(201) }, 'password'],
    ];
    for (const [body, field] of signInCases) expectProblem(await anon.post('/api/v1/auth/sign-in', body), 400, 'validation_failed', field);

    const acceptCases: Case[] = [
      [{ token: 12345678901 }, 'token'],
      [{ name: 'A' }, 'token'],
      [{ token: long(20), role: 'owner' }, 'role'],
      [{ token: long(201) }, 'token'],
    ];
    for (const [body, field] of acceptCases) expectProblem(await anon.post('/api/v1/auth/accept-invitation', body), 400, 'validation_failed', field);

    const { client } = await signUp(h.app);
    const switchCases: Case[] = [
      [{ workspaceId: 1 }, 'workspaceId'],
      [{}, 'workspaceId'],
      [{ workspaceId: 'x', slug: 'y' }, 'slug'],
      [{ workspaceId: long(65) }, 'workspaceId'],
    ];
    for (const [body, field] of switchCases) expectProblem(await client.post('/api/v1/auth/switch-workspace', body), 400, 'validation_failed', field);
  });

  it('validates query strings and path parameters', async () => {
    const { client } = await signUp(h.app);
    expectProblem(await client.get('/api/v1/audit?limit=0'), 400, 'validation_failed', 'querystring.limit');
    expectProblem(await client.get('/api/v1/audit?since=yesterday'), 400, 'validation_failed', 'querystring.since');
    expectProblem(await client.get('/api/v1/audit?objectId=42'), 400, 'validation_failed', 'querystring.objectId');
    expectProblem(await client.get('/api/v1/audit?verbose=1'), 400, 'validation_failed', 'querystring.verbose');
    expectProblem(await client.get('/api/v1/search'), 400, 'validation_failed', 'querystring.q');
    expectProblem(await client.get(`/api/v1/search?q=${long(201)}`), 400, 'validation_failed', 'querystring.q');
    expectProblem(await client.get('/api/v1/search?q=a&type=invoices'), 400, 'validation_failed', 'querystring.type');
    expectProblem(await client.get('/api/v1/custom-fields?objectType=invoices'), 400, 'validation_failed', 'querystring.objectType');
    expectProblem(await client.get(`/api/v1/contacts/${long(65)}`), 400, 'validation_failed', 'params.id');
    expectProblem(await client.get(`/api/v1/contacts?filter=${long(8001)}`), 400, 'validation_failed', 'querystring.filter');
  });
});

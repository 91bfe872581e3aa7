import { expect } from 'vitest';
import { createField, expectStatus } from './api';
import type { Client } from './client';

/**
 * One small workspace whose every filter result is known by hand: seven contacts (named A–G
 * below by their fullName) and three companies, with a custom field of every type.
 *
 *      name            stage        tags          consent     birthday    company  title
 *   A  Ann Archer      lead         vip, east     email       1980-01-15  Alpha    Head of Sales
 *   B  Bob Baker       customer     east          phone       1990-06-30  Beta     Engineer
 *   C  carl cooper     —            —             —           —           —        —
 *   D  Dana            lead         Vip, west     sms         1975-12-01  Beta     —
 *   E  Eve Evans       opportunity  west          email, sms  1980-01-15  Alpha    CEO
 *   F  Frank O'Neil    other        —             —           2000-02-29  —        VP 100% Sales_Ops
 *   G  gus@gamma.…     customer     east, west    email       —           Gamma    —
 */
export const A = 'Ann Archer';
export const B = 'Bob Baker';
export const C = 'carl cooper';
export const D = 'Dana';
export const E = 'Eve Evans';
export const F = "Frank O'Neil";
export const G = 'gus@gamma.example';
export const ALL = [A, B, C, D, E, F, G];

export const CUSTOM_FIELDS = [
  { key: 'note', type: 'text' },
  { key: 'bio', type: 'long_text' },
  { key: 'score', type: 'number' },
  { key: 'budget', type: 'currency', currency: 'EUR' },
  { key: 'signed', type: 'date' },
  { key: 'last_seen', type: 'datetime' },
  { key: 'vip', type: 'boolean' },
  { key: 'tier', type: 'select', choices: ['gold', 'silver', 'bronze'] },
  { key: 'langs', type: 'multi_select', choices: ['en', 'fr', 'de'] },
  { key: 'alt_email', type: 'email' },
  { key: 'mobile', type: 'phone' },
  { key: 'site', type: 'url' },
] as const;

export type Fixture = {
  companies: { alpha: string; beta: string; gamma: string };
  contacts: Record<string, string>;
};

export async function buildFixture(client: Client): Promise<Fixture> {
  for (const [position, f] of CUSTOM_FIELDS.entries()) {
    await createField(client, { objectType: 'contacts', label: f.key, position, ...f });
  }
  await createField(client, { objectType: 'companies', key: 'region', label: 'Region', type: 'select', choices: ['emea', 'amer'] });
  const cos = await client.post('/api/v1/companies/bulk', {
    items: [
      { name: 'Alpha', domain: 'alpha.example', employees: 50, annualRevenue: 1_000_000, tags: ['saas'], custom: { region: 'emea' } },
      { name: 'Beta', domain: 'beta.example', tags: [], industry: 'Retail' },
      { name: 'gamma', domain: 'gamma.example', employees: 500, annualRevenue: 250_000.5, tags: ['saas', 'enterprise'], custom: { region: 'amer' } },
    ],
  });
  expectStatus(cos, 201);
  const [alpha, beta, gamma] = cos.body.data.map((c: { id: string }) => c.id);
  const contacts = await client.post('/api/v1/contacts/bulk', {
    items: [
      {
        firstName: 'Ann',
        lastName: 'Archer',
        title: 'Head of Sales',
        emails: [{ email: 'ann@alpha.example' }],
        phones: [{ phone: '+1 415 555 2671' }],
        lifecycleStage: 'lead',
        tags: ['vip', 'east'],
        consent: { email: true },
        birthday: '1980-01-15',
        companyId: alpha,
        custom: {
          note: 'Alpha note',
          bio: 'Likes tea and cake',
          score: 10,
          budget: 100.5,
          signed: '2024-01-10',
          last_seen: '2024-03-01T09:00:00Z',
          vip: true,
          tier: 'gold',
          langs: ['en', 'fr'],
          alt_email: 'ann@alt.example',
          mobile: '+14155552671',
          site: 'https://ann.example',
        },
      },
      {
        firstName: 'Bob',
        lastName: 'Baker',
        title: 'Engineer',
        emails: [{ email: 'bob@beta.example' }],
        lifecycleStage: 'customer',
        tags: ['east'],
        consent: { phone: true },
        birthday: '1990-06-30',
        companyId: beta,
        custom: {
          note: 'beta NOTE',
          bio: 'Coffee only',
          score: 20,
          budget: 2000,
          signed: '2024-02-20',
          last_seen: '2024-03-01T18:30:00Z',
          vip: false,
          tier: 'silver',
          langs: ['de'],
          mobile: '+442071838750',
          site: 'http://bob.example/path',
        },
      },
      { firstName: 'carl', lastName: 'cooper', custom: { note: '', score: -5, budget: 0, tier: 'bronze', langs: [] } },
      {
        firstName: 'Dana',
        emails: [{ email: 'dana@delta.example' }],
        lifecycleStage: 'lead',
        tags: ['Vip', 'west'],
        consent: { sms: true },
        birthday: '1975-12-01',
        companyId: beta,
        custom: {
          bio: 'Tea, always tea',
          score: 15.5,
          budget: 99.99,
          signed: '2023-12-31',
          last_seen: '2024-02-29T23:59:59Z',
          vip: true,
          tier: 'gold',
          langs: ['fr'],
          alt_email: 'DANA@alt.example',
          site: 'https://dana.example',
        },
      },
      {
        firstName: 'Eve',
        lastName: 'Evans',
        title: 'CEO',
        emails: [{ email: 'eve@alpha.example' }],
        lifecycleStage: 'opportunity',
        tags: ['west'],
        consent: { email: true, sms: true },
        birthday: '1980-01-15',
        companyId: alpha,
      },
      {
        firstName: 'Frank',
        lastName: "O'Neil",
        title: 'VP 100% Sales_Ops',
        lifecycleStage: 'other',
        birthday: '2000-02-29',
        custom: { note: '50% off_now', score: 0, signed: '2024-01-10', vip: false, langs: ['en', 'de'], mobile: '+33 1 42 68 53 00' },
      },
      {
        emails: [{ email: 'gus@gamma.example' }],
        lifecycleStage: 'customer',
        tags: ['east', 'west'],
        consent: { email: true },
        companyId: gamma,
        custom: {
          note: 'gamma',
          score: 100,
          budget: 5000.25,
          signed: '2025-06-01',
          last_seen: '2025-06-01T00:00:00+02:00',
          vip: true,
          tier: 'silver',
          langs: ['en'],
          site: 'https://gus.example',
        },
      },
    ],
  });
  expectStatus(contacts, 201);
  const byName = Object.fromEntries(contacts.body.data.map((c: { fullName: string; id: string }) => [c.fullName, c.id]));
  expect(Object.keys(byName).sort()).toEqual([...ALL].sort());
  return { companies: { alpha, beta, gamma }, contacts: byName };
}

const sorted = (xs: string[]) => [...xs].sort();

/**
 * Runs a filter through both list endpoints (query string and POST body) and checks the rows
 * and the count against the expected names.
 */
export async function expectFilter(client: Client, object: 'contacts' | 'companies', filter: unknown, expected: string[]) {
  const name = (r: any) => (object === 'contacts' ? r.fullName : r.name);
  const viaBody = await client.post(`/api/v1/${object}/query`, { filter, limit: 500, count: true });
  expectStatus(viaBody, 200);
  expect(sorted(viaBody.body.data.map(name)), JSON.stringify(filter)).toEqual(sorted(expected));
  expect(viaBody.body.total).toBe(expected.length);
  const viaQuery = await client.get(`/api/v1/${object}?limit=500&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  expectStatus(viaQuery, 200);
  expect(sorted(viaQuery.body.data.map(name)), JSON.stringify(filter)).toEqual(sorted(expected));
}

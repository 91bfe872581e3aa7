import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { A, ALL, B, C, D, E, F, type Fixture, G, buildFixture, expectFilter } from '../support/filter-fixture';
import { type Harness, signUp, startHarness } from '../support/harness';

const not = (...names: string[]) => ALL.filter((n) => !names.includes(n));

/** Filters on built-in fields; each expected list is read off the table in filter-fixture.ts. */
const CASES: [filter: unknown, expected: string[]][] = [
  // text: firstName / lastName / title / email / phone
  [{ field: 'firstName', op: 'eq', value: 'ann' }, [A]],
  [{ field: 'firstName', op: 'neq', value: 'ANN' }, not(A)],
  [{ field: 'lastName', op: 'lt', value: 'c' }, [A, B]],
  [{ field: 'lastName', op: 'lte', value: 'baker' }, [A, B]],
  [{ field: 'lastName', op: 'gt', value: 'cooper' }, [E, F]],
  [{ field: 'lastName', op: 'gte', value: 'COOPER' }, [C, E, F]],
  [{ field: 'lastName', op: 'between', value: ['b', 'd'] }, [B, C]],
  [{ field: 'lastName', op: 'in', value: ['archer', 'EVANS'] }, [A, E]],
  [{ field: 'lastName', op: 'notIn', value: ['archer', 'evans'] }, [B, C, D, F, G]],
  [{ field: 'lastName', op: 'contains', value: 'ER' }, [A, B, C]],
  [{ field: 'lastName', op: 'startsWith', value: "o'" }, [F]],
  [{ field: 'lastName', op: 'isEmpty' }, [D, G]],
  [{ field: 'lastName', op: 'isNotEmpty' }, [A, B, C, E, F]],
  // LIKE wildcards in the value are literal characters
  [{ field: 'title', op: 'contains', value: '%' }, [F]],
  [{ field: 'title', op: 'contains', value: '_' }, [F]],
  [{ field: 'title', op: 'startsWith', value: 'VP 100%' }, [F]],
  [{ field: 'title', op: 'startsWith', value: '_' }, []],
  [{ field: 'title', op: 'isEmpty' }, [C, D, G]],
  [{ field: 'title', op: 'isNotEmpty' }, [A, B, E, F]],
  [{ field: 'fullName', op: 'startsWith', value: 'gus@' }, [G]],
  [{ field: 'email', op: 'eq', value: 'ANN@alpha.example' }, [A]],
  [{ field: 'email', op: 'contains', value: 'alpha' }, [A, E]],
  [{ field: 'email', op: 'isEmpty' }, [C, F]],
  [{ field: 'phone', op: 'startsWith', value: '+1415' }, [A]],
  [{ field: 'phone', op: 'isNotEmpty' }, [A]],
  // select
  [{ field: 'lifecycleStage', op: 'eq', value: 'lead' }, [A, D]],
  [{ field: 'lifecycleStage', op: 'eq', value: 'LEAD' }, [A, D]],
  [{ field: 'lifecycleStage', op: 'neq', value: 'lead' }, [B, C, E, F, G]],
  [{ field: 'lifecycleStage', op: 'in', value: ['customer', 'other'] }, [B, F, G]],
  [{ field: 'lifecycleStage', op: 'notIn', value: ['customer', 'other'] }, [A, C, D, E]],
  [{ field: 'lifecycleStage', op: 'isEmpty' }, [C]],
  [{ field: 'lifecycleStage', op: 'isNotEmpty' }, not(C)],
  // multiselect (tags compare without case)
  [{ field: 'tags', op: 'contains', value: 'vip' }, [A, D]],
  [{ field: 'tags', op: 'contains', value: 'VIP' }, [A, D]],
  [{ field: 'tags', op: 'in', value: ['west', 'vip'] }, [A, D, E, G]],
  [{ field: 'tags', op: 'notIn', value: ['east'] }, [C, D, E, F]],
  [{ field: 'tags', op: 'isEmpty' }, [C, F]],
  [{ field: 'tags', op: 'isNotEmpty' }, [A, B, D, E, G]],
  // boolean
  [{ field: 'consent.email', op: 'eq', value: true }, [A, E, G]],
  [{ field: 'consent.email', op: 'neq', value: true }, [B, C, D, F]],
  [{ field: 'consent.sms', op: 'eq', value: false }, [A, B, C, F, G]],
  [{ field: 'consent.phone', op: 'eq', value: true }, [B]],
  [{ field: 'consent.phone', op: 'isEmpty' }, []],
  [{ field: 'consent.phone', op: 'isNotEmpty' }, ALL],
  // date
  [{ field: 'birthday', op: 'eq', value: '1980-01-15' }, [A, E]],
  [{ field: 'birthday', op: 'neq', value: '1980-01-15' }, [B, C, D, F, G]],
  [{ field: 'birthday', op: 'lt', value: '1980-01-15' }, [D]],
  [{ field: 'birthday', op: 'lte', value: '1980-01-15' }, [A, D, E]],
  [{ field: 'birthday', op: 'gt', value: '1990-06-30' }, [F]],
  [{ field: 'birthday', op: 'gte', value: '1990-01-01' }, [B, F]],
  [{ field: 'birthday', op: 'between', value: ['1980-01-01', '1990-12-31'] }, [A, B, E]],
  [{ field: 'birthday', op: 'isEmpty' }, [C, G]],
  [{ field: 'birthday', op: 'isNotEmpty' }, [A, B, D, E, F]],
  [{ field: 'createdAt', op: 'gte', value: '2000-01-01' }, ALL],
  [{ field: 'createdAt', op: 'lt', value: '2000-01-01T00:00:00Z' }, []],
  [{ field: 'updatedAt', op: 'between', value: ['2000-01-01', '2999-01-01T00:00:00+01:00'] }, ALL],
  // groups
  [{ and: [{ field: 'lifecycleStage', op: 'eq', value: 'lead' }, { field: 'tags', op: 'contains', value: 'vip' }] }, [A, D]],
  [{ or: [{ field: 'firstName', op: 'eq', value: 'bob' }, { field: 'lastName', op: 'eq', value: 'evans' }] }, [B, E]],
  [{ not: { field: 'tags', op: 'contains', value: 'east' } }, [C, D, E, F]],
  [{ not: { field: 'lastName', op: 'eq', value: 'archer' } }, not(A)],
  [
    {
      and: [
        { or: [{ field: 'lifecycleStage', op: 'eq', value: 'lead' }, { field: 'lifecycleStage', op: 'eq', value: 'customer' }] },
        { not: { field: 'email', op: 'contains', value: 'beta' } },
        { not: { not: { field: 'consent.email', op: 'eq', value: true } } },
      ],
    },
    [A, G],
  ],
  [{ and: [] }, ALL],
  [{ or: [] }, []],
];

describe.each(await testDialects())('filters on built-in fields on %s', (dialect) => {
  let h: Harness;
  let client: Client;
  let fx: Fixture;
  beforeAll(async () => {
    h = await startHarness(dialect);
    client = (await signUp(h.app)).client;
    fx = await buildFixture(client);
    // Another workspace with look-alike data must never leak into the results.
    await buildFixture((await signUp(h.app)).client);
  });
  afterAll(async () => h?.close());

  it.each(CASES.map(([f, e]) => [JSON.stringify(f), f, e] as const))('%s', async (_name, filter, expected) => {
    await expectFilter(client, 'contacts', filter, expected);
  });

  it('filters on references (company, id)', async () => {
    const { alpha, beta, gamma } = fx.companies;
    await expectFilter(client, 'contacts', { field: 'companyId', op: 'eq', value: alpha }, [A, E]);
    await expectFilter(client, 'contacts', { field: 'companyId', op: 'eq', value: alpha.toUpperCase() }, [A, E]);
    await expectFilter(client, 'contacts', { field: 'companyId', op: 'neq', value: alpha }, [B, C, D, F, G]);
    await expectFilter(client, 'contacts', { field: 'companyId', op: 'in', value: [beta, gamma] }, [B, D, G]);
    await expectFilter(client, 'contacts', { field: 'companyId', op: 'notIn', value: [alpha] }, [B, C, D, F, G]);
    await expectFilter(client, 'contacts', { field: 'companyId', op: 'isEmpty' }, [C, F]);
    await expectFilter(client, 'contacts', { field: 'companyId', op: 'isNotEmpty' }, [A, B, D, E, G]);
    await expectFilter(client, 'contacts', { field: 'id', op: 'in', value: [fx.contacts[A], fx.contacts[G]] }, [A, G]);
    await expectFilter(client, 'contacts', { field: 'ownerId', op: 'isEmpty' }, ALL);
  });

  it('filters companies on their own fields', async () => {
    await expectFilter(client, 'companies', { field: 'employees', op: 'gt', value: 10 }, ['Alpha', 'gamma']);
    await expectFilter(client, 'companies', { field: 'employees', op: 'lte', value: 50 }, ['Alpha']);
    await expectFilter(client, 'companies', { field: 'employees', op: 'isEmpty' }, ['Beta']);
    await expectFilter(client, 'companies', { field: 'employees', op: 'neq', value: 50 }, ['Beta', 'gamma']);
    await expectFilter(client, 'companies', { field: 'employees', op: 'in', value: [50, 500] }, ['Alpha', 'gamma']);
    await expectFilter(client, 'companies', { field: 'annualRevenue', op: 'between', value: [250_000.5, 1_000_000] }, ['Alpha', 'gamma']);
    await expectFilter(client, 'companies', { field: 'annualRevenue', op: 'gt', value: 250_000.5 }, ['Alpha']);
    await expectFilter(client, 'companies', { field: 'name', op: 'startsWith', value: 'G' }, ['gamma']);
    await expectFilter(client, 'companies', { field: 'name', op: 'gte', value: 'beta' }, ['Beta', 'gamma']);
    await expectFilter(client, 'companies', { field: 'domain', op: 'eq', value: 'ALPHA.example' }, ['Alpha']);
    await expectFilter(client, 'companies', { field: 'industry', op: 'isNotEmpty' }, ['Beta']);
    await expectFilter(client, 'companies', { field: 'tags', op: 'contains', value: 'saas' }, ['Alpha', 'gamma']);
    await expectFilter(client, 'companies', { field: 'tags', op: 'notIn', value: ['enterprise'] }, ['Alpha', 'Beta']);
    await expectFilter(client, 'companies', { field: 'custom.region', op: 'eq', value: 'emea' }, ['Alpha']);
    await expectFilter(client, 'companies', { field: 'custom.region', op: 'neq', value: 'emea' }, ['Beta', 'gamma']);
  });
});

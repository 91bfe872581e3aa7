import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { A, ALL, B, C, D, E, F, G, buildFixture, expectFilter } from '../support/filter-fixture';
import { type Harness, signUp, startHarness } from '../support/harness';

const not = (...names: string[]) => ALL.filter((n) => !names.includes(n));

/**
 * Filters on custom fields of every type. The values, from filter-fixture.ts:
 *
 *      note           bio                 score  budget   signed      last_seen (UTC)        vip    tier    langs   alt_email         mobile         site
 *   A  Alpha note     Likes tea and cake  10     100.5    2024-01-10  2024-03-01T09:00       true   gold    en fr   ann@alt.example   +14155552671   https://ann.example
 *   B  beta NOTE      Coffee only         20     2000     2024-02-20  2024-03-01T18:30       false  silver  de      —                 +442071838750  http://bob.example/path
 *   C  ''             —                   -5     0        —           —                      —      bronze  []      —                 —              —
 *   D  —              Tea, always tea     15.5   99.99    2023-12-31  2024-02-29T23:59:59    true   gold    fr      dana@alt.example  —              https://dana.example
 *   E  —              —                   —      —        —           —                      —      —       —       —                 —              —
 *   F  50% off_now    —                   0      —        2024-01-10  —                      false  —       en de   —                 +33142685300   —
 *   G  gamma          —                   100    5000.25  2025-06-01  2025-05-31T22:00       true   silver  en      —                 —              https://gus.example
 */
const CASES: [filter: unknown, expected: string[]][] = [
  // text
  [{ field: 'custom.note', op: 'eq', value: 'alpha NOTE' }, [A]],
  [{ field: 'custom.note', op: 'neq', value: 'alpha note' }, not(A)],
  [{ field: 'custom.note', op: 'lt', value: 'b' }, [A, C, F]],
  [{ field: 'custom.note', op: 'gte', value: 'B' }, [B, G]],
  [{ field: 'custom.note', op: 'between', value: ['a', 'c'] }, [A, B]],
  [{ field: 'custom.note', op: 'in', value: ['GAMMA', 'beta note'] }, [B, G]],
  [{ field: 'custom.note', op: 'notIn', value: ['gamma', 'beta note'] }, [A, C, D, E, F]],
  [{ field: 'custom.note', op: 'contains', value: 'NOTE' }, [A, B]],
  [{ field: 'custom.note', op: 'contains', value: '%' }, [F]],
  [{ field: 'custom.note', op: 'contains', value: 'f_n' }, [F]],
  [{ field: 'custom.note', op: 'startsWith', value: 'BETA' }, [B]],
  [{ field: 'custom.note', op: 'isEmpty' }, [C, D, E]],
  [{ field: 'custom.note', op: 'isNotEmpty' }, [A, B, F, G]],
  // long_text
  [{ field: 'custom.bio', op: 'contains', value: 'tea' }, [A, D]],
  [{ field: 'custom.bio', op: 'startsWith', value: 'coffee' }, [B]],
  [{ field: 'custom.bio', op: 'isEmpty' }, [C, E, F, G]],
  // number
  [{ field: 'custom.score', op: 'eq', value: 10 }, [A]],
  [{ field: 'custom.score', op: 'neq', value: 10 }, not(A)],
  [{ field: 'custom.score', op: 'lt', value: 0 }, [C]],
  [{ field: 'custom.score', op: 'lte', value: 10 }, [A, C, F]],
  [{ field: 'custom.score', op: 'gt', value: 15 }, [B, D, G]],
  [{ field: 'custom.score', op: 'gte', value: 15.5 }, [B, D, G]],
  [{ field: 'custom.score', op: 'between', value: [0, 15.5] }, [A, D, F]],
  [{ field: 'custom.score', op: 'in', value: [0, 20] }, [B, F]],
  [{ field: 'custom.score', op: 'notIn', value: [0, 20] }, [A, C, D, E, G]],
  [{ field: 'custom.score', op: 'isEmpty' }, [E]],
  [{ field: 'custom.score', op: 'isNotEmpty' }, not(E)],
  // currency
  [{ field: 'custom.budget', op: 'gt', value: 100 }, [A, B, G]],
  [{ field: 'custom.budget', op: 'eq', value: 99.99 }, [D]],
  [{ field: 'custom.budget', op: 'eq', value: 0 }, [C]],
  [{ field: 'custom.budget', op: 'between', value: [0, 100.5] }, [A, C, D]],
  [{ field: 'custom.budget', op: 'isEmpty' }, [E, F]],
  // date
  [{ field: 'custom.signed', op: 'eq', value: '2024-01-10' }, [A, F]],
  [{ field: 'custom.signed', op: 'neq', value: '2024-01-10' }, [B, C, D, E, G]],
  [{ field: 'custom.signed', op: 'lt', value: '2024-01-10' }, [D]],
  [{ field: 'custom.signed', op: 'lte', value: '2024-01-10' }, [A, D, F]],
  [{ field: 'custom.signed', op: 'gt', value: '2024-02-20' }, [G]],
  [{ field: 'custom.signed', op: 'gte', value: '2024-02-01' }, [B, G]],
  [{ field: 'custom.signed', op: 'between', value: ['2024-01-01', '2024-12-31'] }, [A, B, F]],
  [{ field: 'custom.signed', op: 'isEmpty' }, [C, E]],
  // datetime (stored in UTC; values with an offset are compared in UTC)
  [{ field: 'custom.last_seen', op: 'gt', value: '2024-03-01T12:00:00Z' }, [B, G]],
  [{ field: 'custom.last_seen', op: 'lt', value: '2024-03-01' }, [D]],
  [{ field: 'custom.last_seen', op: 'between', value: ['2024-03-01T00:00:00Z', '2024-03-01T23:59:59Z'] }, [A, B]],
  [{ field: 'custom.last_seen', op: 'eq', value: '2025-05-31T22:00:00Z' }, [G]],
  [{ field: 'custom.last_seen', op: 'eq', value: '2025-06-01T00:00:00+02:00' }, [G]],
  [{ field: 'custom.last_seen', op: 'gte', value: '2024-03-01T10:00:00+01:00' }, [A, B, G]],
  [{ field: 'custom.last_seen', op: 'isNotEmpty' }, [A, B, D, G]],
  // boolean
  [{ field: 'custom.vip', op: 'eq', value: true }, [A, D, G]],
  [{ field: 'custom.vip', op: 'eq', value: false }, [B, F]],
  [{ field: 'custom.vip', op: 'neq', value: true }, [B, C, E, F]],
  [{ field: 'custom.vip', op: 'isEmpty' }, [C, E]],
  [{ field: 'custom.vip', op: 'isNotEmpty' }, [A, B, D, F, G]],
  // select
  [{ field: 'custom.tier', op: 'eq', value: 'GOLD' }, [A, D]],
  [{ field: 'custom.tier', op: 'neq', value: 'gold' }, [B, C, E, F, G]],
  [{ field: 'custom.tier', op: 'in', value: ['silver', 'bronze'] }, [B, C, G]],
  [{ field: 'custom.tier', op: 'notIn', value: ['silver'] }, [A, C, D, E, F]],
  [{ field: 'custom.tier', op: 'isEmpty' }, [E, F]],
  // multi_select
  [{ field: 'custom.langs', op: 'contains', value: 'fr' }, [A, D]],
  [{ field: 'custom.langs', op: 'contains', value: 'DE' }, [B, F]],
  [{ field: 'custom.langs', op: 'in', value: ['de', 'fr'] }, [A, B, D, F]],
  [{ field: 'custom.langs', op: 'notIn', value: ['en'] }, [B, C, D, E]],
  [{ field: 'custom.langs', op: 'isEmpty' }, [C, E]],
  [{ field: 'custom.langs', op: 'isNotEmpty' }, [A, B, D, F, G]],
  // email
  [{ field: 'custom.alt_email', op: 'eq', value: 'ANN@ALT.example' }, [A]],
  [{ field: 'custom.alt_email', op: 'eq', value: 'dana@alt.example' }, [D]],
  [{ field: 'custom.alt_email', op: 'contains', value: '@alt.' }, [A, D]],
  [{ field: 'custom.alt_email', op: 'isEmpty' }, [B, C, E, F, G]],
  // phone (stored as E.164)
  [{ field: 'custom.mobile', op: 'eq', value: '+33142685300' }, [F]],
  [{ field: 'custom.mobile', op: 'startsWith', value: '+44' }, [B]],
  [{ field: 'custom.mobile', op: 'contains', value: '4155' }, [A]],
  [{ field: 'custom.mobile', op: 'isNotEmpty' }, [A, B, F]],
  // url
  [{ field: 'custom.site', op: 'startsWith', value: 'https://' }, [A, D, G]],
  [{ field: 'custom.site', op: 'contains', value: 'bob.example/path' }, [B]],
  [{ field: 'custom.site', op: 'eq', value: 'HTTPS://ANN.EXAMPLE' }, [A]],
  [{ field: 'custom.site', op: 'isEmpty' }, [C, E, F]],
  // groups mixing custom and built-in fields
  [{ and: [{ field: 'custom.tier', op: 'eq', value: 'gold' }, { not: { field: 'custom.langs', op: 'contains', value: 'en' } }] }, [D]],
  [{ or: [{ field: 'custom.score', op: 'gt', value: 50 }, { field: 'custom.vip', op: 'eq', value: false }] }, [B, F, G]],
  [{ not: { field: 'custom.score', op: 'gt', value: 10 } }, [A, C, E, F]],
  [{ not: { field: 'custom.tier', op: 'in', value: ['gold', 'silver'] } }, [C, E, F]],
  [{ and: [{ field: 'lifecycleStage', op: 'eq', value: 'lead' }, { field: 'custom.budget', op: 'lt', value: 100 }] }, [D]],
];

describe.each(await testDialects())('filters on custom fields on %s', (dialect) => {
  let h: Harness;
  let client: Client;
  beforeAll(async () => {
    h = await startHarness(dialect);
    client = (await signUp(h.app)).client;
    await buildFixture(client);
    await buildFixture((await signUp(h.app)).client);
  });
  afterAll(async () => h?.close());

  it.each(CASES.map(([f, e]) => [JSON.stringify(f), f, e] as const))('%s', async (_name, filter, expected) => {
    await expectFilter(client, 'contacts', filter, expected);
  });
});

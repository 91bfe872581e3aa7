import { describe, expect, it } from 'vitest';
import { describeChanges, formatValue, referencedIds } from './history-format';

const labels: Record<string, string> = { title: 'Job title', emails: 'Emails', 'custom.tier': 'Tier', 'consent.sms': 'SMS consent' };
const labelOf = (k: string) => labels[k] ?? k;

describe('history lines', () => {
  it('shows values the way a person reads them', () => {
    expect(formatValue(null)).toBe('empty');
    expect(formatValue([])).toBe('empty');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(['a', 'b'])).toBe('a; b');
    expect(formatValue([{ email: 'a@b.co', label: 'work' }, { email: 'c@d.co' }])).toBe('a@b.co (work); c@d.co');
    expect(formatValue([{ city: 'Paris', country: 'FR' }])).toBe('Paris, FR');
  });

  it('lists each changed field with its label, splitting custom fields and consent', () => {
    const lines = describeChanges(
      {
        title: { before: null, after: 'CTO' },
        email: { before: 'a@b.co', after: 'x@y.co' },
        emails: { before: [{ email: 'a@b.co' }], after: [{ email: 'x@y.co' }] },
        custom: { before: { tier: 'gold', size: 3 }, after: { tier: 'silver', size: 3 } },
        consent: { before: { email: true, sms: false }, after: { email: true, sms: true } },
        updatedAt: { before: '1', after: '2' },
      },
      labelOf,
    );
    expect(lines).toEqual([
      { key: 'title', label: 'Job title', before: 'empty', after: 'CTO' },
      { key: 'emails', label: 'Emails', before: 'a@b.co', after: 'x@y.co' },
      { key: 'custom.tier', label: 'Tier', before: 'gold', after: 'silver' },
      { key: 'consent.sms', label: 'SMS consent', before: 'no', after: 'yes' },
    ]);
  });

  it('names owners and companies instead of showing their ids', () => {
    const changes = { ownerId: { before: null, after: 'u1' }, companyId: { before: 'c1', after: 'c2' } };
    const names: Record<string, string> = { u1: 'Ann', c1: 'Acme', c2: 'Globex' };
    expect(describeChanges(changes, labelOf, (_k, id) => names[id]).map((l) => `${l.before} → ${l.after}`)).toEqual(['empty → Ann', 'Acme → Globex']);
    expect(referencedIds(changes, ['companyId'])).toEqual(['c1', 'c2']);
  });
});

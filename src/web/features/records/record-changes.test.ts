import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../contract/contacts';
import { changesFor, diffDraft, valueAt, withTag } from './record-changes';

const contact = {
  id: 'c1',
  version: 3,
  firstName: 'Ada',
  lastName: 'Lovelace',
  emails: [
    { email: 'ada@acme.com', label: 'work' },
    { email: 'ada@home.org' },
  ],
  phones: [],
  tags: ['vip'],
  consent: { email: true, sms: false, phone: false },
  custom: { tier: 'gold' },
} as unknown as Contact;

describe('record changes', () => {
  it('reads nested and custom values', () => {
    expect(valueAt(contact, 'custom.tier')).toBe('gold');
    expect(valueAt(contact, 'consent.email')).toBe(true);
    expect(valueAt(contact, 'custom.missing')).toBeUndefined();
  });

  it('rewrites only the primary email and keeps the rest of the list', () => {
    expect(changesFor(contact, 'email', ' new@acme.com ')).toEqual({
      emails: [{ email: 'new@acme.com', label: 'work' }, { email: 'ada@home.org' }],
    });
    expect(changesFor(contact, 'email', '')).toEqual({ emails: [{ email: 'ada@home.org' }] });
    expect(changesFor(contact, 'phone', '+44 20 7946 0958')).toEqual({ phones: [{ phone: '+44 20 7946 0958' }] });
  });

  it('sends custom, consent and plain fields in the shape the API takes', () => {
    expect(changesFor(contact, 'custom.tier', 'silver')).toEqual({ custom: { tier: 'silver' } });
    expect(changesFor(contact, 'custom.tier', '')).toEqual({ custom: { tier: null } });
    expect(changesFor(contact, 'custom.regions', [])).toEqual({ custom: { regions: null } });
    expect(changesFor(contact, 'consent.sms', true)).toEqual({ consent: { sms: true } });
    expect(changesFor(contact, 'title', '  CTO ')).toEqual({ title: 'CTO' });
    expect(changesFor(contact, 'title', '')).toEqual({ title: null });
  });

  it('adds a tag once, whatever its case', () => {
    expect(withTag(contact, 'new')).toEqual({ tags: ['vip', 'new'] });
    expect(withTag(contact, 'VIP')).toEqual({ tags: ['vip'] });
  });

  it('diffs a draft into a minimal PATCH body', () => {
    const base = { firstName: 'Ada', title: null, emails: [{ email: 'a@b.co' }], custom: { tier: 'gold', size: 3 } };
    expect(diffDraft(base, { ...base })).toEqual({});
    expect(
      diffDraft(base, { firstName: 'Ada', title: '', emails: [{ email: 'a@b.co' }, { email: '' }], custom: { tier: 'gold', size: '', region: 'EU' } }),
    ).toEqual({ emails: [{ email: 'a@b.co' }, { email: '' }], custom: { size: null, region: 'EU' } });
    expect(diffDraft(base, { ...base, firstName: '' })).toEqual({ firstName: null });
  });
});

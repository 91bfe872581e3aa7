import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../contract/custom-fields';
import { FieldErrors } from '../errors';
import { validateCustomValues } from './custom-values';

const def = (key: string, type: string, extra: Partial<CustomField> = {}): CustomField => ({
  id: key,
  objectType: 'contacts',
  key,
  label: key,
  type,
  choices: [],
  currency: null,
  required: false,
  position: 0,
  createdAt: '',
  updatedAt: '',
  ...extra,
});

const defs = [
  def('amount', 'currency', { currency: 'EUR' }),
  def('when', 'datetime'),
  def('tier', 'select', { choices: ['gold', 'silver'], required: true }),
  def('langs', 'multi_select', { choices: ['en', 'fr'] }),
];

describe('validateCustomValues', () => {
  it('returns values in stored form', () => {
    const errors = new FieldErrors();
    const out = validateCustomValues(defs, { amount: 10.1, when: '2024-03-01T10:00:00+01:00', tier: 'gold', langs: ['fr', 'fr', 'en'] }, errors, 'create');
    expect(errors.list).toEqual([]);
    expect(out).toEqual({ amount: 10.1, when: '2024-03-01T09:00:00.000Z', tier: 'gold', langs: ['fr', 'en'] });
  });

  it('names every bad value, unknown key and missing required field', () => {
    const errors = new FieldErrors();
    validateCustomValues(defs, { amount: 1.234, when: '2024-02-30T10:00:00Z', langs: ['de'], shoe: 1 }, errors, 'create');
    expect(errors.list.map((e) => e.field)).toEqual(['custom.amount', 'custom.when', 'custom.langs', 'custom.shoe', 'custom.tier']);
  });

  it('lets an update leave a required field alone but not clear it', () => {
    const ok = new FieldErrors();
    expect(validateCustomValues(defs, { amount: null }, ok, 'update')).toEqual({ amount: null });
    expect(ok.list).toEqual([]);
    const bad = new FieldErrors();
    validateCustomValues(defs, { tier: null }, bad, 'update');
    expect(bad.list).toEqual([{ field: 'custom.tier', message: 'is required' }]);
  });

  it('prefixes fields of bulk items', () => {
    const errors = new FieldErrors().scoped('items.3.');
    validateCustomValues(defs, { tier: 'bronze' }, errors, 'create');
    // One error for the bad value, not a second "is required" for the same field.
    expect(errors.list).toEqual([{ field: 'items.3.custom.tier', message: 'must be one of: gold, silver' }]);
  });
});

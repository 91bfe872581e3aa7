import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../views/filter-model';
import { describeFilter } from './describe-filter';

const fields: FieldInfo[] = [
  { key: 'source', label: 'Source', kind: 'text', sortable: true, options: null },
  { key: 'score', label: 'Score', kind: 'number', sortable: true, options: null },
  { key: 'status', label: 'Status', kind: 'select', sortable: true, options: ['new', 'working'] },
  { key: 'createdAt', label: 'Created', kind: 'date', sortable: true, options: null },
];

describe('a scoring rule’s filter in words', () => {
  it('names fields by label and operators as the builder does', () => {
    expect(describeFilter({ field: 'source', op: 'eq', value: 'referral' }, fields)).toBe('Source is referral');
    expect(describeFilter({ field: 'createdAt', op: 'gte', value: '2026-01-01' }, fields)).toBe('Created on or after 2026-01-01');
    expect(describeFilter({ field: 'source', op: 'isEmpty' }, fields)).toBe('Source is empty');
    expect(describeFilter({ field: 'score', op: 'between', value: [1, 5] }, fields)).toBe('Score is between 1 and 5');
    expect(describeFilter({ field: 'status', op: 'in', value: ['new', 'working'] }, fields)).toBe('Status is any of New, Working');
  });

  it('brackets nested groups and keeps unknown fields by key', () => {
    const text = describeFilter(
      { and: [{ field: 'source', op: 'eq', value: 'web' }, { or: [{ field: 'score', op: 'gt', value: 3 }, { not: { field: 'custom.gone', op: 'eq', value: 1 } }] }] },
      fields,
    );
    expect(text).toBe('Source is web and (Score greater than 3 or not custom.gone is 1)');
    expect(describeFilter(null, fields)).toBe('Every lead');
  });
});

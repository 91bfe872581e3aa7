import { describe, expect, it } from 'vitest';
import { mergeKeys, staleKeys } from './live-invalidation';

const change = (objectType: string, id = 'c1') => ({ objectType, id, action: 'updated', actorId: 'u1' });

describe('live invalidation', () => {
  it('refreshes a changed contact everywhere it shows', () => {
    const keys = staleKeys(change('contacts'));
    expect(keys).toContainEqual(['records', 'contacts']);
    expect(keys).toContainEqual(['audit', 'c1']);
    expect(keys).toContainEqual(['timeline', 'contacts', 'c1']);
  });
  it('refreshes timelines for activities and comments, task lists for tasks, the record kind for other kinds', () => {
    expect(staleKeys(change('activity'))).toEqual([['timeline']]);
    expect(staleKeys(change('comment'))).toEqual([['timeline']]);
    expect(staleKeys(change('task'))).toContainEqual(['tasks']);
    expect(staleKeys(change('deals', 'd1'))).toEqual([
      ['records', 'deals'],
      ['timeline', 'deals', 'd1'],
    ]);
  });
  it('merges keys of many changes, keeping only the widest prefix', () => {
    const merged = mergeKeys([...staleKeys(change('contacts', 'a')), ...staleKeys(change('contacts', 'b')), ...staleKeys(change('activity'))]);
    expect(merged.filter((k) => k[0] === 'timeline')).toEqual([['timeline']]);
    expect(merged.filter((k) => k[0] === 'records')).toEqual([['records', 'contacts']]);
    expect(merged.filter((k) => k[0] === 'audit')).toEqual([
      ['audit', 'a'],
      ['audit', 'b'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { differsFromView, parseListState, sortFromParam, sortToParam, toggleSort, writeListState } from './list-params';

describe('list parameters', () => {
  it('reads and writes the sort parameter the API takes', () => {
    const sort = sortFromParam('-updatedAt, lastName');
    expect(sort).toEqual([
      { field: 'updatedAt', direction: 'desc' },
      { field: 'lastName', direction: 'asc' },
    ]);
    expect(sortToParam(sort)).toBe('-updatedAt,lastName');
    expect(sortFromParam(null)).toEqual([]);
  });

  it('cycles a header click through ascending, descending and unsorted', () => {
    const asc = toggleSort([], 'name');
    expect(asc).toEqual([{ field: 'name', direction: 'asc' }]);
    const desc = toggleSort(asc, 'name');
    expect(desc).toEqual([{ field: 'name', direction: 'desc' }]);
    expect(toggleSort(desc, 'name')).toEqual([]);
    expect(toggleSort(desc, 'domain')).toEqual([{ field: 'domain', direction: 'asc' }]);
  });

  it('round-trips the list state through the URL and keeps other parameters', () => {
    const state = {
      viewId: 'v1',
      filter: { field: 'lastName', op: 'eq' as const, value: 'Smith' },
      sort: [{ field: 'lastName', direction: 'desc' as const }],
      columns: ['email', 'custom.tier'],
      trash: true,
    };
    const params = writeListState(new URLSearchParams('new=1'), state);
    expect(params.get('new')).toBe('1');
    expect(parseListState(params)).toEqual(state);
    const cleared = writeListState(params, { viewId: null, filter: null, sort: [], columns: null, trash: false });
    expect(cleared.toString()).toBe('new=1');
  });

  it('ignores a filter parameter that is not JSON', () => {
    expect(parseListState(new URLSearchParams('filter=%7Bbroken')).filter).toBeNull();
  });

  it('notices when the list no longer matches its saved view', () => {
    const view = { filter: { field: 'tags', op: 'contains', value: 'vip' }, sort: [], columns: [] };
    const state = { viewId: 'v', filter: { field: 'tags', op: 'contains' as const, value: 'vip' }, sort: [], columns: null, trash: false };
    expect(differsFromView(state, view, ['email'])).toBe(false);
    expect(differsFromView({ ...state, columns: ['email', 'phone'] }, view, ['email'])).toBe(true);
    expect(differsFromView({ ...state, filter: null }, view, ['email'])).toBe(true);
  });
});

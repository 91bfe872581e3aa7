import { describe, expect, it } from 'vitest';
import { parseSortParam } from './list-query';

describe('parseSortParam', () => {
  it('reads comma-separated fields, a leading minus meaning descending', () => {
    expect(parseSortParam('-updatedAt, lastName ,custom.score')).toEqual([
      { field: 'updatedAt', direction: 'desc' },
      { field: 'lastName', direction: 'asc' },
      { field: 'custom.score', direction: 'asc' },
    ]);
  });

  it('ignores empty parts and an empty parameter', () => {
    expect(parseSortParam(undefined)).toBeUndefined();
    expect(parseSortParam('')).toBeUndefined();
    expect(parseSortParam(',,-id,')).toEqual([{ field: 'id', direction: 'desc' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { nextChunkSize } from './import-runner';

describe('import chunk size', () => {
  it('grows at most twofold while chunks finish within the budget', () => {
    expect(nextChunkSize(500, 50, 400)).toBe(1000);
    expect(nextChunkSize(1000, 300, 400)).toBe(1333);
  });
  it('shrinks a chunk that took longer than the budget, but not below 100 rows', () => {
    expect(nextChunkSize(2000, 800, 400)).toBe(1000);
    expect(nextChunkSize(500, 60_000, 400)).toBe(100);
  });
  it('never passes 5,000 rows, whatever the budget', () => {
    expect(nextChunkSize(4000, 10, 10_000)).toBe(5000);
  });
});

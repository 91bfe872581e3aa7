import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('returns what was set until it is deleted or cleared', () => {
    const cache = new TtlCache<string, number | null>(60_000, 10);
    cache.set('a', 1);
    cache.set('b', null);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeNull();
    expect(cache.get('c')).toBeUndefined();
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });

  it('forgets expired entries', () => {
    const cache = new TtlCache<string, number>(-1, 10);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('stays bounded, dropping the oldest entry', () => {
    const cache = new TtlCache<number, number>(60_000, 3);
    for (let i = 0; i < 5; i++) cache.set(i, i);
    expect([0, 1, 2, 3, 4].map((i) => cache.get(i))).toEqual([undefined, undefined, 2, 3, 4]);
  });

  it('does not cache a value read before an invalidation', () => {
    const cache = new TtlCache<string, string>(60_000, 10);
    const before = cache.version();
    // …a slow read of "valid" is in flight while the key is revoked…
    cache.delete('key');
    cache.setIfCurrent('key', 'valid', before);
    expect(cache.get('key')).toBeUndefined();
    const after = cache.version();
    cache.setIfCurrent('key', 'revoked', after);
    expect(cache.get('key')).toBe('revoked');
    const beforeClear = cache.version();
    cache.clear();
    cache.setIfCurrent('other', 'stale', beforeClear);
    expect(cache.get('other')).toBeUndefined();
  });
});

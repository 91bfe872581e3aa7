/** A small map whose entries expire; bounded so a flood of bad tokens cannot grow it forever. */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  // Bumped by every delete and clear: a value read from the database before an invalidation
  // must not be cached after it (a revoked key would work again until the entry expires).
  private generation = 0;
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
  }

  /** Take before reading the source; pass to setIfCurrent with what was read. */
  version(): number {
    return this.generation;
  }

  setIfCurrent(key: K, value: V, version: number): void {
    if (version === this.generation) this.set(key, value);
  }

  delete(key: K): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

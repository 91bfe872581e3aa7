/**
 * The next batch size for work done a transaction at a time: scaled so the next transaction takes
 * about `budgetMs`. SQLite calls block the server's event loop and other writers wait for the
 * lock, so a batch must stay short however slow each row gets as the tables grow.
 */
export function nextBatchSize(size: number, tookMs: number, budgetMs: number, bounds: { min: number; max: number }): number {
  const scaled = tookMs > 0 ? Math.round((size * budgetMs) / tookMs) : size * 2;
  // Grow at most twofold at a time: one fast batch of easy rows says little about the next.
  return Math.max(bounds.min, Math.min(bounds.max, size * 2, scaled));
}

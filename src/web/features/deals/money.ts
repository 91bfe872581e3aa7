/** How many decimals a currency has (2 for EUR, 0 for JPY, 3 for KWD); 2 for unknown codes. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 1999 (EUR) → 19.99: for inputs, which people fill in whole units. */
export const toMajor = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);

/** 19.99 (EUR) → 1999, rounded to the currency's smallest unit. */
export const toMinor = (major: number, currency: string) => Math.round(major * 10 ** currencyDigits(currency));

/** An amount in minor units as people read it: `€1,999.00`; `compact` drops the decimals of large sums. */
export function formatMoney(minor: number, currency: string, opts: { compact?: boolean } = {}): string {
  const major = toMajor(minor, currency);
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      ...(opts.compact && Math.abs(major) >= 10_000 ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    }).format(major);
  } catch {
    return `${major.toLocaleString()} ${currency}`;
  }
}

/**
 * amount × probability / 100, rounded once, half away from zero: the rule the server uses for a
 * column's weighted total (every deal of a column shares the stage's probability).
 */
export function weighted(amount: number, probability: number): number {
  const product = amount * probability;
  const quotient = Math.trunc(product / 100);
  const rest = product - quotient * 100;
  return Math.abs(rest) * 2 >= 100 ? quotient + Math.sign(rest) : quotient;
}

/**
 * Exact money arithmetic. Amounts are integer minor units; quantities and percentages are
 * decimals with at most three places, held as integers scaled by 1,000 ("milli"). Every product
 * is computed in BigInt and divided once, rounding half away from zero — never a float.
 *
 * The rounding rule of a quote or invoice line (documented in the API):
 *   gross    = round(quantity × unit price)
 *   net      = round(quantity × unit price × (100 − discount%) / 100)   or  gross − discount amount
 *   discount = gross − net
 *   tax      = round(net × tax rate / 100)
 *   total    = net + tax
 * Each line is rounded to the minor unit on its own; document totals are plain sums of the
 * rounded line figures (no second rounding).
 */
export const MILLI = 1000n;
const PERCENT_MILLI = 100_000n; // 100 % in milli-percent

/** n / d rounded half away from zero (d > 0). */
export function roundDiv(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new Error('roundDiv: the divisor must be positive');
  const q = n / d; // truncates toward zero
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

const DECIMAL = /^(-)?(\d{1,12})(?:\.(\d{1,3}))?$/;

/** "0.333" or 0.333 → 333n; null when the value has more than three decimals or is no decimal. */
export function parseMilli(value: string | number): bigint | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // A JSON number is read through its shortest decimal text (0.1 → "0.1"), never its binary value.
    text = String(value);
  } else text = value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const milli = BigInt(m[2]) * MILLI + BigInt((m[3] ?? '').padEnd(3, '0') || '0');
  return m[1] ? -milli : milli;
}

/** 333 → "0.333", 19000 → "19", -1500 → "-1.5". */
export function formatMilli(milli: number | bigint): string {
  const v = BigInt(milli);
  const abs = v < 0n ? -v : v;
  const whole = abs / MILLI;
  const frac = (abs % MILLI).toString().padStart(3, '0').replace(/0+$/, '');
  return `${v < 0n ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

export const toNumber = (v: bigint): number => {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError('amount out of range');
  return Number(v);
};

export type LineAmounts = {
  quantityMilli: number;
  unitPrice: number;
  discountPercentMilli: number | null;
  discountAmount: number | null;
  taxRateMilli: number;
};
export type LineFigures = { gross: number; discount: number; net: number; tax: number; total: number };

/** One line's figures under the rounding rule above. */
export function computeLine(l: LineAmounts): LineFigures {
  const exact = BigInt(l.quantityMilli) * BigInt(l.unitPrice); // minor units × 1,000
  const gross = roundDiv(exact, MILLI);
  let net = gross;
  if (l.discountPercentMilli !== null) net = roundDiv(exact * (PERCENT_MILLI - BigInt(l.discountPercentMilli)), MILLI * PERCENT_MILLI);
  else if (l.discountAmount !== null) net = gross - BigInt(l.discountAmount);
  const tax = roundDiv(net * BigInt(l.taxRateMilli), PERCENT_MILLI);
  return { gross: toNumber(gross), discount: toNumber(gross - net), net: toNumber(net), tax: toNumber(tax), total: toNumber(net + tax) };
}

export type DocumentTotals = { subtotal: number; discountTotal: number; netTotal: number; taxTotal: number; total: number };

/** Sums of the rounded line figures. */
export function sumLines(lines: LineFigures[]): DocumentTotals {
  const sum = (pick: (l: LineFigures) => number) => toNumber(lines.reduce((acc, l) => acc + BigInt(pick(l)), 0n));
  return { subtotal: sum((l) => l.gross), discountTotal: sum((l) => l.discount), netTotal: sum((l) => l.net), taxTotal: sum((l) => l.tax), total: sum((l) => l.total) };
}

/** `rateMilli` percent of `base`, rounded half away from zero (a commission on one deal or payment). */
export const percentOf = (base: number | bigint, rateMilli: number | bigint): number =>
  toNumber(roundDiv(BigInt(base) * BigInt(rateMilli), PERCENT_MILLI));

/** Σ amount × probability% over many deals, summed exactly and rounded once. */
export function weightedSum(items: { amount: number; probability: number }[]): number {
  const exact = items.reduce((acc, i) => acc + BigInt(i.amount) * BigInt(i.probability), 0n);
  return toNumber(roundDiv(exact, 100n));
}

// ISO 4217 minor-unit exponents that are not 2.
const EXPONENT: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};
export const currencyExponent = (currency: string): number => EXPONENT[currency] ?? 2;

/** 123456 EUR → "1,234.56 EUR" (for documents; the API itself speaks minor units). */
export function formatMoney(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const v = BigInt(minor);
  const abs = v < 0n ? -v : v;
  const unit = 10n ** BigInt(exp);
  const whole = (abs / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = exp ? `.${(abs % unit).toString().padStart(exp, '0')}` : '';
  return `${v < 0n ? '-' : ''}${whole}${frac} ${currency}`;
}

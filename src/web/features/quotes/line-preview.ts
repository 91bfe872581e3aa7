/**
 * A preview of one line while it is being edited, under the server's rounding rule (each line
 * rounded half away from zero to the minor unit, totals are sums of rounded lines). The server
 * computes the figures that count; this only spares the person a round trip per keystroke.
 */
export type LineDraft = {
  quantity: string;
  unitPrice: number | null;
  discountPercent: string | null;
  discountAmount: number | null;
  taxRate: string;
};
export type LineFigures = { gross: number; discount: number; net: number; tax: number; total: number };

const MILLI = 1000n;
const PERCENT_MILLI = 100_000n;

function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if ((r < 0n ? -r : r) * 2n >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** "0.333" → 333n; null for anything that is not a decimal with at most three places. */
export function milli(text: string): bigint | null {
  const m = /^(-)?(\d{1,12})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const v = BigInt(m[2]) * MILLI + BigInt((m[3] ?? '').padEnd(3, '0'));
  return m[1] ? -v : v;
}

/** The line's figures, or null while something needed is missing or not a number. */
export function previewLine(l: LineDraft): LineFigures | null {
  const quantity = milli(l.quantity);
  const tax = milli(l.taxRate || '0');
  const pct = l.discountPercent ? milli(l.discountPercent) : null;
  if (quantity === null || tax === null || l.unitPrice === null || (l.discountPercent && pct === null)) return null;
  const exact = quantity * BigInt(l.unitPrice);
  const gross = roundDiv(exact, MILLI);
  let net = gross;
  if (pct !== null) net = roundDiv(exact * (PERCENT_MILLI - pct), MILLI * PERCENT_MILLI);
  else if (l.discountAmount !== null) net = gross - BigInt(l.discountAmount);
  const taxAmount = roundDiv(net * tax, PERCENT_MILLI);
  return { gross: Number(gross), discount: Number(gross - net), net: Number(net), tax: Number(taxAmount), total: Number(net + taxAmount) };
}

/** Sums of the previewed lines; null if any line cannot be previewed yet. */
export function previewTotals(lines: LineDraft[]): LineFigures | null {
  const out: LineFigures = { gross: 0, discount: 0, net: 0, tax: 0, total: 0 };
  for (const l of lines) {
    const f = previewLine(l);
    if (!f) return null;
    for (const k of Object.keys(out) as (keyof LineFigures)[]) out[k] += f[k];
  }
  return out;
}

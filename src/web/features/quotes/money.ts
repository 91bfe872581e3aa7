/**
 * Money in the web app: the API speaks integer minor units, people type and read decimals.
 * Conversions go through decimal text, never through a float, so 0.1 + 0.2 cannot creep in.
 */

// ISO 4217 minor-unit exponents that are not 2 (the server uses the same table for its PDFs).
const EXPONENT: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};
export const currencyExponent = (currency: string): number => EXPONENT[currency] ?? 2;

/** 123456 EUR → "1234.56"; exact for any integer the API sends. */
export function minorToDecimal(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const v = BigInt(minor);
  const abs = v < 0n ? -v : v;
  const unit = 10n ** BigInt(exp);
  const frac = exp ? `.${(abs % unit).toString().padStart(exp, '0')}` : '';
  return `${v < 0n ? '-' : ''}${abs / unit}${frac}`;
}

/** 123456 EUR → "€1,234.56" in the reader's locale. */
export function formatMoney(minor: number, currency: string): string {
  const text = minorToDecimal(minor, currency);
  const exp = currencyExponent(currency);
  try {
    // Intl formats decimal strings exactly (no float in between).
    const fmt = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: exp, maximumFractionDigits: exp });
    return fmt.format(text as unknown as number);
  } catch {
    return `${text} ${currency}`;
  }
}

/**
 * What a person typed ("1,234.5", "12", "-3.25") → minor units, or null when it is no amount or
 * has more decimals than the currency has (12.345 EUR).
 */
export function parseMoney(input: string, currency: string): number | null {
  const text = input.trim().replace(/[\s,_]/g, '');
  const exp = currencyExponent(currency);
  const m = /^(-)?(\d{1,13})(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > exp) return null;
  const minor = BigInt(m[2]) * 10n ** BigInt(exp) + BigInt(frac.padEnd(exp, '0') || '0');
  const signed = m[1] ? -minor : minor;
  if (signed > 1_000_000_000_000n || signed < -1_000_000_000_000n) return null;
  return Number(signed);
}

/** A quantity or a percentage as the API takes it: at most three decimals. */
export function isDecimal3(input: string, { allowNegative = false } = {}): boolean {
  return (allowNegative ? /^-?\d{1,9}(\.\d{1,3})?$/ : /^\d{1,9}(\.\d{1,3})?$/).test(input.trim());
}

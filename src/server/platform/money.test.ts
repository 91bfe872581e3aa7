import { describe, expect, it } from 'vitest';
import { computeLine, formatMilli, formatMoney, parseMilli, percentOf, roundDiv, sumLines, weightedSum } from './money';
import { addDays, parsePeriod } from './periods';

const line = (quantity: string, unitPrice: number, extra: { pct?: string; amount?: number; tax?: string } = {}) =>
  computeLine({
    quantityMilli: Number(parseMilli(quantity)),
    unitPrice,
    discountPercentMilli: extra.pct === undefined ? null : Number(parseMilli(extra.pct)),
    discountAmount: extra.amount ?? null,
    taxRateMilli: Number(parseMilli(extra.tax ?? '0')),
  });

describe('roundDiv', () => {
  it('rounds half away from zero, on both sides of zero', () => {
    expect([roundDiv(5n, 10n), roundDiv(4n, 10n), roundDiv(15n, 10n), roundDiv(25n, 10n)]).toEqual([1n, 0n, 2n, 3n]);
    expect([roundDiv(-5n, 10n), roundDiv(-4n, 10n), roundDiv(-15n, 10n), roundDiv(-25n, 10n)]).toEqual([-1n, 0n, -2n, -3n]);
    expect(roundDiv(1n, 3n)).toBe(0n);
    expect(roundDiv(2n, 3n)).toBe(1n);
  });
});

describe('decimals', () => {
  it('reads three places at most, from text or JSON numbers, never through binary floats', () => {
    expect(parseMilli('0.333')).toBe(333n);
    expect(parseMilli(0.1)).toBe(100n);
    expect(parseMilli(19)).toBe(19000n);
    expect(parseMilli('8.875')).toBe(8875n);
    expect(parseMilli('-1.5')).toBe(-1500n);
    expect(parseMilli('0.3333')).toBeNull();
    expect(parseMilli(1e-7)).toBeNull();
    expect(parseMilli('1,5')).toBeNull();
    expect([formatMilli(333), formatMilli(19000), formatMilli(-1500), formatMilli(0)]).toEqual(['0.333', '19', '-1.5', '0']);
  });
});

describe('lines (hand-computed)', () => {
  it('rounds each line, then sums: three lines of 0.333 × 1.00 are 0.99, one line of 0.333 × 3.00 is 1.00', () => {
    const thirds = [line('0.333', 100), line('0.333', 100), line('0.333', 100)];
    expect(thirds.map((l) => l.gross)).toEqual([33, 33, 33]);
    expect(sumLines(thirds).total).toBe(99);
    expect(line('0.333', 300).gross).toBe(100); // 0.999 → 1.00
    expect(line('3', 33).gross).toBe(99);
  });

  it('taxes the rounded net: 19% on 10.005 (0.5 × 20.01 → 10.01) is 1.90', () => {
    expect(line('0.5', 2001, { tax: '19' })).toEqual({ gross: 1001, discount: 0, net: 1001, tax: 190, total: 1191 });
    // 19% of 10.05 is 1.9095 → 1.91
    expect(line('1', 1005, { tax: '19' })).toEqual({ gross: 1005, discount: 0, net: 1005, tax: 191, total: 1196 });
    // 3-decimal currency: 19% of 10.005 KWD (10005 fils) is 1900.95 → 1901 fils
    expect(line('1', 10005, { tax: '19' }).tax).toBe(1901);
  });

  it('rounds half cents of percent discounts away from zero', () => {
    // 0.25 less 10% = 0.225 → 0.23
    expect(line('1', 25, { pct: '10' })).toEqual({ gross: 25, discount: 2, net: 23, tax: 0, total: 23 });
    // 0.05 less 50% = 0.025 → 0.03
    expect(line('1', 5, { pct: '50' })).toEqual({ gross: 5, discount: 2, net: 3, tax: 0, total: 3 });
    // a credit line: -0.05 less 50% = -0.025 → -0.03
    expect(line('1', -5, { pct: '50' })).toEqual({ gross: -5, discount: -2, net: -3, tax: 0, total: -3 });
    // 12.5% off 3 × 19.99 = 59.97 → 52.47375 → 52.47, then 7.7% tax: 4.040190 → 4.04
    expect(line('3', 1999, { pct: '12.5', tax: '7.7' })).toEqual({ gross: 5997, discount: 750, net: 5247, tax: 404, total: 5651 });
    // an amount off the line
    expect(line('2', 1000, { amount: 150, tax: '20' })).toEqual({ gross: 2000, discount: 150, net: 1850, tax: 370, total: 2220 });
  });

  it('computes commissions and weighted sums exactly', () => {
    expect(percentOf(12345, 2500)).toBe(309); // 2.5% of 123.45 = 3.08625 → 3.09
    expect(percentOf(1001, 50000)).toBe(501); // 50% of 10.01 = 5.005 → 5.01
    expect(weightedSum([{ amount: 1001, probability: 50 }, { amount: 1001, probability: 50 }])).toBe(1001); // summed, then rounded once
    expect(weightedSum([{ amount: 333, probability: 10 }])).toBe(33);
  });

  it('formats money with the currency’s minor-unit exponent', () => {
    expect(formatMoney(123456, 'EUR')).toBe('1,234.56 EUR');
    expect(formatMoney(1500, 'JPY')).toBe('1,500 JPY');
    expect(formatMoney(-10005, 'KWD')).toBe('-10.005 KWD');
  });
});

describe('periods', () => {
  it('reads months and quarters, with an exclusive end', () => {
    expect(parsePeriod('2026-11')).toEqual({ key: '2026-11', start: '2026-11-01', end: '2026-12-01' });
    expect(parsePeriod('2026-12')).toEqual({ key: '2026-12', start: '2026-12-01', end: '2027-01-01' });
    expect(parsePeriod('2026-Q4')).toEqual({ key: '2026-Q4', start: '2026-10-01', end: '2027-01-01' });
    expect(parsePeriod('2026-Q1')).toEqual({ key: '2026-Q1', start: '2026-01-01', end: '2026-04-01' });
    expect(() => parsePeriod('2026-13')).toThrow();
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});

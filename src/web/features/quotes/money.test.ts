import { describe, expect, it } from 'vitest';
import { formatMoney, isDecimal3, minorToDecimal, parseMoney } from './money';

describe('money in the web app', () => {
  it('reads typed amounts into minor units without floats', () => {
    expect(parseMoney('19.99', 'EUR')).toBe(1999);
    expect(parseMoney('0.1', 'EUR')).toBe(10);
    expect(parseMoney('1,234.5', 'EUR')).toBe(123450);
    expect(parseMoney(' 12 ', 'EUR')).toBe(1200);
    expect(parseMoney('-3.25', 'EUR')).toBe(-325);
    expect(parseMoney('1500', 'JPY')).toBe(1500);
    expect(parseMoney('1.234', 'KWD')).toBe(1234);
    // 1.005 × 100 is 100.49999… as a float; as text it is exactly 100.5 cents, which is refused.
    expect(parseMoney('1.005', 'EUR')).toBeNull();
    expect(parseMoney('1.5', 'JPY')).toBeNull();
    expect(parseMoney('', 'EUR')).toBeNull();
    expect(parseMoney('abc', 'EUR')).toBeNull();
    expect(parseMoney('10000000001', 'EUR')).toBeNull();
  });

  it('writes minor units back as exact decimals', () => {
    expect(minorToDecimal(1999, 'EUR')).toBe('19.99');
    expect(minorToDecimal(5, 'EUR')).toBe('0.05');
    expect(minorToDecimal(-5, 'EUR')).toBe('-0.05');
    expect(minorToDecimal(1500, 'JPY')).toBe('1500');
    expect(minorToDecimal(1234, 'KWD')).toBe('1.234');
    expect(minorToDecimal(999_999_999_999, 'EUR')).toBe('9999999999.99');
  });

  it('formats with the currency and its number of decimals', () => {
    const eur = formatMoney(123456, 'EUR');
    expect(eur).toContain('1,234.56');
    expect(eur).toContain('€');
    expect(formatMoney(1500, 'JPY')).not.toContain('.');
    expect(formatMoney(1234, 'KWD')).toContain('1.234');
    expect(formatMoney(100, 'XXY')).toMatch(/1\.00/);
  });

  it('checks quantities and percentages as the API takes them', () => {
    expect(isDecimal3('2')).toBe(true);
    expect(isDecimal3('0.333')).toBe(true);
    expect(isDecimal3('0.3333')).toBe(false);
    expect(isDecimal3('-1')).toBe(false);
    expect(isDecimal3('-1', { allowNegative: true })).toBe(true);
    expect(isDecimal3('1e3')).toBe(false);
  });
});

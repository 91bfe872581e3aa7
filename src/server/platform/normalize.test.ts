import { describe, expect, it } from 'vitest';
import { isEmail, isHttpUrl, isIsoDate, normalizeDomain, normalizeEmail, normalizePhone } from './normalize';

describe('normalize', () => {
  it('lower-cases and trims emails', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(isEmail('ada@example.com')).toBe(true);
    expect(isEmail('ada@example')).toBe(false);
    expect(isEmail('ada example.com')).toBe(false);
  });

  it('turns phone numbers into E.164 when it can, and keeps them readable when not', () => {
    expect(normalizePhone('+1 (415) 555-2671')).toBe('+14155552671');
    expect(normalizePhone('020 7183 8750', 'GB')).toBe('+442071838750');
    expect(normalizePhone('  ext.   42  ')).toBe('ext. 42');
  });

  it('reduces a website to its domain', () => {
    expect(normalizeDomain('https://www.Acme.example/about?x=1')).toBe('acme.example');
    expect(normalizeDomain('ACME.example')).toBe('acme.example');
  });

  it('accepts only real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false);
  });

  it('accepts only http and https URLs', () => {
    expect(isHttpUrl('https://acme.example')).toBe(true);
    expect(isHttpUrl('http://acme.example/x')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('acme.example')).toBe(false);
  });
});

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** E.164 when libphonenumber can read the number, otherwise the trimmed text as typed. */
export function normalizePhone(phone: string, defaultCountry?: string): string {
  const trimmed = phone.trim();
  const parsed = parsePhoneNumberFromString(trimmed, (defaultCountry as any) ?? undefined);
  return parsed?.isValid() ? parsed.number : trimmed.replace(/\s+/g, ' ');
}

export const normalizeDomain = (domain: string): string =>
  domain
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (v: string) => v.length <= 254 && EMAIL.test(v);

export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

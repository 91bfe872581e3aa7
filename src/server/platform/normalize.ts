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

/** A real calendar day as YYYY-MM-DD: Date.parse would take 2024-02-30 and roll it to March. */
export function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

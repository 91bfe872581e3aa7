/** What stands in for personal data after an erasure. */
export const ERASED = '[erased]';

/**
 * The strings that identify one person. `strong` ones (emails, full names, phone numbers) are
 * specific enough to be removed wherever they appear in the workspace; `weak` ones (a first or
 * last name alone, an email's local part) only in rows that are about the person, since "Ann"
 * elsewhere is most likely someone else.
 */
export type Identity = { strong: string[]; weak: string[] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clean = (list: (string | null | undefined)[], min: number) =>
  [...new Set(list.map((s) => (s ?? '').trim()).filter((s) => s.length >= min))].sort((a, b) => b.length - a.length);

export function buildIdentity(parts: { names: (string | null)[]; fullNames: (string | null)[]; emails: (string | null)[]; phones: (string | null)[] }): Identity {
  const emails = clean(parts.emails, 3);
  // Search documents hold an email's pieces split on punctuation ("ann lee example com").
  const spacedEmails = emails.map((e) => e.replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
  const phones = clean(parts.phones, 5);
  const phoneDigits = phones.map((p) => p.replace(/\D/g, '')).filter((d) => d.length >= 6);
  const strong = clean([...emails, ...spacedEmails, ...parts.fullNames, ...phones, ...phoneDigits], 3);
  const locals = emails.map((e) => e.split('@')[0]);
  const weak = clean([...parts.names, ...locals], 2).filter((w) => !strong.some((s) => s.toLowerCase() === w.toLowerCase()));
  return { strong, weak };
}

export type Redactor = { text(value: string): string; json<T>(value: T): T; matches(value: string): boolean };

/** Replaces the identity's strings, ignoring case; weak ones only as whole words. */
export function redactor(identity: Identity, opts: { weak: boolean }): Redactor {
  const alternatives = identity.strong.map(escape);
  if (opts.weak) alternatives.push(...identity.weak.map((w) => `(?<![\\p{L}\\p{N}])${escape(w)}(?![\\p{L}\\p{N}])`));
  const pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'giu') : null;
  const text = (value: string) => (pattern ? value.replace(pattern, ERASED) : value);
  const json = <T>(value: T): T => {
    if (typeof value === 'string') return text(value) as T;
    if (Array.isArray(value)) return value.map(json) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, json(v)])) as T;
    return value;
  };
  return { text, json, matches: (value: string) => (pattern ? value.search(pattern) >= 0 : false) };
}

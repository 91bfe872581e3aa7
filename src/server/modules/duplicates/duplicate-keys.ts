import type { DuplicateKind } from '../../../contract/duplicates';

export type MatchKey = { kind: DuplicateKind; key: string };

/** What the keys of a contact are computed from (one row of the contacts table, JSON read). */
export type ContactKeySource = {
  firstName: string | null;
  lastName: string | null;
  companyId: string | null;
  emails: { email: string }[];
  phones: { phone: string }[];
};
export type CompanyKeySource = { name: string; domain: string | null };

// Mail providers that ignore dots in the local part.
const DOTLESS_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The address mail is delivered to: lower case, without a `+tag`, and for Gmail without dots
 * (j.doe+crm@gmail.com and jdoe@googlemail.com are one mailbox). Contacts can never share an
 * exact address (the email index is unique), so this is what finds the same person twice.
 */
export function emailKey(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0) return null;
  let local = email.slice(0, at).trim().toLowerCase();
  let domain = email.slice(at + 1).trim().toLowerCase();
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (DOTLESS_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return local && domain ? `${local}@${domain}` : null;
}

/** Phones are stored in E.164 when they could be read; only those are compared (free text is too loose). */
export function phoneKey(phone: string): string | null {
  return /^\+[1-9]\d{6,14}$/.test(phone) ? phone : null;
}

/** Lower case letters and digits only, accents removed: "José-Luis" → "joseluis". */
export function foldName(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The block a contact's name falls in: last name, first initial and company. Only contacts in the
 * same block are compared by name, so the work grows with block sizes, not with the square of
 * the number of contacts. Contacts without a company or without both names are not compared.
 */
export function nameBlockKey(c: Pick<ContactKeySource, 'firstName' | 'lastName' | 'companyId'>): string | null {
  const last = foldName(c.lastName);
  const first = foldName(c.firstName);
  if (!last || !first || !c.companyId) return null;
  return `${last}|${first[0]}|${c.companyId}`;
}

const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'llc', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co', 'company',
  'gmbh', 'ag', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'pty', 'kg', 'lp', 'llp',
]);

/** A company name without case, accents, punctuation or legal form: "ACME, Inc." → "acme". */
export function companyNameKey(name: string): string | null {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1])) words.pop();
  if (words[0] === 'the' && words.length > 1) words.shift();
  const key = words.join(' ');
  return key.length >= 2 ? key : null;
}

export function contactKeys(c: ContactKeySource): MatchKey[] {
  const keys: MatchKey[] = [];
  for (const e of c.emails) {
    const key = emailKey(e.email);
    if (key) keys.push({ kind: 'email', key });
  }
  for (const p of c.phones) {
    const key = phoneKey(p.phone);
    if (key) keys.push({ kind: 'phone', key });
  }
  const block = nameBlockKey(c);
  if (block) keys.push({ kind: 'name', key: block });
  return unique(keys);
}

export function companyKeys(c: CompanyKeySource): MatchKey[] {
  const keys: MatchKey[] = [];
  if (c.domain) keys.push({ kind: 'domain', key: c.domain.toLowerCase() });
  const name = companyNameKey(c.name);
  if (name) keys.push({ kind: 'name', key: name });
  return unique(keys);
}

function unique(keys: MatchKey[]): MatchKey[] {
  return [...new Map(keys.map((k) => [`${k.kind}\u0000${k.key}`, k])).values()];
}

/** Jaro-Winkler similarity of two strings, 0…1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Whether two first names in one block (same last name, initial and company) are likely the same
 * person: "Jon"/"John", "Katherine"/"Katharine", or a short form "Chris"/"Christopher".
 * "Jane"/"John" and "Mark"/"Mary" are not.
 */
export function similarFirstNames(a: string | null, b: string | null): boolean {
  const x = foldName(a);
  const y = foldName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.startsWith(short)) return true;
  return jaroWinkler(x, y) >= 0.9;
}

/** Splits a name block into groups of similar first names (union-find over the block's pairs). */
export function clusterBySimilarName<T extends { id: string; firstName: string | null }>(members: T[]): T[][] {
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (similarFirstNames(members[i].firstName, members[j].firstName)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, T[]>();
  members.forEach((m, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), m]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

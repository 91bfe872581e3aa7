import type { Address, PhoneEntry } from '../../../contract/common';
import type { WorkspaceDb } from '../../db/scoped';
import type { FieldErrors } from '../errors';
import { normalizePhone } from '../normalize';
import { companyNames, emailHolders, existingIds, memberIds } from './references.repository';

/** Copies the keys present in `input` (undefined means "leave as is"). */
export function assignDefined<T extends object>(target: T, input: Partial<T>, keys: (keyof T)[]): void {
  for (const k of keys) if (input[k] !== undefined) (target as any)[k] = input[k];
}

export const normalizePhones = (phones: PhoneEntry[]): PhoneEntry[] =>
  phones.map((p) => ({ ...p, phone: normalizePhone(p.phone) }));

export const trimAddresses = (addresses: Address[]): Address[] =>
  addresses.map((a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, k === 'country' ? v?.toUpperCase() : v?.trim()])) as Address);

export const cleanTags = (tags: string[]): string[] => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

export type RefRequest = { companyIds?: (string | null | undefined)[]; ownerIds?: (string | null | undefined)[]; emails?: string[]; contactIds?: string[] };
/** `companies` maps id → name, so a written record can show its company without reading it back. */
export type Refs = { companies: Map<string, string>; members: Set<string>; emailHolders: Map<string, string>; contacts: Set<string> };

const present = (ids: (string | null | undefined)[] | undefined) => (ids ?? []).filter((id): id is string => !!id);

/** Loads what a whole write call refers to in a few queries, instead of a few per record. */
export async function loadRefs(tx: WorkspaceDb, requests: RefRequest[]): Promise<Refs> {
  const [companies, members, holders, contacts] = await Promise.all([
    companyNames(tx, requests.flatMap((r) => present(r.companyIds))),
    memberIds(tx, requests.flatMap((r) => present(r.ownerIds))),
    emailHolders(tx, requests.flatMap((r) => r.emails ?? [])),
    existingIds(tx, 'contacts', requests.flatMap((r) => r.contactIds ?? [])),
  ]);
  return { companies, members, emailHolders: holders, contacts };
}

/** Checks that the referenced company and owner exist in this workspace. */
export function checkReferences(
  refs: Refs,
  errors: FieldErrors,
  r: { companyField?: string; companyId?: string | null; ownerId?: string | null },
): void {
  if (r.companyId && !refs.companies.has(r.companyId)) errors.add(r.companyField ?? 'companyId', 'no such company in this workspace');
  if (r.ownerId && !refs.members.has(r.ownerId)) errors.add('ownerId', 'is not a member of this workspace');
}

/** The `{ id, name }` shown for a linked company, or null. */
export const linkedCompany = (refs: Refs, id: string | null) => (id && refs.companies.has(id) ? { id, name: refs.companies.get(id)! } : null);

/** The `once` of one write call: each key's loader runs at most once, its promise shared by every record. */
export function callMemo(): <T>(key: string, load: () => Promise<T>) => Promise<T> {
  const results = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>) => {
    if (!results.has(key)) results.set(key, load());
    return results.get(key) as Promise<T>;
  };
}

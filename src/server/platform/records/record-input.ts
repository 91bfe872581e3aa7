import type { Address, PhoneEntry } from '../../../contract/common';
import type { WorkspaceDb } from '../../db/scoped';
import type { FieldErrors } from '../errors';
import { normalizePhone } from '../normalize';
import { existingIds, memberIds } from './references.repository';

/** Copies the keys present in `input` (undefined means "leave as is"). */
export function assignDefined<T extends object>(target: T, input: Partial<T>, keys: (keyof T)[]): void {
  for (const k of keys) if (input[k] !== undefined) (target as any)[k] = input[k];
}

export const normalizePhones = (phones: PhoneEntry[]): PhoneEntry[] =>
  phones.map((p) => ({ ...p, phone: normalizePhone(p.phone) }));

export const trimAddresses = (addresses: Address[]): Address[] =>
  addresses.map((a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, k === 'country' ? v?.toUpperCase() : v?.trim()])) as Address);

export const cleanTags = (tags: string[]): string[] => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/** Checks that the referenced company and owner exist in this workspace. */
export async function checkReferences(
  tx: WorkspaceDb,
  errors: FieldErrors,
  refs: { companyField?: string; companyId?: string | null; ownerId?: string | null },
): Promise<void> {
  if (refs.companyId) {
    const found = await existingIds(tx, 'companies', [refs.companyId]);
    if (!found.has(refs.companyId)) errors.add(refs.companyField ?? 'companyId', 'no such company in this workspace');
  }
  if (refs.ownerId) {
    const found = await memberIds(tx, [refs.ownerId]);
    if (!found.has(refs.ownerId)) errors.add('ownerId', 'is not a member of this workspace');
  }
}

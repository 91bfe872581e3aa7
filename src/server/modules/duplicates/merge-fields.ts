import type { Company, CompanyUpdate } from '../../../contract/companies';
import type { Contact, ContactUpdate } from '../../../contract/contacts';
import { COMPANY_MERGE_FIELDS, CONTACT_MERGE_FIELDS } from '../../../contract/duplicates';
import type { CustomField } from '../../../contract/custom-fields';
import { FieldErrors } from '../../platform/errors';

type AnyRecord = { id: string; custom: Record<string, unknown> };
/** Which record each field's value comes from, by field (`firstName`, `custom.code`), checked. */
type Choices = Map<string, string>;

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks the caller's `fields`: each key must be a field that can be chosen, each value one of
 * the records being merged. Errors name `fields.<key>`.
 */
export function checkChoices(fields: Record<string, string> | undefined, allowed: readonly string[], customDefs: CustomField[], ids: Set<string>): Choices {
  const errors = new FieldErrors();
  const customKeys = new Set(customDefs.map((d) => d.key));
  const out: Choices = new Map();
  for (const [key, source] of Object.entries(fields ?? {})) {
    const known = allowed.includes(key) || (key.startsWith('custom.') && customKeys.has(key.slice(7)));
    if (!known) errors.add(`fields.${key}`, 'is not a field that can be chosen in a merge');
    else if (!ids.has(source)) errors.add(`fields.${key}`, 'must be the survivor or one of the merged records');
    else out.set(key, source);
  }
  errors.throwIfAny();
  return out;
}

/** The record a field's value comes from: the chosen one, else the survivor, else the first merged record that has a value. */
function sourceOf<T extends AnyRecord>(records: T[], choices: Choices, key: string, value: (r: T) => unknown): T {
  const chosen = choices.get(key);
  if (chosen) return records.find((r) => r.id === chosen)!;
  return records.find((r) => !isBlank(value(r))) ?? records[0];
}

/** Union of lists, the chosen record's first entry first, then the survivor's, then the others'. */
function unite<T extends AnyRecord, E>(records: T[], first: T, list: (r: T) => E[], keyOf: (e: E) => string): E[] {
  const out = new Map<string, E>();
  const lead = list(first)[0];
  if (lead !== undefined) out.set(keyOf(lead), lead);
  for (const r of records) for (const e of list(r)) if (!out.has(keyOf(e))) out.set(keyOf(e), e);
  return [...out.values()];
}

function mergedCustom<T extends AnyRecord>(records: T[], choices: Choices): Record<string, unknown> {
  const keys = new Set(records.flatMap((r) => Object.keys(r.custom)));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = sourceOf(records, choices, `custom.${k}`, (r) => r.custom[k]).custom[k] ?? null;
  return out;
}

const uniteTags = (records: { tags: string[] }[]) => [...new Set(records.flatMap((r) => r.tags))];

/** The survivor's next state as an update; `records` is the survivor first, then the merged ones in order. */
export function mergeContacts(records: Contact[], choices: Choices): ContactUpdate {
  const pick = <K extends keyof Contact>(key: K & string): Contact[K] => sourceOf(records, choices, key, (r) => r[key])[key];
  const emailFrom = sourceOf(records, choices, 'email', (r) => r.emails);
  const phoneFrom = sourceOf(records, choices, 'phone', (r) => r.phones);
  const consentFrom = records.find((r) => r.id === choices.get('consent')) ?? records[0];
  return {
    firstName: pick('firstName'),
    lastName: pick('lastName'),
    title: pick('title'),
    companyId: pick('companyId'),
    ownerId: pick('ownerId'),
    lifecycleStage: pick('lifecycleStage') as ContactUpdate['lifecycleStage'],
    birthday: pick('birthday'),
    description: pick('description'),
    addresses: pick('addresses'),
    consent: consentFrom.consent,
    emails: unite(records, emailFrom, (r) => r.emails, (e) => e.email),
    phones: unite(records, phoneFrom, (r) => r.phones, (p) => p.phone),
    tags: uniteTags(records),
    custom: mergedCustom(records, choices),
  };
}

export function mergeCompanies(records: Company[], choices: Choices, mergedIds: Set<string>): CompanyUpdate {
  const pick = <K extends keyof Company>(key: K & string): Company[K] => sourceOf(records, choices, key, (r) => r[key])[key];
  const phoneFrom = sourceOf(records, choices, 'phone', (r) => r.phones);
  const parentId = pick('parentId');
  return {
    name: pick('name'),
    domain: pick('domain'),
    website: pick('website'),
    industry: pick('industry'),
    employees: pick('employees'),
    annualRevenue: pick('annualRevenue'),
    ownerId: pick('ownerId'),
    lifecycleStage: pick('lifecycleStage') as CompanyUpdate['lifecycleStage'],
    description: pick('description'),
    addresses: pick('addresses'),
    // A parent that is being merged into the survivor would make the survivor its own parent.
    parentId: parentId && (mergedIds.has(parentId) || parentId === records[0].id) ? null : parentId,
    phones: unite(records, phoneFrom, (r) => r.phones, (p) => p.phone),
    tags: uniteTags(records),
    custom: mergedCustom(records, choices),
  };
}

export const MERGE_FIELDS = { contacts: CONTACT_MERGE_FIELDS, companies: COMPANY_MERGE_FIELDS } as const;

import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { Address } from '../../../contract/common';
import type { CustomField } from '../../../contract/custom-fields';
import { formatNumber } from '../../lib/format';
import { stageLabel } from '../records/object-config';
import type { DuplicateType, MergeableRecord } from './use-duplicates';

/** One row of the merge screen: a field whose surviving value is picked from one record. */
export type MergeRow = {
  key: string;
  label: string;
  /** What decides whether a record has a value (the server keeps a non-blank one by default). */
  raw: (r: MergeableRecord) => unknown;
  show: (r: MergeableRecord, names: { member: (id: string) => string }) => string;
};

/** Rows that are not picked but united: every record's entries survive. */
export type UnionRow = { key: string; label: string; values: (r: MergeableRecord) => string[] };

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '' : String(v));
const address = (a: Address) => [a.street, a.city, a.postalCode, a.region, a.country].filter(Boolean).join(', ');
const c = (r: MergeableRecord) => r as Contact;
const co = (r: MergeableRecord) => r as Company;

const plain = (key: string, label: string, get: (r: MergeableRecord) => unknown): MergeRow => ({ key, label, raw: get, show: (r) => text(get(r)) });
const owner: MergeRow = { key: 'ownerId', label: 'Owner', raw: (r) => r.ownerId, show: (r, n) => (r.ownerId ? n.member(r.ownerId) : '') };
const stage: MergeRow = { key: 'lifecycleStage', label: 'Lifecycle stage', raw: (r) => r.lifecycleStage, show: (r) => (r.lifecycleStage ? stageLabel(r.lifecycleStage) : '') };
const addresses: MergeRow = { key: 'addresses', label: 'Addresses', raw: (r) => r.addresses, show: (r) => r.addresses.map(address).join(' · ') };

const CONTACT_ROWS: MergeRow[] = [
  plain('firstName', 'First name', (r) => c(r).firstName),
  plain('lastName', 'Last name', (r) => c(r).lastName),
  plain('title', 'Job title', (r) => c(r).title),
  { key: 'email', label: 'Primary email', raw: (r) => c(r).emails, show: (r) => text(c(r).email) },
  { key: 'phone', label: 'Primary phone', raw: (r) => c(r).phones, show: (r) => text(c(r).phone) },
  { key: 'companyId', label: 'Company', raw: (r) => c(r).companyId, show: (r) => c(r).company?.name ?? '' },
  owner,
  stage,
  plain('birthday', 'Birthday', (r) => c(r).birthday),
  addresses,
  {
    key: 'consent',
    label: 'Consent',
    raw: (r) => c(r).consent,
    show: (r) => {
      const given = Object.entries(c(r).consent).filter(([, yes]) => yes).map(([k]) => k);
      return given.length ? given.join(', ') : 'none';
    },
  },
  plain('description', 'Description', (r) => c(r).description),
];

const COMPANY_ROWS: MergeRow[] = [
  plain('name', 'Name', (r) => co(r).name),
  plain('domain', 'Domain', (r) => co(r).domain),
  plain('website', 'Website', (r) => co(r).website),
  plain('industry', 'Industry', (r) => co(r).industry),
  { key: 'employees', label: 'Employees', raw: (r) => co(r).employees, show: (r) => (co(r).employees === null ? '' : formatNumber(co(r).employees!)) },
  { key: 'annualRevenue', label: 'Annual revenue', raw: (r) => co(r).annualRevenue, show: (r) => (co(r).annualRevenue === null ? '' : formatNumber(co(r).annualRevenue!)) },
  { key: 'phone', label: 'Primary phone', raw: (r) => co(r).phones, show: (r) => text(co(r).phone) },
  { key: 'parentId', label: 'Parent company', raw: (r) => co(r).parentId, show: (r) => co(r).parent?.name ?? '' },
  owner,
  stage,
  addresses,
  plain('description', 'Description', (r) => co(r).description),
];

export function mergeRows(type: DuplicateType, customDefs: CustomField[]): MergeRow[] {
  const custom = customDefs.map((d) => ({
    key: `custom.${d.key}`,
    label: d.label,
    raw: (r: MergeableRecord) => r.custom[d.key],
    show: (r: MergeableRecord) => {
      const v = r.custom[d.key];
      if (Array.isArray(v)) return v.join(', ');
      if (typeof v === 'boolean') return v ? 'Yes' : 'No';
      return text(v);
    },
  }));
  return [...(type === 'contacts' ? CONTACT_ROWS : COMPANY_ROWS), ...custom];
}

export function unionRows(type: DuplicateType): UnionRow[] {
  const phones: UnionRow = { key: 'phones', label: 'Phones', values: (r) => r.phones.map((p) => p.phone) };
  const tags: UnionRow = { key: 'tags', label: 'Tags', values: (r) => r.tags };
  return type === 'contacts' ? [{ key: 'emails', label: 'Emails', values: (r) => c(r).emails.map((e) => e.email) }, phones, tags] : [phones, tags];
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The record whose value survives when nobody picks: the survivor's, else the first other record with one (as the server does). */
export function defaultSource(row: MergeRow, ordered: MergeableRecord[]): string {
  return (ordered.find((r) => !isBlank(row.raw(r))) ?? ordered[0]).id;
}

/** Whether the records disagree on a field (otherwise there is nothing to pick). */
export function differs(row: MergeRow, records: MergeableRecord[]): boolean {
  const values = new Set(records.map((r) => JSON.stringify(row.raw(r) ?? null)));
  return values.size > 1;
}

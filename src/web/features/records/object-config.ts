import type { ComponentType } from 'react';
import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { RecordType } from '../../../contract/custom-fields';
import type { Deal } from '../../../contract/deals';
import type { SortSpec } from '../../../contract/filter';
import type { Lead } from '../../../contract/leads';

export type AnyRecord = Contact | Company | Lead | Deal;

/** A table cell an object draws itself (money in minor units, a stage name for a stage id…). */
export type CellComponent = ComponentType<{ record: AnyRecord }>;

export type ObjectConfig = {
  type: RecordType;
  singular: string;
  plural: string;
  /** The column that names the record and links to it; always shown, pinned left. */
  primaryColumn: string;
  defaultColumns: string[];
  defaultSort: SortSpec[];
  titleOf(record: AnyRecord): string;
  /** The fields of the short "New …" form, in order. */
  formFields: string[];
  /** What the empty list says before the first record exists. */
  emptyText: string;
  /** Columns drawn by the object itself instead of from the raw value. */
  cells?: Record<string, CellComponent>;
  /** A "New …" dialog of the object's own, in place of the generic short form. */
  CreateModal?: ComponentType<{ opened: boolean; onClose: () => void }>;
};

export const CONTACTS: ObjectConfig = {
  type: 'contacts',
  singular: 'contact',
  plural: 'contacts',
  primaryColumn: 'fullName',
  defaultColumns: ['email', 'phone', 'companyId', 'title', 'lifecycleStage', 'tags', 'updatedAt'],
  defaultSort: [],
  titleOf: (r) => (r as Contact).fullName || (r as Contact).email || 'Unnamed contact',
  formFields: ['firstName', 'lastName', 'email', 'phone', 'title', 'companyId', 'lifecycleStage'],
  emptyText: 'Contacts are the people you work with. Add the first one to get started.',
};

export const COMPANIES: ObjectConfig = {
  type: 'companies',
  singular: 'company',
  plural: 'companies',
  primaryColumn: 'name',
  defaultColumns: ['domain', 'industry', 'employees', 'lifecycleStage', 'tags', 'updatedAt'],
  defaultSort: [],
  titleOf: (r) => (r as Company).name || 'Unnamed company',
  formFields: ['name', 'domain', 'website', 'industry', 'employees', 'lifecycleStage'],
  emptyText: 'Companies group your contacts. Add the first one to get started.',
};

export const LEADS: ObjectConfig = {
  type: 'leads',
  singular: 'lead',
  plural: 'leads',
  primaryColumn: 'name',
  defaultColumns: ['companyName', 'email', 'status', 'source', 'score', 'ownerId', 'updatedAt'],
  defaultSort: [],
  titleOf: (r) => (r as Lead).name || 'Unnamed lead',
  formFields: ['name', 'email', 'companyName', 'title', 'phone', 'source', 'status', 'ownerId'],
  emptyText: 'Leads are people who might buy, not yet qualified. Add one, score it, then convert it into a contact and a deal.',
};

/** The deal list adds its own cells (money, stages) and create dialog (pipeline, stage, amount): features/deals. */
export const DEALS: ObjectConfig = {
  type: 'deals',
  singular: 'deal',
  plural: 'deals',
  primaryColumn: 'name',
  defaultColumns: ['amount', 'stageId', 'closeDate', 'companyId', 'ownerId', 'updatedAt'],
  defaultSort: [],
  titleOf: (r) => (r as Deal).name || 'Unnamed deal',
  formFields: ['name', 'closeDate', 'companyId', 'ownerId'],
  emptyText: 'Deals are the sales you are working on, each in a stage of a pipeline. Add one, or convert a lead.',
};

const CONFIGS: Record<RecordType, ObjectConfig> = { contacts: CONTACTS, companies: COMPANIES, leads: LEADS, deals: DEALS };
export const configOf = (type: RecordType) => CONFIGS[type];

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;

const STAGE_LABELS: Record<string, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  marketing_qualified: 'Marketing qualified',
  sales_qualified: 'Sales qualified',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
  other: 'Other',
};
export const stageLabel = (stage: string) => STAGE_LABELS[stage] ?? stage;
export const STAGE_OPTIONS = LIFECYCLE_STAGES.map((value) => ({ value, label: stageLabel(value) }));
export const STAGE_COLORS: Record<string, string> = {
  subscriber: 'gray',
  lead: 'blue',
  marketing_qualified: 'cyan',
  sales_qualified: 'teal',
  opportunity: 'grape',
  customer: 'green',
  evangelist: 'orange',
  other: 'gray',
};

import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { ObjectType } from '../../../contract/custom-fields';
import type { SortSpec } from '../../../contract/filter';

export type AnyRecord = Contact | Company;

export type ObjectConfig = {
  type: ObjectType;
  singular: string;
  plural: string;
  /** The column that names the record and links to it; always shown, pinned left. */
  primaryColumn: string;
  defaultColumns: string[];
  defaultSort: SortSpec[];
  titleOf(record: AnyRecord): string;
};

export const CONTACTS: ObjectConfig = {
  type: 'contacts',
  singular: 'contact',
  plural: 'contacts',
  primaryColumn: 'fullName',
  defaultColumns: ['email', 'phone', 'companyId', 'title', 'lifecycleStage', 'tags', 'updatedAt'],
  defaultSort: [],
  titleOf: (r) => (r as Contact).fullName || (r as Contact).email || 'Unnamed contact',
};

export const COMPANIES: ObjectConfig = {
  type: 'companies',
  singular: 'company',
  plural: 'companies',
  primaryColumn: 'name',
  defaultColumns: ['domain', 'industry', 'employees', 'lifecycleStage', 'tags', 'updatedAt'],
  defaultSort: [],
  titleOf: (r) => (r as Company).name || 'Unnamed company',
};

export const configOf = (type: ObjectType) => (type === 'companies' ? COMPANIES : CONTACTS);

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

import type { CustomField, CustomFieldType, RecordType } from '../../../contract/custom-fields';
import { LEAD_STATUSES } from '../../../contract/leads';
import { LIFECYCLE_STAGES } from './object-config';

export type EditorType = CustomFieldType | 'tags' | 'company' | 'member' | 'stage';

/** How a field is edited: the input it gets and what that input needs. */
export type EditorSpec = {
  key: string;
  label: string;
  type: EditorType;
  options?: string[];
  /** How a select shows its options, when the stored values are not words a person reads. */
  optionLabels?: Record<string, string>;
  currency?: string | null;
  required?: boolean;
};

type BuiltIn = { label: string; type: EditorType; options?: readonly string[]; optionLabels?: Record<string, string> };

export const LEAD_STATUS_LABELS: Record<string, string> = { new: 'New', working: 'Working', qualified: 'Qualified', disqualified: 'Disqualified', converted: 'Converted' };

const COMMON: Record<string, BuiltIn> = {
  phone: { label: 'Phone', type: 'phone' },
  ownerId: { label: 'Owner', type: 'member' },
  lifecycleStage: { label: 'Lifecycle stage', type: 'stage' },
  tags: { label: 'Tags', type: 'tags' },
  description: { label: 'Description', type: 'long_text' },
};

const BUILT_IN: Record<RecordType, Record<string, BuiltIn>> = {
  contacts: {
    firstName: { label: 'First name', type: 'text' },
    lastName: { label: 'Last name', type: 'text' },
    title: { label: 'Job title', type: 'text' },
    email: { label: 'Email', type: 'email' },
    companyId: { label: 'Company', type: 'company' },
    birthday: { label: 'Birthday', type: 'date' },
    'consent.email': { label: 'Email consent', type: 'boolean' },
    'consent.sms': { label: 'SMS consent', type: 'boolean' },
    'consent.phone': { label: 'Phone consent', type: 'boolean' },
    ...COMMON,
  },
  companies: {
    name: { label: 'Name', type: 'text' },
    domain: { label: 'Domain', type: 'text' },
    website: { label: 'Website', type: 'url' },
    industry: { label: 'Industry', type: 'text' },
    employees: { label: 'Employees', type: 'number' },
    annualRevenue: { label: 'Annual revenue', type: 'number' },
    parentId: { label: 'Parent company', type: 'company' },
    ...COMMON,
  },
  leads: {
    name: { label: 'Name', type: 'text' },
    email: { label: 'Email', type: 'email' },
    phone: { label: 'Phone', type: 'phone' },
    companyName: { label: 'Company', type: 'text' },
    title: { label: 'Job title', type: 'text' },
    source: { label: 'Source', type: 'text' },
    status: { label: 'Status', type: 'select', options: LEAD_STATUSES, optionLabels: LEAD_STATUS_LABELS },
    ownerId: COMMON.ownerId,
    tags: COMMON.tags,
    description: COMMON.description,
  },
  // Amount and stage have editors of their own on the deal page and the board (money in minor
  // units, stages of the deal's pipeline).
  deals: {
    name: { label: 'Name', type: 'text' },
    currency: { label: 'Currency', type: 'text' },
    closeDate: { label: 'Expected close', type: 'date' },
    companyId: { label: 'Company', type: 'company' },
    lostReason: { label: 'Lost reason', type: 'text' },
    ownerId: COMMON.ownerId,
    tags: COMMON.tags,
    description: COMMON.description,
  },
};

export function customEditor(def: CustomField): EditorSpec {
  return {
    key: `custom.${def.key}`,
    label: def.label,
    type: def.type as CustomFieldType,
    options: def.choices,
    currency: def.currency,
    required: def.required,
  };
}

/** The editor for a list column or bulk edit, or null when the field cannot be changed directly. */
export function editorFor(type: RecordType, key: string, customDefs: CustomField[]): EditorSpec | null {
  if (key.startsWith('custom.')) {
    const def = customDefs.find((d) => `custom.${d.key}` === key);
    return def ? customEditor(def) : null;
  }
  const builtIn = BUILT_IN[type][key];
  if (!builtIn) return null;
  const options = builtIn.type === 'stage' ? [...LIFECYCLE_STAGES] : builtIn.options ? [...builtIn.options] : undefined;
  return { key, label: builtIn.label, type: builtIn.type, options, optionLabels: builtIn.optionLabels, required: key === 'name' };
}

/** Every field that bulk edit offers, built-in ones first. */
export function editableFields(type: RecordType, customDefs: CustomField[]): EditorSpec[] {
  return [...Object.keys(BUILT_IN[type]).map((key) => editorFor(type, key, customDefs)!), ...customDefs.map(customEditor)];
}

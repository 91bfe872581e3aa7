import type { TSchema } from '@sinclair/typebox';
import { LIFECYCLE_STAGES } from '../../../contract/common';
import { CompanyCreate } from '../../../contract/companies';
import { ContactCreate } from '../../../contract/contacts';
import type { CustomField } from '../../../contract/custom-fields';
import { isEmail } from '../../platform/normalize';
import { type Converted, checked } from './import-check';
import { SALES_ALIASES, SALES_LABELS, SALES_TARGETS, toDealInput, toLeadInput } from './import-sales-mapping';

export type ImportObject = 'contacts' | 'companies' | 'leads' | 'deals';
/** CSV header → target field (`firstName`, `city`, `custom.tier`, …); unmapped headers are ignored. */
export type Mapping = Record<string, string>;

const ADDRESS = ['street', 'city', 'region', 'postalCode', 'country'];
export const TARGETS: Record<ImportObject, string[]> = {
  contacts: ['firstName', 'lastName', 'fullName', 'email', 'email2', 'phone', 'mobile', 'title', 'companyName', 'lifecycleStage', 'tags', 'birthday', 'description', ...ADDRESS],
  companies: ['name', 'domain', 'website', 'industry', 'employees', 'annualRevenue', 'phone', 'lifecycleStage', 'tags', 'description', ...ADDRESS],
  ...SALES_TARGETS,
};

// Header names as HubSpot, Salesforce, Zoho and people write them, compared without case,
// spaces or punctuation.
const ALIASES: Record<string, string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'prenom', 'vorname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'nom', 'nachname'],
  fullName: ['name', 'fullname', 'contactname', 'contact'],
  email: ['email', 'emailaddress', 'email1', 'primaryemail', 'workemail', 'mail'],
  email2: ['email2', 'secondaryemail', 'additionalemailaddresses', 'otheremail'],
  phone: ['phone', 'phonenumber', 'workphone', 'businessphone', 'telephone', 'tel'],
  mobile: ['mobile', 'mobilephone', 'mobilephonenumber', 'cellphone', 'cell'],
  title: ['title', 'jobtitle', 'position', 'role'],
  companyName: ['company', 'companyname', 'accountname', 'account', 'organization', 'organisation'],
  name: ['name', 'companyname', 'accountname', 'company', 'organization', 'organisation', 'dealname', 'opportunityname', 'leadname', 'fullname', 'contactname'],
  domain: ['domain', 'companydomainname', 'companydomain', 'domainname'],
  website: ['website', 'websiteurl', 'url', 'web', 'homepage'],
  industry: ['industry', 'sector'],
  employees: ['employees', 'numberofemployees', 'employeecount', 'headcount', 'companysize'],
  annualRevenue: ['annualrevenue', 'revenue'],
  lifecycleStage: ['lifecyclestage', 'stage', 'leadstatus', 'lifecycle'],
  tags: ['tags', 'labels', 'tag'],
  birthday: ['birthday', 'birthdate', 'dateofbirth'],
  description: ['description', 'notes', 'note', 'about'],
  street: ['street', 'streetaddress', 'address', 'mailingstreet', 'billingstreet', 'mailingaddress'],
  city: ['city', 'town', 'mailingcity', 'billingcity'],
  region: ['region', 'state', 'stateregion', 'province', 'county', 'mailingstate', 'billingstate', 'stateprovince'],
  postalCode: ['postalcode', 'zip', 'zipcode', 'postcode', 'mailingzip', 'billingzip', 'mailingpostalcode', 'billingpostalcode', 'ziporpostalcode'],
  country: ['country', 'countryregion', 'mailingcountry', 'billingcountry', 'countrycode'],
  ...SALES_ALIASES,
};
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Proposes a mapping from the headers; each target is used once, custom fields match by key or label. */
export function suggestMapping(object: ImportObject, headers: string[], customDefs: CustomField[]): Mapping {
  const out: Mapping = {};
  const used = new Set<string>();
  for (const header of headers) {
    const h = squash(header);
    const target =
      TARGETS[object].find((t) => !used.has(t) && (squash(t) === h || ALIASES[t]?.includes(h))) ??
      customDefs.map((d) => `custom.${d.key}`).find((t, i) => !used.has(t) && (squash(customDefs[i].key) === h || squash(customDefs[i].label) === h));
    if (target) {
      out[header] = target;
      used.add(target);
    }
  }
  return out;
}

/** Targets that do not exist for this object (a mapping is checked before anything runs). */
const LABELS: Record<string, string> = {
  firstName: 'First name', lastName: 'Last name', fullName: 'Full name (split in two)', email: 'Email', email2: 'Second email', phone: 'Phone', mobile: 'Mobile',
  title: 'Job title', companyName: 'Company (by name)', lifecycleStage: 'Lifecycle stage', tags: 'Tags', birthday: 'Birthday', description: 'Description',
  street: 'Street', city: 'City', region: 'Region / state', postalCode: 'Postal code', country: 'Country', name: 'Name', domain: 'Domain', website: 'Website',
  industry: 'Industry', employees: 'Employees', annualRevenue: 'Annual revenue',
  ...SALES_LABELS,
};

/** The fields a column can go to, with labels for a mapping screen (custom fields last). */
export function targetsOf(object: ImportObject, customDefs: CustomField[]): { key: string; label: string }[] {
  return [
    ...TARGETS[object].map((key) => ({ key, label: LABELS[key] ?? key })),
    ...customDefs.map((d) => ({ key: `custom.${d.key}`, label: `${d.label} (custom)` })),
  ];
}

export function unknownTargets(object: ImportObject, mapping: Mapping, customDefs: CustomField[]): string[] {
  const custom = new Set(customDefs.map((d) => `custom.${d.key}`));
  return Object.values(mapping).filter((t) => t && !TARGETS[object].includes(t) && !custom.has(t));
}

/** Country names in English (every region Intl knows) → ISO 3166-1 alpha-2; built on first use. */
let regionNames: Map<string, string> | null = null;
function regions(): Map<string, string> {
  if (regionNames) return regionNames;
  regionNames = new Map();
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code) regionNames.set(name.toLowerCase(), code);
    }
  }
  return regionNames;
}

/** A country as written (`Germany`, `de`, `USA`) → its two-letter code, or the text as is when unknown. */
export function countryCode(value: string): string {
  const v = value.trim();
  if (/^[a-z]{2}$/i.test(v)) return v.toUpperCase();
  return COUNTRIES[v.toLowerCase()] ?? regions().get(v.toLowerCase()) ?? v;
}

const COUNTRIES: Record<string, string> = { 'united states': 'US', usa: 'US', 'united kingdom': 'GB', uk: 'GB', germany: 'DE', france: 'FR', spain: 'ES', italy: 'IT', canada: 'CA', netherlands: 'NL', australia: 'AU', ireland: 'IE', india: 'IN', brazil: 'BR', japan: 'JP' };

function lifecycle(v: string): string {
  const s = v.toLowerCase().replace(/[\s-]+/g, '_');
  if (s === 'marketing_qualified_lead' || s === 'mql') return 'marketing_qualified';
  if (s === 'sales_qualified_lead' || s === 'sql') return 'sales_qualified';
  return (LIFECYCLE_STAGES as readonly string[]).includes(s) ? s : v;
}

function number(v: string): number | string {
  const n = Number(v.replace(/[\s,]/g, ''));
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

function customValue(def: CustomField, v: string): unknown {
  switch (def.type) {
    case 'number':
    case 'currency':
      return number(v);
    case 'boolean': {
      const s = v.trim().toLowerCase();
      if (['true', 'yes', 'y', '1', 'x'].includes(s)) return true;
      if (['false', 'no', 'n', '0'].includes(s)) return false;
      return v;
    }
    case 'multi_select':
      return v.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
    default:
      return v;
  }
}

export type { Converted } from './import-check';

/** One CSV row → a create input for the record service, or why it cannot be one. */
export function toInput(object: ImportObject, mapping: Mapping, row: Record<string, string>, customDefs: CustomField[]): Converted {
  const v: Record<string, string> = {};
  for (const [header, target] of Object.entries(mapping)) {
    const value = (row[header] ?? '').trim();
    if (target && value !== '') v[target] = value;
  }
  const input: Record<string, any> = {};
  const defs = new Map(customDefs.map((d) => [`custom.${d.key}`, d]));
  for (const [target, value] of Object.entries(v)) {
    const def = defs.get(target);
    if (def) (input.custom ??= {})[def.key] = customValue(def, value);
  }
  if (object === 'leads') return toLeadInput(v, input.custom);
  if (object === 'deals') return toDealInput(v, input.custom);
  const address = Object.fromEntries(ADDRESS.filter((k) => v[k]).map((k) => [k, k === 'country' ? countryCode(v[k]) : v[k]]));
  if (Object.keys(address).length) input.addresses = [address];
  if (v.lifecycleStage) input.lifecycleStage = lifecycle(v.lifecycleStage);
  if (v.tags) input.tags = v.tags.split(/[;,]/).map((t) => t.trim()).filter(Boolean);
  if (v.description) input.description = v.description;
  const phones = [v.phone && { phone: v.phone, label: 'work' }, v.mobile && { phone: v.mobile, label: 'mobile' }].filter(Boolean);
  if (phones.length) input.phones = phones;

  let schema: TSchema;
  if (object === 'contacts') {
    let [first, last] = [v.firstName, v.lastName];
    if (!first && !last && v.fullName) {
      const parts = v.fullName.split(/\s+/);
      first = parts[0];
      last = parts.slice(1).join(' ') || '';
    }
    if (first) input.firstName = first;
    if (last) input.lastName = last;
    if (v.title) input.title = v.title;
    if (v.birthday) input.birthday = v.birthday;
    const emails = [v.email, v.email2].filter(Boolean);
    const bad = emails.find((e) => !isEmail(e));
    if (bad) return { error: `email: "${bad}" is not an email address` };
    if (emails.length) input.emails = emails.map((email, i) => ({ email, label: i === 0 ? 'work' : 'other' }));
    schema = ContactCreate;
  } else {
    if (v.name) input.name = v.name;
    else return { error: 'name: a company needs a name' };
    if (v.domain) input.domain = v.domain.replace(/^https?:\/\//i, '').replace(/\/.*$/, '');
    if (v.website) input.website = /^https?:\/\//i.test(v.website) ? v.website : `https://${v.website}`;
    if (v.industry) input.industry = v.industry;
    if (v.employees) input.employees = number(v.employees);
    if (v.annualRevenue) input.annualRevenue = number(v.annualRevenue);
    schema = CompanyCreate;
  }
  return checked(schema, input, object === 'contacts' ? v.companyName : undefined);
}

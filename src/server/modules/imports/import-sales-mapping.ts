import { DealCreate } from '../../../contract/deals';
import { LEAD_STATUSES, LeadCreate } from '../../../contract/leads';
import { isEmail } from '../../platform/normalize';
import { type Converted, checked } from './import-check';

/** What a deal row names rather than holds: resolved to ids per chunk (pipeline and stage by name, company by name or domain, contact by email). */
export type DealRefs = { pipeline?: string; stage?: string; companyName?: string; companyDomain?: string; contactEmail?: string };

export const SALES_TARGETS = {
  // Order matters for suggestions: "Company" goes to the lead's company before "Name" goes to its name.
  leads: ['firstName', 'lastName', 'companyName', 'name', 'email', 'phone', 'title', 'source', 'status', 'tags', 'description'],
  deals: ['companyName', 'companyDomain', 'contactEmail', 'name', 'amount', 'currency', 'closeDate', 'pipeline', 'stage', 'lostReason', 'tags', 'description'],
};

export const SALES_ALIASES: Record<string, string[]> = {
  source: ['source', 'leadsource', 'origin', 'channel'],
  status: ['status', 'leadstatus'],
  companyDomain: ['companydomain', 'companydomainname', 'domain', 'accountdomain', 'companywebsite', 'website'],
  contactEmail: ['contactemail', 'email', 'primarycontactemail', 'contact'],
  amount: ['amount', 'value', 'dealvalue', 'dealamount', 'opportunityamount'],
  currency: ['currency', 'currencycode', 'currencyisocode', 'dealcurrencycode'],
  closeDate: ['closedate', 'expectedclosedate', 'closingdate', 'closedat'],
  pipeline: ['pipeline', 'salespipeline', 'dealpipeline'],
  stage: ['stage', 'dealstage', 'salesstage', 'opportunitystage'],
  lostReason: ['lostreason', 'closedlostreason', 'reasonlost'],
};

export const SALES_LABELS: Record<string, string> = {
  source: 'Source', status: 'Status', companyDomain: 'Company (by domain)', contactEmail: 'Contact (by email)', amount: 'Amount', currency: 'Currency',
  closeDate: 'Close date', pipeline: 'Pipeline (by name)', stage: 'Stage (by name)', lostReason: 'Lost reason',
};

/** Digits after the decimal point in a currency (JPY 0, EUR 2, KWD 3). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount as people write it (`1,234.50`, `1.234,50`, `$ 1 234`, `-12`) → integer minor units
 * of the currency, exactly (never through a float). More decimals than the currency has is an error.
 */
export function toMinorUnits(text: string, currency: string): bigint | string {
  let s = text.replace(/[\s\u00a0'’]/g, '').replace(/^[^\d\-+.,(]+|[^\d.,)]+$/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return `"${text}" is not an amount`;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalAt = Math.max(lastDot, lastComma);
  // One kind of separator: it is the decimal point only if it is there once and not followed by exactly three digits (1,234 is a thousand).
  if (lastDot < 0 || lastComma < 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = s.split(sep).length - 1;
    if (decimalAt >= 0 && (count > 1 || s.length - decimalAt - 1 === 3)) decimalAt = -1;
  }
  const whole = (decimalAt >= 0 ? s.slice(0, decimalAt) : s).replace(/[.,]/g, '');
  const fraction = decimalAt >= 0 ? s.slice(decimalAt + 1) : '';
  if (/[.,]/.test(fraction)) return `"${text}" is not an amount`;
  const digits = minorDigits(currency);
  if (fraction.length > digits) return `"${text}" has more decimals than ${currency} has (${digits})`;
  const minor = BigInt((whole || '0') + fraction.padEnd(digits, '0'));
  return negative ? -minor : minor;
}

/** `2026-03-31`, `31/03/2026`, `03/31/2026` (when unambiguous) or `31.03.2026` → `2026-03-31`. */
export function toDate(text: string): string | undefined {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (!m) return undefined;
  let [day, month] = [Number(m[1]), Number(m[2])];
  if (s.includes('/') && month > 12 && day <= 12) [day, month] = [month, day]; // US order
  if (month > 12 || day > 31) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A lead row (target → value) → a lead create input. */
export function toLeadInput(v: Record<string, string>, custom: Record<string, unknown> | undefined): Converted {
  const input: Record<string, any> = {};
  const name = v.name ?? [v.firstName, v.lastName].filter(Boolean).join(' ');
  if (!name) return { error: 'name: a lead needs a name (or a first and last name)' };
  input.name = name;
  if (v.email) {
    if (!isEmail(v.email)) return { error: `email: "${v.email}" is not an email address` };
    input.email = v.email;
  }
  for (const k of ['phone', 'companyName', 'title', 'source', 'description'] as const) if (v[k]) input[k] = v[k];
  if (v.status) {
    const s = v.status.toLowerCase().replace(/[\s-]+/g, '_');
    input.status = s === 'open' || s === 'open_lead' ? 'new' : s === 'in_progress' || s === 'contacted' ? 'working' : s === 'unqualified' ? 'disqualified' : s;
    if (!(LEAD_STATUSES as readonly string[]).includes(input.status)) return { error: `status: "${v.status}" is not one of ${LEAD_STATUSES.join(', ')}` };
  }
  if (v.tags) input.tags = [...new Set(v.tags.split(/[;,]/).map((t) => t.trim()).filter(Boolean))];
  if (custom) input.custom = custom;
  return checked(LeadCreate, input);
}

/** A deal row → a deal create input, with the names it refers to kept aside for the chunk to resolve. */
export function toDealInput(v: Record<string, string>, custom: Record<string, unknown> | undefined): Converted & { refs?: DealRefs } {
  const input: Record<string, any> = {};
  if (!v.name) return { error: 'name: a deal needs a name' };
  input.name = v.name;
  const currency = (v.currency ?? 'USD').toUpperCase();
  if (v.currency) input.currency = currency;
  if (v.amount) {
    const minor = toMinorUnits(v.amount, currency);
    if (typeof minor === 'string') return { error: `amount: ${minor}` };
    if (minor > 1_000_000_000_000n || minor < -1_000_000_000_000n) return { error: `amount: "${v.amount}" is too large` };
    input.amount = Number(minor);
  }
  if (v.closeDate) {
    const day = toDate(v.closeDate);
    if (!day) return { error: `closeDate: "${v.closeDate}" is not a date (2026-03-31 or 31.03.2026)` };
    input.closeDate = day;
  }
  if (v.contactEmail && !isEmail(v.contactEmail)) return { error: `contactEmail: "${v.contactEmail}" is not an email address` };
  for (const k of ['lostReason', 'description'] as const) if (v[k]) input[k] = v[k];
  if (v.tags) input.tags = [...new Set(v.tags.split(/[;,]/).map((t) => t.trim()).filter(Boolean))];
  if (custom) input.custom = custom;
  const refs: DealRefs = { pipeline: v.pipeline, stage: v.stage, companyName: v.companyName, companyDomain: v.companyDomain, contactEmail: v.contactEmail };
  const result = checked(DealCreate, input);
  return 'error' in result ? result : { ...result, refs };
}

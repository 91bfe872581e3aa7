import type { Filter, FilterCondition } from '../../../contract/filter';
import { type FieldInfo, operatorLabel, valueShape } from '../views/filter-model';
import { LEAD_STATUS_LABELS } from '../records/field-editors';

const show = (v: unknown, key: string) => (key === 'status' && typeof v === 'string' ? (LEAD_STATUS_LABELS[v] ?? v) : String(v));

function condition(c: FilterCondition, fields: FieldInfo[]): string {
  const field = fields.find((f) => f.key === c.field);
  const label = field?.label ?? c.field;
  const op = operatorLabel(c.op, field?.kind ?? 'text');
  const shape = valueShape(c.op);
  if (shape === 'none') return `${label} ${op}`;
  if (Array.isArray(c.value)) {
    const values = c.value.map((v) => show(v, c.field));
    return shape === 'pair' ? `${label} ${op} ${values[0]} and ${values[1]}` : `${label} ${op} ${values.join(', ')}`;
  }
  return `${label} ${op} ${show(c.value, c.field)}`;
}

/** A rule's filter in words, e.g. `Source is referral and (Job title contains CEO or Score at least 10)`. */
export function describeFilter(filter: Filter | null | undefined, fields: FieldInfo[], nested = false): string {
  if (!filter) return 'Every lead';
  const wrap = (s: string) => (nested ? `(${s})` : s);
  if ('and' in filter) return filter.and.length ? wrap(filter.and.map((f) => describeFilter(f, fields, true)).join(' and ')) : 'Every lead';
  if ('or' in filter) return filter.or.length ? wrap(filter.or.map((f) => describeFilter(f, fields, true)).join(' or ')) : 'No lead';
  if ('not' in filter) return `not ${describeFilter(filter.not, fields, true)}`;
  return condition(filter, fields);
}

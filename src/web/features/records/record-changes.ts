import type { AnyRecord } from './object-config';

/** Reads `custom.tier` or `consent.email` from a record. */
export function valueAt(record: AnyRecord, key: string): unknown {
  let value: unknown = record;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/**
 * The PATCH body that sets one field. `email` and `phone` are the first entries of their
 * lists, so setting them rewrites that entry and keeps the others.
 */
export function changesFor(record: AnyRecord, key: string, value: unknown): Record<string, unknown> {
  if (key === 'email' || key === 'phone') {
    const listKey = key === 'email' ? 'emails' : 'phones';
    const list = ((record as unknown as Record<string, unknown>)[listKey] as Record<string, unknown>[] | undefined) ?? [];
    const text = typeof value === 'string' ? value.trim() : '';
    const rest = list.slice(1);
    return { [listKey]: text ? [{ ...list[0], [key]: text }, ...rest] : rest };
  }
  if (key.startsWith('custom.')) {
    const v = emptyToNull(value);
    return { custom: { [key.slice(7)]: Array.isArray(v) && v.length === 0 ? null : v } };
  }
  if (key.startsWith('consent.')) return { consent: { [key.slice(8)]: !!value } };
  if (key === 'tags') return { tags: Array.isArray(value) ? value : [] };
  return { [key]: typeof value === 'string' ? emptyToNull(value.trim()) : emptyToNull(value) };
}

/** Adds a tag to a record's tags without repeating it. */
export function withTag(record: AnyRecord, tag: string): { tags: string[] } {
  const tags = record.tags ?? [];
  return { tags: tags.some((t) => t.toLowerCase() === tag.toLowerCase()) ? tags : [...tags, tag] };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What changed between the record as loaded and the edited draft, as a PATCH body: top-level
 * keys that differ, and inside `custom` only the keys that differ (a cleared value is null).
 */
export function diffDraft(base: Record<string, unknown>, draft: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(draft)) {
    if (key === 'custom') {
      const b = (base.custom ?? {}) as Record<string, unknown>;
      const d = (draft.custom ?? {}) as Record<string, unknown>;
      const custom: Record<string, unknown> = {};
      for (const k of new Set([...Object.keys(b), ...Object.keys(d)])) {
        const next = d[k] === '' || (Array.isArray(d[k]) && (d[k] as unknown[]).length === 0) ? null : (d[k] ?? null);
        if (!same(b[k], next)) custom[k] = next;
      }
      if (Object.keys(custom).length) out.custom = custom;
    } else {
      const next = draft[key] === '' ? null : draft[key];
      if (!same(base[key], next)) out[key] = next;
    }
  }
  return out;
}

/** One line of a record's history: a field, its value before and after. */
export type ChangeLine = { key: string; label: string; before: string; after: string };

type Change = { before: unknown; after: unknown };

/** Derived or internal properties the history leaves out: they repeat what another line says. */
const SKIP = new Set(['id', 'version', 'fullName', 'email', 'phone', 'company', 'parent', 'createdAt', 'updatedAt', 'deletedAt']);

const STRUCTURED: Record<string, string> = { email: 'email', phone: 'phone' };

/** A value as a short, human string: lists joined, entries by their main part, nothing as "empty". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'empty';
    return value
      .map((v) => {
        if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          const main = Object.keys(STRUCTURED).find((k) => typeof o[k] === 'string');
          if (main) return o.label ? `${o[main]} (${o.label})` : String(o[main]);
          return Object.values(o).filter((x) => typeof x === 'string' && x).join(', ') || 'address';
        }
        return String(v);
      })
      .join('; ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(', ');
  }
  return String(value);
}

/** Ids of records and people named in changes, so they can be shown by name. */
export function referencedIds(changes: Record<string, Change>, keys: string[]): string[] {
  return keys.flatMap((k) => [changes[k]?.before, changes[k]?.after]).filter((v): v is string => typeof v === 'string');
}

/**
 * Turns an audit event's changes into lines; custom fields and consent are split per key.
 * `nameOf` shows ids (owner, company) as names when it knows them.
 */
export function describeChanges(changes: Record<string, Change>, labelOf: (key: string) => string, nameOf: (key: string, id: string) => string | undefined = () => undefined): ChangeLine[] {
  const show = (key: string, v: unknown) => (typeof v === 'string' && nameOf(key, v)) || formatValue(v);
  const lines: ChangeLine[] = [];
  for (const [key, change] of Object.entries(changes)) {
    if (SKIP.has(key)) continue;
    if (key === 'custom' || key === 'consent') {
      const before = (change.before ?? {}) as Record<string, unknown>;
      const after = (change.after ?? {}) as Record<string, unknown>;
      for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (JSON.stringify(before[k] ?? null) === JSON.stringify(after[k] ?? null)) continue;
        const path = `${key}.${k}`;
        lines.push({ key: path, label: labelOf(path), before: formatValue(before[k]), after: formatValue(after[k]) });
      }
      continue;
    }
    lines.push({ key, label: labelOf(key), before: show(key, change.before), after: show(key, change.after) });
  }
  return lines;
}

export const ACTION_LABELS: Record<string, string> = {
  created: 'Created',
  updated: 'Updated',
  deleted: 'Moved to the trash',
  restored: 'Restored from the trash',
  purged: 'Deleted for good',
};

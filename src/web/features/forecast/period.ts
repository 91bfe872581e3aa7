/** Forecast and commission periods as the API names them: `2026-11` (a month) or `2026-Q4`. */
export type PeriodKind = 'month' | 'quarter';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const periodKind = (key: string): PeriodKind => (key.includes('Q') ? 'quarter' : 'month');

export function isPeriod(key: string | null | undefined): key is string {
  return !!key && /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(key);
}

/** The period of `kind` that holds `date` (in UTC, like the server). */
export function periodOf(kind: PeriodKind, date: Date = new Date()): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  return kind === 'month' ? `${y}-${String(m + 1).padStart(2, '0')}` : `${y}-Q${Math.floor(m / 3) + 1}`;
}

/** The period `delta` steps before (−) or after (+) `key`, of the same kind. */
export function shiftPeriod(key: string, delta: number): string {
  const [ys, part] = key.split('-');
  const perYear = part.startsWith('Q') ? 4 : 12;
  const index = Number(ys) * perYear + (part.startsWith('Q') ? Number(part.slice(1)) : Number(part)) - 1 + delta;
  const y = Math.floor(index / perYear);
  const n = (index % perYear) + 1;
  return perYear === 4 ? `${y}-Q${n}` : `${y}-${String(n).padStart(2, '0')}`;
}

/** The same moment seen as the other kind: 2026-11 → 2026-Q4, 2026-Q4 → 2026-10. */
export function switchKind(key: string, kind: PeriodKind): string {
  if (periodKind(key) === kind) return key;
  const [y, part] = key.split('-');
  if (kind === 'quarter') return `${y}-Q${Math.floor((Number(part) - 1) / 3) + 1}`;
  return `${y}-${String((Number(part.slice(1)) - 1) * 3 + 1).padStart(2, '0')}`;
}

export function periodLabel(key: string): string {
  const [y, part] = key.split('-');
  return part.startsWith('Q') ? `${part} ${y}` : `${MONTHS[Number(part) - 1]} ${y}`;
}

import { AppError } from './errors';

export type Period = { key: string; start: string; end: string };

const pad = (n: number) => String(n).padStart(2, '0');
const firstOf = (year: number, month: number) => `${year + Math.floor((month - 1) / 12)}-${pad(((month - 1) % 12) + 1)}-01`;

/** `2026-11` → Nov 2026, `2026-Q4` → Oct–Dec 2026; `end` is the first day after the period. */
export function parsePeriod(key: string, field = 'period'): Period {
  const m = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/.exec(key);
  if (!m) throw new AppError('validation_failed', `${field}: use a month (2026-11) or a quarter (2026-Q4)`, { field });
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    return { key, start: firstOf(year, month), end: firstOf(year, month + 1) };
  }
  const first = (Number(m[3]) - 1) * 3 + 1;
  return { key, start: firstOf(year, first), end: firstOf(year, first + 3) };
}

/** The calendar day (UTC) of an instant, as YYYY-MM-DD. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return dayOf(d);
}

import dayjs from 'dayjs';
import type { Task } from '../../../contract/tasks';

export type DueBucket = 'overdue' | 'today' | 'upcoming' | 'undated';
export const BUCKETS: { key: DueBucket; label: string; empty: string }[] = [
  { key: 'overdue', label: 'Overdue', empty: 'Nothing overdue.' },
  { key: 'today', label: 'Today', empty: 'Nothing due today.' },
  { key: 'upcoming', label: 'Upcoming', empty: 'Nothing scheduled after today.' },
  { key: 'undated', label: 'No due date', empty: 'Every open task has a due date.' },
];

/** Same rule as GET /tasks/mine, in the browser's time zone: past due, later today, after today. */
export function dueBucket(dueAt: string | null, now: Date): DueBucket {
  if (!dueAt) return 'undated';
  const due = dayjs(dueAt);
  if (due.valueOf() < now.getTime()) return 'overdue';
  return due.isSame(dayjs(now), 'day') ? 'today' : 'upcoming';
}

/** Open tasks by bucket, each soonest first (undated ones newest first). */
export function groupByDue(tasks: Task[], now: Date): Record<DueBucket, Task[]> {
  const out: Record<DueBucket, Task[]> = { overdue: [], today: [], upcoming: [], undated: [] };
  for (const t of tasks) out[dueBucket(t.dueAt, now)].push(t);
  for (const key of ['overdue', 'today', 'upcoming'] as const) out[key].sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : a.dueAt! > b.dueAt! ? 1 : 0));
  out.undated.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return out;
}

export const isOpen = (t: Pick<Task, 'status'>) => t.status === 'open' || t.status === 'in_progress';

/** `Today 14:30`, `Tomorrow 09:00`, `Yesterday 17:00`, `Fri 3 Mar 10:00`, `3 Mar 2027 10:00`. */
export function dueLabel(dueAt: string, now: Date): string {
  const due = dayjs(dueAt);
  const today = dayjs(now).startOf('day');
  const days = due.startOf('day').diff(today, 'day');
  const time = due.format('HH:mm');
  if (days === 0) return `Today ${time}`;
  if (days === 1) return `Tomorrow ${time}`;
  if (days === -1) return `Yesterday ${time}`;
  return due.year() === today.year() ? `${due.format('ddd D MMM')} ${time}` : `${due.format('D MMM YYYY')} ${time}`;
}

/** ISO timestamp ↔ the value of an `<input type="datetime-local">` in the browser's zone. */
export const toLocalInput = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DDTHH:mm') : '');
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d.toISOString() : null;
}

export const RECURRENCE_OPTIONS = [
  { value: '', label: 'Does not repeat' },
  { value: 'daily', label: 'Every day' },
  { value: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', label: 'Every weekday' },
  { value: 'weekly', label: 'Every week' },
  { value: 'FREQ=WEEKLY;INTERVAL=2', label: 'Every two weeks' },
  { value: 'monthly', label: 'Every month' },
  { value: 'yearly', label: 'Every year' },
];

const FREQ_WORDS: Record<string, [string, string]> = { DAILY: ['day', 'days'], WEEKLY: ['week', 'weeks'], MONTHLY: ['month', 'months'], YEARLY: ['year', 'years'] };
const DAY_NAMES: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

/** A recurrence (keyword or RRULE subset) in words; null when there is none. */
export function recurrenceLabel(rule: string | null): string | null {
  if (!rule) return null;
  const preset = RECURRENCE_OPTIONS.find((o) => o.value && o.value.toLowerCase() === rule.toLowerCase());
  if (preset) return preset.label;
  const parts = Object.fromEntries(rule.split(';').map((p) => p.split('=') as [string, string]));
  const words = FREQ_WORDS[parts.FREQ?.toUpperCase()];
  if (!words) return rule;
  const n = Number(parts.INTERVAL ?? 1);
  let text = n > 1 ? `Every ${n} ${words[1]}` : `Every ${words[0]}`;
  if (parts.BYDAY) text += ` on ${parts.BYDAY.split(',').map((d) => DAY_NAMES[d.toUpperCase()] ?? d).join(', ')}`;
  if (parts.UNTIL && /^\d{8}/.test(parts.UNTIL)) text += ` until ${dayjs(parts.UNTIL.slice(0, 8)).format('D MMM YYYY')}`;
  return text;
}

export const PRIORITY_COLORS: Record<string, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
export const PRIORITY_OPTIONS = [
  { value: 'low', label: 'Low' },
  { value: 'normal', label: 'Normal' },
  { value: 'high', label: 'High' },
  { value: 'urgent', label: 'Urgent' },
];
export const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'cancelled', label: 'Cancelled' },
];
export const REMINDER_OPTIONS = [
  { value: 'none', label: 'No reminder' },
  { value: '0', label: 'At the due time' },
  { value: '15', label: '15 minutes before' },
  { value: '60', label: '1 hour before' },
  { value: '1440', label: '1 day before' },
];

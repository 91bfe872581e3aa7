/** The RRULE subset tasks repeat by: FREQ, INTERVAL, BYDAY (weekly) and UNTIL. */
export type Recurrence = { freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY'; interval: number; byDay: number[]; until: Date | null };

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
const DAY_MS = 86_400_000;

/** Parses `weekly` or `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE`; throws with a message naming the problem. */
export function parseRecurrence(text: string): Recurrence {
  const short = text.trim().toUpperCase();
  if ((FREQS as readonly string[]).includes(short)) return { freq: short as Recurrence['freq'], interval: 1, byDay: [], until: null };
  const parts = new Map<string, string>();
  for (const part of short.replace(/^RRULE:/, '').split(';').filter(Boolean)) {
    const [key, value, extra] = part.split('=');
    if (!key || value === undefined || extra !== undefined) throw new Error(`"${part}" is not KEY=VALUE`);
    if (parts.has(key)) throw new Error(`${key} is given twice`);
    parts.set(key, value);
  }
  for (const key of parts.keys()) if (!['FREQ', 'INTERVAL', 'BYDAY', 'UNTIL'].includes(key)) throw new Error(`${key} is not supported (use FREQ, INTERVAL, BYDAY, UNTIL)`);
  const freq = parts.get('FREQ');
  if (!freq || !(FREQS as readonly string[]).includes(freq)) throw new Error('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1 || interval > 999) throw new Error('INTERVAL must be a whole number from 1 to 999');
  const byDay = (parts.get('BYDAY') ?? '').split(',').filter(Boolean).map((d) => {
    const i = DAYS.indexOf(d);
    if (i < 0) throw new Error(`BYDAY: "${d}" is not one of ${DAYS.join(',')}`);
    return i;
  });
  if (byDay.length && freq !== 'WEEKLY') throw new Error('BYDAY is only supported with FREQ=WEEKLY');
  let until: Date | null = null;
  const u = parts.get('UNTIL');
  if (u) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(u);
    if (!m) throw new Error('UNTIL must look like 20271231 or 20271231T170000Z');
    until = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 23, m[5] ? +m[5] : 59, m[6] ? +m[6] : 59));
  }
  return { freq: freq as Recurrence['freq'], interval, byDay: [...new Set(byDay)].sort(), until };
}

/** The canonical text of a rule, as stored. */
export function formatRecurrence(r: Recurrence): string {
  const parts = [`FREQ=${r.freq}`];
  if (r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.byDay.length) parts.push(`BYDAY=${r.byDay.map((d) => DAYS[d]).join(',')}`);
  if (r.until) parts.push(`UNTIL=${r.until.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
  return parts.join(';');
}

/** Adds months keeping the day of the month, or the month's last day when it is shorter (31 Jan → 28 Feb). */
function addMonths(from: Date, months: number): Date {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(from);
  d.setUTCFullYear(y, m, Math.min(from.getUTCDate(), lastDay));
  return d;
}

/** Monday-based week number since the epoch, for INTERVAL with BYDAY. */
const weekIndex = (d: Date) => Math.floor((Math.floor(d.getTime() / DAY_MS) + 3) / 7);

/** The first occurrence strictly after `from` (UTC, keeping the time of day), or null once UNTIL has passed. */
export function nextOccurrence(r: Recurrence, from: Date): Date | null {
  let next: Date;
  if (r.freq === 'DAILY') next = new Date(from.getTime() + r.interval * DAY_MS);
  else if (r.freq === 'WEEKLY' && r.byDay.length === 0) next = new Date(from.getTime() + 7 * r.interval * DAY_MS);
  else if (r.freq === 'WEEKLY') {
    next = from;
    for (let i = 1; i <= 7 * r.interval + 7; i++) {
      const c = new Date(from.getTime() + i * DAY_MS);
      if (r.byDay.includes(c.getUTCDay()) && (weekIndex(c) - weekIndex(from)) % r.interval === 0) {
        next = c;
        break;
      }
    }
  } else if (r.freq === 'MONTHLY') next = addMonths(from, r.interval);
  else next = addMonths(from, 12 * r.interval);
  return r.until && next > r.until ? null : next;
}

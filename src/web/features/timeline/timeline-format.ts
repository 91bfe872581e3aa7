import type { Static } from '@sinclair/typebox';
import type { Attendee as AttendeeSchema } from '../../../contract/activities';

type Attendee = Static<typeof AttendeeSchema>;

export type TimelineFilter = 'note' | 'call' | 'meeting' | 'email' | 'comment' | 'event';
export const FILTERS: { value: TimelineFilter; label: string; types: string[] }[] = [
  { value: 'note', label: 'Notes', types: ['note'] },
  { value: 'call', label: 'Calls', types: ['call'] },
  { value: 'meeting', label: 'Meetings', types: ['meeting'] },
  // Chats and social messages are conversations too: they travel with emails.
  { value: 'email', label: 'Emails & messages', types: ['email', 'chat', 'social'] },
  { value: 'comment', label: 'Comments', types: ['comment'] },
  { value: 'event', label: 'Changes', types: ['event'] },
];

/** The `type` query parameter for the chosen chips; undefined for all (none chosen means all). */
export function typeParam(chosen: TimelineFilter[]): string | undefined {
  if (chosen.length === 0 || chosen.length === FILTERS.length) return undefined;
  return FILTERS.filter((f) => chosen.includes(f.value))
    .flatMap((f) => f.types)
    .join(',');
}

/** 330 → `5 min 30 s`, 3600 → `1 h`, 3900 → `1 h 5 min`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return m ? `${h} h ${m} min` : `${h} h`;
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** What a person types as a duration: `5` (minutes), `5:30`, `1:05:00`; null when unreadable. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 60);
  const parts = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (!parts) return null;
  const [, h, m, s] = parts;
  if (Number(s) > 59 || (h !== undefined && Number(m) > 59)) return null;
  return h !== undefined ? Number(h) * 3600 + Number(m) * 60 + Number(s) : Number(m) * 60 + Number(s);
}

/** `Ann Lee <ann@x.test>`, `ann@x.test` or just `Ann Lee` → an attendee. */
export function parseAttendee(text: string): Attendee {
  const t = text.trim();
  const angled = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(t);
  if (angled) return angled[1] ? { name: angled[1].replace(/^"|"$/g, ''), email: angled[2] } : { email: angled[2] };
  return /^[^\s@]+@[^\s@]+$/.test(t) ? { email: t } : { name: t };
}

export const attendeeLabel = (a: Attendee) => (a.name && a.email ? `${a.name} <${a.email}>` : (a.name ?? a.email ?? ''));

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as the HTML an activity body is: escaped, paragraphs and line breaks kept. Empty → null. */
export function textToHtml(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  return t
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export const CALL_OUTCOME_LABELS: Record<string, string> = {
  connected: 'Connected',
  no_answer: 'No answer',
  voicemail: 'Left voicemail',
  busy: 'Busy',
  wrong_number: 'Wrong number',
  other: 'Other',
};

import type { Activity, ActivityCreate, ActivityType, ActivityUpdate } from '../../../contract/activities';
import type { FieldErrors } from '../../platform/errors';
import { htmlToText, sanitizeRichText } from '../../platform/html/sanitize';

/** Types whose details block must be given. */
const REQUIRED_BLOCK: ActivityType[] = ['email', 'call', 'meeting', 'social'];
const BLOCKS = ['email', 'call', 'meeting', 'chat', 'social'] as const;
type Block = (typeof BLOCKS)[number];
type Details = NonNullable<Activity[Block]>;

const iso = (v: string) => new Date(v).toISOString();

/** Checks the details blocks of an input against the activity's type and returns the normalised details. */
export function activityDetails(type: ActivityType, input: ActivityCreate | ActivityUpdate, errors: FieldErrors, creating: boolean): Details | undefined {
  for (const b of BLOCKS) if (b !== type && input[b] !== undefined) errors.add(b, `only for activities of type ${b}`);
  const block = type === 'note' ? undefined : input[type as Block];
  if (block === undefined) {
    if (creating && REQUIRED_BLOCK.includes(type)) errors.add(type, `is required for a ${type}`);
    return creating && type === 'chat' ? {} : undefined;
  }
  if (type === 'meeting' && input.meeting) {
    const m = input.meeting;
    if (Date.parse(m.endAt) < Date.parse(m.startAt)) errors.add('meeting.endAt', 'must not be before startAt');
    return {
      ...m,
      startAt: iso(m.startAt),
      endAt: iso(m.endAt),
      attendees: (m.attendees ?? []).map((a) => ({ ...(a.name ? { name: a.name.trim() } : {}), ...(a.email ? { email: a.email.trim().toLowerCase() } : {}) })),
    };
  }
  if (type === 'email' && input.email) {
    const clean = (xs: string[] | undefined) => (xs ?? []).map((x) => x.trim()).filter(Boolean);
    return { ...input.email, from: input.email.from.trim(), to: clean(input.email.to), cc: clean(input.email.cc) };
  }
  return block;
}

/** The stored body: sanitised HTML, or null when nothing is left. A note needs one. */
export function activityBody(type: ActivityType, body: string | null | undefined, errors: FieldErrors, creating: boolean): string | null | undefined {
  if (body === undefined) {
    if (creating && type === 'note') errors.add('body', 'is required for a note');
    return creating ? null : undefined;
  }
  const clean = body === null ? '' : sanitizeRichText(body);
  if (!htmlToText(clean)) {
    if (type === 'note') errors.add('body', body ? 'is empty once unsafe markup is removed' : 'is required for a note');
    return null;
  }
  return clean;
}

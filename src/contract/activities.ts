import { type Static, Type } from '@sinclair/typebox';
import { AuditEvent } from './audit';
import { Comment } from './comments';
import { Id, Nullable, ShortText, Timestamp } from './common';
import { literalUnion } from './literal-union';

export const ACTIVITY_TYPES = ['email', 'call', 'meeting', 'chat', 'social', 'note'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Kinds of record an activity, task or comment can be about (deals and tickets will join). */
export const LINKABLE_TYPES = ['contacts', 'companies', 'leads', 'deals'] as const;
export type LinkableType = (typeof LINKABLE_TYPES)[number];
export const LinkRef = Type.Object({ objectType: literalUnion(LINKABLE_TYPES), id: Id }, { additionalProperties: false });
export type LinkRef = Static<typeof LinkRef>;
export const Links = Type.Array(LinkRef, { maxItems: 50 });

const Direction = literalUnion(['in', 'out'] as const, { description: 'in: from the customer; out: to the customer' });
const Addresses = Type.Array(Type.String({ minLength: 1, maxLength: 320 }), { maxItems: 100 });

export const EmailDetails = Type.Object(
  { direction: Direction, from: Type.String({ minLength: 1, maxLength: 320 }), to: Type.Optional(Addresses), cc: Type.Optional(Addresses) },
  { additionalProperties: false },
);
export const CALL_OUTCOMES = ['connected', 'no_answer', 'voicemail', 'busy', 'wrong_number', 'other'] as const;
export const CallDetails = Type.Object(
  {
    direction: Direction,
    durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    outcome: Type.Optional(literalUnion(CALL_OUTCOMES)),
  },
  { additionalProperties: false },
);
export const Attendee = Type.Object(
  { name: Type.Optional(ShortText({ maxLength: 120 })), email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })) },
  { additionalProperties: false },
);
export const MeetingDetails = Type.Object(
  { startAt: Timestamp, endAt: Timestamp, attendees: Type.Optional(Type.Array(Attendee, { maxItems: 200 })), location: Type.Optional(ShortText()) },
  { additionalProperties: false },
);
export const ChatDetails = Type.Object(
  { direction: Type.Optional(Direction), channel: Type.Optional(ShortText({ maxLength: 60, description: 'e.g. website, whatsapp' })) },
  { additionalProperties: false },
);
export const SocialDetails = Type.Object(
  { network: ShortText({ minLength: 1, maxLength: 60, description: 'e.g. linkedin' }), handle: ShortText({ minLength: 1, maxLength: 120 }), direction: Type.Optional(Direction) },
  { additionalProperties: false },
);

const Body = Type.String({ maxLength: 100_000, description: 'HTML; sanitised on write (scripts, event handlers and javascript: links are removed)' });

/**
 * One activity; its type-specific details travel in the block named after the type
 * (`{ "type": "call", "call": { "direction": "out", "durationSeconds": 300 } }`).
 */
export const ActivityCreate = Type.Object(
  {
    type: literalUnion(ACTIVITY_TYPES),
    subject: Type.Optional(Nullable(ShortText({ maxLength: 500 }))),
    body: Type.Optional(Nullable(Body)),
    occurredAt: Type.Optional(Timestamp),
    links: Type.Optional(Links),
    email: Type.Optional(EmailDetails),
    call: Type.Optional(CallDetails),
    meeting: Type.Optional(MeetingDetails),
    chat: Type.Optional(ChatDetails),
    social: Type.Optional(SocialDetails),
  },
  { additionalProperties: false },
);
export type ActivityCreate = Static<typeof ActivityCreate>;

export const ActivityUpdate = Type.Object(
  {
    subject: Type.Optional(Nullable(ShortText({ maxLength: 500 }))),
    body: Type.Optional(Nullable(Body)),
    occurredAt: Type.Optional(Timestamp),
    links: Type.Optional(Links),
    email: Type.Optional(EmailDetails),
    call: Type.Optional(CallDetails),
    meeting: Type.Optional(MeetingDetails),
    chat: Type.Optional(ChatDetails),
    social: Type.Optional(SocialDetails),
  },
  { additionalProperties: false },
);
export type ActivityUpdate = Static<typeof ActivityUpdate>;

export const Activity = Type.Object({
  id: Type.String(),
  type: Type.String(),
  subject: Nullable(Type.String()),
  body: Nullable(Type.String()),
  occurredAt: Type.String(),
  links: Type.Array(LinkRef),
  email: Type.Optional(EmailDetails),
  call: Type.Optional(CallDetails),
  meeting: Type.Optional(MeetingDetails),
  chat: Type.Optional(ChatDetails),
  social: Type.Optional(SocialDetails),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Activity = Static<typeof Activity>;

export const ActivityQuery = Type.Object(
  {
    objectType: Type.Optional(literalUnion(LINKABLE_TYPES)),
    objectId: Type.Optional(Type.String({ format: 'uuid' })),
    type: Type.Optional(literalUnion(ACTIVITY_TYPES)),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type ActivityQuery = Static<typeof ActivityQuery>;

export const TIMELINE_TYPES = [...ACTIVITY_TYPES, 'comment', 'event'] as const;
export const TimelineQuery = Type.Object(
  {
    type: Type.Optional(
      Type.String({ pattern: `^(${TIMELINE_TYPES.join('|')})(,(${TIMELINE_TYPES.join('|')}))*$`, description: `Comma-separated: ${TIMELINE_TYPES.join(', ')}` }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof TimelineQuery>;

/** One entry of a record's timeline, newest first: an activity, a comment or a change to the record. */
export const TimelineItem = Type.Object({
  kind: literalUnion(['activity', 'comment', 'event'] as const),
  type: Type.String({ description: 'The activity type, `comment`, or the event action (created, updated…)' }),
  id: Type.String(),
  at: Type.String(),
  activity: Type.Optional(Activity),
  comment: Type.Optional(Comment),
  event: Type.Optional(AuditEvent),
});
export type TimelineItem = Static<typeof TimelineItem>;
export const TimelinePage = Type.Object({ data: Type.Array(TimelineItem), nextCursor: Nullable(Type.String()) });

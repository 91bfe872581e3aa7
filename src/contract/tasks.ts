import { type Static, Type } from '@sinclair/typebox';
import { Links, LinkRef, LINKABLE_TYPES } from './activities';
import { Nullable, ShortText, Timestamp } from './common';
import { literalUnion } from './literal-union';

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const Recurrence = Type.String({
  maxLength: 200,
  description:
    '`daily`, `weekly`, `monthly`, `yearly`, or an RRULE subset: `FREQ=DAILY|WEEKLY|MONTHLY|YEARLY;INTERVAL=n;BYDAY=MO,WE;UNTIL=20271231T000000Z`. Completing the task creates the next one.',
});
const Reminder = Type.Integer({ minimum: 0, maximum: 40_320, description: 'Minutes before the due time to remind the assignee (0: at the due time; null: no reminder)' });

export const TaskCreate = Type.Object(
  {
    title: ShortText({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
    dueAt: Type.Optional(Nullable(Timestamp)),
    reminderMinutes: Type.Optional(Nullable(Reminder)),
    assigneeId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    priority: Type.Optional(literalUnion(TASK_PRIORITIES)),
    status: Type.Optional(literalUnion(TASK_STATUSES)),
    recurrence: Type.Optional(Nullable(Recurrence)),
    links: Type.Optional(Links),
  },
  { additionalProperties: false },
);
export type TaskCreate = Static<typeof TaskCreate>;

export const TaskUpdate = Type.Partial(TaskCreate, { additionalProperties: false });
export type TaskUpdate = Static<typeof TaskUpdate>;

export const Task = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  reminderMinutes: Nullable(Type.Integer()),
  assigneeId: Nullable(Type.String()),
  priority: Type.String(),
  status: Type.String(),
  recurrence: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  previousId: Nullable(Type.String({ description: 'The occurrence this recurring task follows' })),
  links: Type.Array(LinkRef),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Task = Static<typeof Task>;

export const TaskQuery = Type.Object(
  {
    status: Type.Optional(literalUnion(TASK_STATUSES)),
    assigneeId: Type.Optional(Type.String({ format: 'uuid' })),
    objectType: Type.Optional(literalUnion(LINKABLE_TYPES)),
    objectId: Type.Optional(Type.String({ format: 'uuid' })),
    cursor: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  },
  { additionalProperties: false },
);
export type TaskQuery = Static<typeof TaskQuery>;

export const MyTasksQuery = Type.Object(
  { tz: Type.Optional(Type.String({ maxLength: 64, description: 'IANA time zone for "today", e.g. Europe/Paris (default UTC)' })) },
  { additionalProperties: false },
);

/** Open tasks assigned to the caller: due before now, later today, after today, and undated. */
export const MyTasks = Type.Object({
  overdue: Type.Array(Task),
  today: Type.Array(Task),
  upcoming: Type.Array(Task),
  undated: Type.Array(Task),
});
export type MyTasks = Static<typeof MyTasks>;

export const CalendarFeed = Type.Object({
  url: Type.String({ description: 'Secret address of your iCalendar feed; shown once, rotate it to get a new one' }),
  createdAt: Type.String(),
});
export const CalendarFeedStatus = Type.Object({ active: Type.Boolean(), createdAt: Nullable(Type.String()) });

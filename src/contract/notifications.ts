import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from './common';

export const NOTIFICATION_TYPES = ['mention', 'task.assigned', 'task.reminder'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const Notification = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'mention, task.assigned or task.reminder' }),
  title: Type.String(),
  objectType: Nullable(Type.String({ description: 'What to open: contacts, companies or tasks' })),
  objectId: Nullable(Type.String()),
  actorId: Nullable(Type.String({ description: 'Who caused it (null for reminders)' })),
  readAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({
  data: Type.Array(Notification),
  nextCursor: Nullable(Type.String()),
  unreadCount: Type.Integer(),
});

export const NotificationQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only unread ones' })),
    cursor: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuery>;

export const UnreadCount = Type.Object({ unreadCount: Type.Integer() });

/** `event: record.changed` on GET /api/v1/stream: something in the workspace was created, changed or deleted. */
export const RecordChanged = Type.Object({
  objectType: Type.String({ description: 'contacts, companies, activity, task, comment, view…' }),
  id: Type.String(),
  action: Type.String({ description: 'created, updated, deleted, restored…' }),
  actorId: Nullable(Type.String()),
});
export type RecordChanged = Static<typeof RecordChanged>;

/**
 * What travels on the live stream (Server-Sent Events): `event: notification` with a
 * Notification for the signed-in user, and `event: record.changed` with a RecordChanged.
 */
export type LiveMessage =
  | { type: 'record.changed'; workspaceId: string; data: RecordChanged }
  | { type: 'notification'; workspaceId: string; userId: string; data: Notification };

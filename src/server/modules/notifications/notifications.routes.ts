import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { Notification, NotificationList, NotificationQuery, UnreadCount } from '../../../contract/notifications';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { NotificationsService } from './notifications.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Notifications'];
const NoBody = Type.Optional(Type.Object({}, { additionalProperties: false }));

export function registerNotificationRoutes(app: App, notifications: NotificationsService) {
  app.get('/api/v1/notifications', { schema: { tags, summary: 'Your notifications, newest first', querystring: NotificationQuery, response: { 200: NotificationList, ...errors } } }, async (req) =>
    notifications.list(ctxOf(req), req.query),
  );
  app.get('/api/v1/notifications/unread-count', { schema: { tags, summary: 'How many are unread', response: { 200: UnreadCount, ...errors } } }, async (req) =>
    notifications.unreadCount(ctxOf(req)),
  );
  app.post('/api/v1/notifications/:id/read', { schema: { tags, summary: 'Mark one read', params: IdParams, body: NoBody, response: { 200: Notification, ...errors } } }, async (req) =>
    notifications.markRead(ctxOf(req), req.params.id),
  );
  app.post('/api/v1/notifications/read-all', { schema: { tags, summary: 'Mark all read', body: NoBody, response: { 200: Type.Object({ updated: Type.Integer() }), ...errors } } }, async (req) =>
    notifications.markAllRead(ctxOf(req)),
  );
}

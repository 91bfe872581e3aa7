import type { Notification, NotificationQuery } from '../../../contract/notifications';
import type { NotificationRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { forbidden, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import type { LiveHub } from '../../platform/live/live-hub';
import * as repo from './notifications.repository';

export const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  type: r.type,
  title: r.title,
  objectType: r.object_type,
  objectId: r.object_id,
  actorId: r.actor_id,
  readAt: r.read_at,
  createdAt: r.created_at,
});

export type NewNotification = {
  userId: string;
  type: Notification['type'];
  title: string;
  objectType: string | null;
  objectId: string | null;
  actorId: string | null;
};

/** Writes notifications in the caller's transaction and pushes them to their people once it commits. */
export function createNotifier(hub: LiveHub, clock: Clock) {
  return async function notify(tx: WorkspaceDb, items: NewNotification[]): Promise<void> {
    const at = clock.now().toISOString();
    const rows: NotificationRow[] = items.map((n) => ({
      id: newId(),
      workspace_id: tx.workspaceId,
      user_id: n.userId,
      type: n.type,
      title: n.title.slice(0, 300),
      object_type: n.objectType,
      object_id: n.objectId,
      actor_id: n.actorId,
      read_at: null,
      created_at: at,
    }));
    await repo.insertNotifications(
      tx,
      rows.map(({ workspace_id: _ws, ...r }) => r),
    );
    tx.afterCommit(() =>
      hub.publish(rows.map((r) => ({ type: 'notification' as const, workspaceId: r.workspace_id, userId: r.user_id, data: toNotification(r) }))),
    );
  };
}
export type Notify = ReturnType<typeof createNotifier>;

/** Notifications belong to a person: an API key has none. */
function personOf(ctx: Ctx): string {
  requirePermission(ctx, 'records:read');
  if (!ctx.userId) throw forbidden('Notifications belong to people; sign in to read yours');
  return ctx.userId;
}

export function createNotificationsService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  return {
    async list(ctx: Ctx, q: NotificationQuery) {
      const userId = personOf(ctx);
      const db = scoped(ctx);
      const [rows, unreadCount] = await Promise.all([repo.listNotifications(db, { ...q, userId }), repo.unreadCount(db, userId)]);
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      return { data: page.map(toNotification), nextCursor: more ? page[page.length - 1].id : null, unreadCount };
    },

    async unreadCount(ctx: Ctx) {
      return { unreadCount: await repo.unreadCount(scoped(ctx), personOf(ctx)) };
    },

    async markRead(ctx: Ctx, id: string): Promise<Notification> {
      const userId = personOf(ctx);
      const db = scoped(ctx);
      const row = isId(id) ? await repo.findNotification(db, userId, id) : undefined;
      if (!row) throw notFound('Notification');
      await repo.markRead(db, userId, clock.now().toISOString(), id);
      return toNotification((await repo.findNotification(db, userId, id))!);
    },

    async markAllRead(ctx: Ctx) {
      const userId = personOf(ctx);
      return { updated: await repo.markRead(scoped(ctx), userId, clock.now().toISOString()) };
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;

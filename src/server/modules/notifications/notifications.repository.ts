import type { NotificationRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export const insertNotifications = (tx: WorkspaceDb, rows: Omit<NotificationRow, 'workspace_id'>[]) =>
  rows.length ? tx.insertInto('notifications', rows).execute() : Promise.resolve();

export async function listNotifications(db: WorkspaceDb, q: { userId: string; unread?: boolean; cursor?: string; limit: number }) {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', q.userId);
  if (q.unread) query = query.where('read_at', 'is', null);
  if (q.cursor) query = query.where('id', '<', q.cursor);
  return (await query.orderBy('id', 'desc').limit(q.limit + 1).execute()) as NotificationRow[];
}

export async function unreadCount(db: WorkspaceDb, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks one (or, without an id, every) unread notification of the user read; returns how many. */
export async function markRead(db: WorkspaceDb, userId: string, at: string, id?: string): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export const findNotification = (db: WorkspaceDb, userId: string, id: string) =>
  db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();

import type { Notification } from '../../../contract/notifications';

/** Where opening a notification takes the person: the record, or the task on the tasks page. */
export function notificationTarget(n: Pick<Notification, 'objectType' | 'objectId'>): string | null {
  if (!n.objectType || !n.objectId) return null;
  if (n.objectType === 'tasks') return `/tasks?task=${encodeURIComponent(n.objectId)}`;
  if (/^[a-z_]+$/.test(n.objectType)) return `/${n.objectType}/${encodeURIComponent(n.objectId)}`;
  return null;
}

/** `9+` past nine, as bells do, so the badge stays one small circle. */
export const badgeCount = (n: number) => (n > 9 ? '9+' : String(n));

import { type Static } from '@sinclair/typebox';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationList, UnreadCount } from '../../../contract/notifications';
import { api } from '../../lib/api';
import { notifyError } from '../../lib/notify';

const KEY = ['notifications'] as const;

/** The unread count: kept fresh by the live stream, with a slow poll in case the stream is blocked. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, 'count'],
    queryFn: () => api.get<Static<typeof UnreadCount>>('/api/v1/notifications/unread-count').then((r) => r.unreadCount),
    refetchInterval: 120_000,
  });
}

export function useNotificationList(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: () => api.get<Static<typeof NotificationList>>('/api/v1/notifications?limit=30'),
    enabled,
  });
}

export function useNotificationActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: KEY });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/api/v1/notifications/${id}/read`),
    onSuccess: refresh,
    onError: (err) => notifyError(err),
  });
  const markAll = useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/v1/notifications/read-all'),
    onSuccess: refresh,
    onError: (err) => notifyError(err),
  });
  return { markRead, markAll };
}

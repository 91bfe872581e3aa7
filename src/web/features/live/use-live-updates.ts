import { notifications } from '@mantine/notifications';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Notification, RecordChanged } from '../../../contract/notifications';
import { LIVE_ROOTS, mergeKeys, staleKeys } from './live-invalidation';

// Changes arrive in bursts (a bulk edit, an import): gather them briefly, refetch once.
const BATCH_MS = 250;

/**
 * Listens to GET /api/v1/stream while the app is open: pages showing something another person
 * changed refetch it, and the person's own notifications arrive at once (with a toast).
 */
export function useLiveUpdates(opts: { enabled: boolean; onNotification?: (n: Notification) => void }) {
  const client = useQueryClient();
  const { enabled, onNotification } = opts;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/stream', { withCredentials: true });
    let pending: QueryKey[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lostContact = false;
    const flush = () => {
      timer = null;
      const keys = mergeKeys(pending);
      pending = [];
      for (const queryKey of keys) void client.invalidateQueries({ queryKey });
    };
    const queue = (keys: QueryKey[]) => {
      pending.push(...keys);
      timer ??= setTimeout(flush, BATCH_MS);
    };
    source.addEventListener('record.changed', (e) => {
      try {
        queue(staleKeys(JSON.parse((e as MessageEvent<string>).data) as RecordChanged));
      } catch {
        // A malformed message changes nothing on screen.
      }
    });
    source.addEventListener('notification', (e) => {
      try {
        const n = JSON.parse((e as MessageEvent<string>).data) as Notification;
        queue([['notifications']]);
        onNotification?.(n);
      } catch {
        // As above.
      }
    });
    source.addEventListener('open', () => {
      // Whatever happened while the stream was down was not replayed: refetch what is on screen.
      if (lostContact) queue(LIVE_ROOTS);
      lostContact = false;
    });
    source.addEventListener('error', () => {
      lostContact = true;
    });
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [client, enabled, onNotification]);
}

export const showNotificationToast = (n: Notification) => notifications.show({ title: 'Notification', message: n.title, color: 'blue', autoClose: 6000 });

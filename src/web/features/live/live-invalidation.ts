import type { QueryKey } from '@tanstack/react-query';
import type { RecordChanged } from '../../../contract/notifications';

/**
 * Which cached queries a change elsewhere makes stale. Query keys are prefixes: `['timeline']`
 * covers every record's timeline, since an activity's event does not say which records it is on.
 */
export function staleKeys(change: RecordChanged): QueryKey[] {
  switch (change.objectType) {
    case 'contacts':
    case 'companies':
      return [['records', change.objectType], ['audit', change.id], ['timeline', change.objectType, change.id], ['related'], ['company-names'], ['search']];
    case 'activity':
    case 'comment':
      return [['timeline']];
    case 'task':
      return [['tasks'], ['timeline']];
    case 'view':
      return [['views']];
    default:
      // Other record kinds (leads, deals…) keep their pages under the same records prefix.
      return [['records', change.objectType], ['timeline', change.objectType, change.id]];
  }
}

/** Everything live updates keep fresh: what to refetch after the stream reconnects (missed events are not replayed). */
export const LIVE_ROOTS: QueryKey[] = [['records'], ['audit'], ['timeline'], ['tasks'], ['notifications'], ['related']];

/** Keys from many changes, each prefix once (a bulk edit of 500 contacts refetches a list once). */
export function mergeKeys(keys: QueryKey[]): QueryKey[] {
  const seen = new Map<string, QueryKey>();
  for (const k of keys) seen.set(JSON.stringify(k), k);
  const all = [...seen.values()];
  // Drop a key another key already covers as its prefix.
  return all.filter((k) => !all.some((p) => p !== k && p.length < k.length && p.every((part, i) => JSON.stringify(part) === JSON.stringify(k[i]))));
}

import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { RecordType } from '../../../contract/custom-fields';
import type { AnyRecord } from './object-config';

export type RecordPage = { data: AnyRecord[]; nextCursor: string | null; total?: number };

export const listKey = (type: RecordType) => ['records', type, 'list'] as const;
export const countKey = (type: RecordType) => ['records', type, 'count'] as const;
export const recordKey = (type: RecordType, id: string) => ['records', type, 'one', id] as const;

/** Puts a changed record everywhere it is shown: its page and every loaded list row. */
export function storeRecord(client: QueryClient, type: RecordType, record: AnyRecord) {
  client.setQueryData(recordKey(type, record.id), record);
  client.setQueriesData<InfiniteData<RecordPage>>({ queryKey: listKey(type) }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => (p.data.some((r) => r.id === record.id) ? { ...p, data: p.data.map((r) => (r.id === record.id ? record : r)) } : p)),
        }
      : data,
  );
}

/**
 * Lists changed in ways a row update cannot express (created, trashed, restored): keep only the
 * first page of each loaded list and refetch it, so a list scrolled deep does not refetch every page.
 */
export async function refreshLists(client: QueryClient, type: RecordType) {
  client.setQueriesData<InfiniteData<RecordPage>>({ queryKey: listKey(type) }, (data) =>
    data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
  );
  await Promise.all([
    client.invalidateQueries({ queryKey: listKey(type) }),
    client.invalidateQueries({ queryKey: countKey(type) }),
    client.invalidateQueries({ queryKey: ['related', type] }),
  ]);
}

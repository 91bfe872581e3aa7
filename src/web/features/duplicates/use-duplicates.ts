import { useInfiniteQuery, useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { DuplicatePage, DuplicateScan, MergeRecords } from '../../../contract/duplicates';
import { api, queryString } from '../../lib/api';
import { recordKey, refreshLists } from '../records/record-cache';

export type DuplicateType = 'contacts' | 'companies';
export type MergeableRecord = Contact | Company;

export const duplicatesKey = (type: DuplicateType) => ['duplicates', type] as const;

/** How far the server has looked through the records: the newest page knows best. */
export const scanOf = (pages: DuplicatePage<MergeableRecord>[] | undefined): DuplicateScan | null => pages?.[pages.length - 1]?.scan ?? null;

/** Groups of possible duplicates, a page at a time; asked again while the server is still looking. */
export function useDuplicateGroups(type: DuplicateType) {
  return useInfiniteQuery({
    queryKey: duplicatesKey(type),
    queryFn: ({ pageParam, signal }) =>
      api.get<DuplicatePage<MergeableRecord>>(`/api/v1/${type}/duplicates${queryString({ limit: 20, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
    refetchInterval: (q) => (scanOf(q.state.data?.pages)?.status === 'scanning' ? 2000 : false),
  });
}

/** "Not duplicates": the group disappears from the list at once. */
export function useDismissGroup(type: DuplicateType) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.post<void>(`/api/v1/${type}/duplicates/dismiss`, { ids }),
    onSuccess: () => client.invalidateQueries({ queryKey: duplicatesKey(type) }),
  });
}

/** The records being merged, each read fresh. */
export function useMergeRecords(type: DuplicateType, ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: recordKey(type, id),
      queryFn: () => api.get<MergeableRecord>(`/api/v1/${type}/${id}`),
      staleTime: 0,
    })),
  });
}

export function useMerge(type: DuplicateType) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: MergeRecords; version: number }) =>
      api.post<MergeableRecord>(`/api/v1/${type}/merge`, body, { headers: { 'if-match': `"${version}"` } }),
    onSuccess: async (survivor, { body }) => {
      client.setQueryData(recordKey(type, survivor.id), survivor);
      for (const id of body.mergedIds) client.removeQueries({ queryKey: recordKey(type, id) });
      await Promise.all([refreshLists(client, type), client.invalidateQueries({ queryKey: duplicatesKey(type) })]);
    },
  });
}

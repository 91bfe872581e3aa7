import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RecordType } from '../../../contract/custom-fields';
import type { Filter, SortSpec } from '../../../contract/filter';
import { api, queryString } from '../../lib/api';
import { sortToParam } from './list-params';
import { type RecordPage, countKey, listKey } from './record-cache';

export const PAGE_SIZE = 100;

/** Cursor-paged rows of a list; pages load as the table scrolls, never the whole set. */
export function useRecordList(type: RecordType, opts: { filter: Filter | null; sort: SortSpec[]; trash: boolean }) {
  const sort = sortToParam(opts.sort);
  const filter = opts.filter ? JSON.stringify(opts.filter) : undefined;
  const query = useInfiniteQuery({
    queryKey: [...listKey(type), { filter: filter ?? null, sort, trash: opts.trash }],
    queryFn: ({ pageParam, signal }) =>
      api.get<RecordPage>(
        `/api/v1/${type}${queryString({
          limit: PAGE_SIZE,
          cursor: pageParam,
          sort: sort || undefined,
          filter,
          trash: opts.trash || undefined,
        })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });
  // Counting 100,000 rows takes longer than reading 100 of them: the total is asked for on its
  // own, so the first rows show without waiting for it.
  const count = useQuery({
    queryKey: [...countKey(type), { filter: filter ?? null, trash: opts.trash }],
    queryFn: ({ signal }) =>
      api.get<RecordPage>(`/api/v1/${type}${queryString({ limit: 1, count: true, filter, trash: opts.trash || undefined })}`, { signal }).then((p) => p.total ?? 0),
    staleTime: 30_000,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  // Until the count arrives, what is loaded is a floor; a short list needs no count at all.
  const total = count.data ?? (query.data && !query.hasNextPage ? rows.length : undefined);
  return { ...query, rows, total };
}

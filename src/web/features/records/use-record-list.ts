import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ObjectType } from '../../../contract/custom-fields';
import type { Filter, SortSpec } from '../../../contract/filter';
import { api, queryString } from '../../lib/api';
import { sortToParam } from './list-params';
import { type RecordPage, listKey } from './record-cache';

export const PAGE_SIZE = 100;

/** Cursor-paged rows of a list; pages load as the table scrolls, never the whole set. */
export function useRecordList(type: ObjectType, opts: { filter: Filter | null; sort: SortSpec[]; trash: boolean }) {
  const sort = sortToParam(opts.sort);
  const filter = opts.filter ? JSON.stringify(opts.filter) : undefined;
  const query = useInfiniteQuery({
    queryKey: [...listKey(type), { filter: filter ?? null, sort, trash: opts.trash }],
    queryFn: ({ pageParam, signal }) =>
      api.get<RecordPage>(
        `/api/v1/${type}${queryString({
          limit: PAGE_SIZE,
          cursor: pageParam,
          // The total costs a count; the first page asks for it, later pages do not.
          count: pageParam ? undefined : true,
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
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total;
  return { ...query, rows, total };
}

import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ObjectType } from '../../../contract/custom-fields';
import { api, queryString } from '../../lib/api';

export type SearchHit = { objectType: string; id: string; title: string; subtitle: string; rank: number };

export const recordPath = (objectType: string, id: string) => `/${objectType === 'companies' ? 'companies' : 'contacts'}/${id}`;

/** Debounced search over contacts and companies; nothing is asked until there is something to ask. */
export function useSearch(query: string, opts: { type?: ObjectType; limit?: number } = {}) {
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const result = useQuery({
    queryKey: ['search', debounced, opts.type ?? null, opts.limit ?? 10],
    queryFn: ({ signal }) =>
      api.get<{ data: SearchHit[] }>(`/api/v1/search${queryString({ q: debounced, type: opts.type, limit: opts.limit ?? 10 })}`, { signal }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  return { ...result, hits: debounced ? (result.data?.data ?? []) : [], settled: debounced === query.trim() && !result.isFetching };
}

import type { Static } from '@sinclair/typebox';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity, ActivityCreate, LinkableType, TimelinePage } from '../../../contract/activities';
import { api, queryString } from '../../lib/api';

export const timelineKey = (objectType: LinkableType, id: string) => ['timeline', objectType, id] as const;
const PAGE = 25;

export function useTimeline(objectType: LinkableType, id: string, type: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...timelineKey(objectType, id), type ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Static<typeof TimelinePage>>(`/api/v1/${objectType}/${id}/timeline${queryString({ type, cursor: pageParam, limit: PAGE })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Logs an activity on the record (and any other records it names); the record's timeline refetches. */
export function useLogActivity(objectType: LinkableType, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ActivityCreate, 'links'> & { links?: ActivityCreate['links'] }) =>
      api.post<Activity>('/api/v1/activities', { ...input, links: [{ objectType, id }, ...(input.links ?? [])] }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['timeline'] }),
  });
}

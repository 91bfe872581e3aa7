import type { Static } from '@sinclair/typebox';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LinkableType } from '../../../contract/activities';
import type { CalendarFeed, CalendarFeedStatus, MyTasks, Task, TaskCreate, TaskUpdate } from '../../../contract/tasks';
import { api, queryString } from '../../lib/api';

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The signed-in person's open tasks, bucketed by the server in the browser's time zone. */
export function useMyTasks() {
  return useQuery({
    queryKey: ['tasks', 'mine'],
    queryFn: () => api.get<MyTasks>(`/api/v1/tasks/mine${queryString({ tz: zone() })}`),
    // "Today" and "overdue" move with the clock.
    refetchInterval: 60_000,
  });
}

/** Every task linked to a record (open and finished), up to 200. */
export function useRecordTasks(objectType: LinkableType, id: string) {
  return useQuery({
    queryKey: ['tasks', 'record', objectType, id],
    queryFn: () => api.get<{ data: Task[] }>(`/api/v1/tasks${queryString({ objectType, objectId: id, limit: 200 })}`).then((r) => r.data),
  });
}

export function useTask(id: string | null) {
  return useQuery({ queryKey: ['tasks', 'one', id], queryFn: () => api.get<Task>(`/api/v1/tasks/${id}`), enabled: !!id });
}

export function useTaskMutations() {
  const client = useQueryClient();
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['tasks'] }), client.invalidateQueries({ queryKey: ['timeline'] })]);
  const create = useMutation({ mutationFn: (input: TaskCreate) => api.post<Task>('/api/v1/tasks', input), onSuccess: refresh });
  const update = useMutation({ mutationFn: ({ id, changes }: { id: string; changes: TaskUpdate }) => api.patch<Task>(`/api/v1/tasks/${id}`, changes), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/tasks/${id}`), onSuccess: refresh });
  return { create, update, remove };
}

export function useCalendarFeed() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['calendar-feed'], queryFn: () => api.get<Static<typeof CalendarFeedStatus>>('/api/v1/calendar/feed') });
  const rotate = useMutation({
    mutationFn: () => api.post<Static<typeof CalendarFeed>>('/api/v1/calendar/feed'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
  const revoke = useMutation({
    mutationFn: () => api.delete('/api/v1/calendar/feed'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
  return { status, rotate, revoke };
}

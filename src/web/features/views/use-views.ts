import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordType } from '../../../contract/custom-fields';
import type { View, ViewCreate, ViewUpdate } from '../../../contract/views';
import { api } from '../../lib/api';

const viewsKey = (type: RecordType) => ['views', type] as const;

export function useViews(type: RecordType) {
  return useQuery({
    queryKey: viewsKey(type),
    queryFn: () => api.get<{ data: View[] }>(`/api/v1/views?objectType=${type}`).then((r) => r.data),
    staleTime: 30_000,
  });
}

export function useViewMutations(type: RecordType) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: viewsKey(type) });
  return {
    create: useMutation({ mutationFn: (body: ViewCreate) => api.post<View>('/api/v1/views', body), onSuccess: done }),
    update: useMutation({ mutationFn: ({ id, ...body }: ViewUpdate & { id: string }) => api.patch<View>(`/api/v1/views/${id}`, body), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/views/${id}`), onSuccess: done }),
  };
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Pipeline, PipelineCreate, PipelineUpdate } from '../../../contract/pipelines';
import { api } from '../../lib/api';

export const PIPELINES_KEY = ['pipelines'] as const;

/** Pipelines with their stages in board order; the server makes a default one on first use. */
export function usePipelines() {
  return useQuery({
    queryKey: PIPELINES_KEY,
    queryFn: () => api.get<{ data: Pipeline[] }>('/api/v1/pipelines').then((r) => r.data),
    staleTime: 60_000,
  });
}

export function usePipelineMutations() {
  const client = useQueryClient();
  // A pipeline change renames or removes board columns and deal stages.
  const done = () => Promise.all([client.invalidateQueries({ queryKey: PIPELINES_KEY }), client.invalidateQueries({ queryKey: ['board'] })]);
  return {
    create: useMutation({ mutationFn: (body: PipelineCreate) => api.post<Pipeline>('/api/v1/pipelines', body), onSuccess: done }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: PipelineUpdate }) => api.patch<Pipeline>(`/api/v1/pipelines/${id}`, body), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/pipelines/${id}`), onSuccess: done }),
  };
}

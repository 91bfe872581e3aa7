import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScoreRule, ScoreRuleCreate, ScoreRuleUpdate } from '../../../contract/leads';
import { api } from '../../lib/api';
import { refreshLists } from '../records/record-cache';

export const SCORE_RULES_KEY = ['lead-score-rules'] as const;

export function useScoreRules() {
  return useQuery({
    queryKey: SCORE_RULES_KEY,
    queryFn: () => api.get<{ data: ScoreRule[] }>('/api/v1/lead-score-rules').then((r) => r.data),
    staleTime: 60_000,
  });
}

export function useScoreRuleMutations() {
  const client = useQueryClient();
  // Every rule change rescores every lead on the server: lists and open lead pages show new scores.
  const done = async () => {
    await client.invalidateQueries({ queryKey: SCORE_RULES_KEY });
    await client.invalidateQueries({ queryKey: ['records', 'leads', 'one'] });
    await refreshLists(client, 'leads');
  };
  return {
    create: useMutation({ mutationFn: (body: ScoreRuleCreate) => api.post<ScoreRule>('/api/v1/lead-score-rules', body), onSuccess: done }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: ScoreRuleUpdate }) => api.patch<ScoreRule>(`/api/v1/lead-score-rules/${id}`, body), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/lead-score-rules/${id}`), onSuccess: done }),
  };
}

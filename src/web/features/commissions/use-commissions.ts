import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommissionRule, CommissionRuleCreate, CommissionRuleUpdate } from '../../../contract/commissions';
import { type ApiError, api } from '../../lib/api';

const RULES_KEY = ['commission-rules'] as const;

export const BASIS_LABELS = { deal_won: 'Won deal amount', invoice_paid: 'Invoice payments received' } as const;

export function useCommissionRules() {
  return useQuery({ queryKey: RULES_KEY, queryFn: () => api.get<{ data: CommissionRule[] }>('/api/v1/commission-rules').then((r) => r.data) });
}

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation<CommissionRule, ApiError, { id?: string; body: CommissionRuleCreate | CommissionRuleUpdate }>({
    mutationFn: ({ id, body }) => (id ? api.patch<CommissionRule>(`/api/v1/commission-rules/${id}`, body) : api.post<CommissionRule>('/api/v1/commission-rules', body)),
    onSuccess: () => client.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

export function useDeleteRule() {
  const client = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => api.delete(`/api/v1/commission-rules/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentCreate, ConsentList, ConsentRecord, EraseResult, RetentionRule, RetentionRuleCreate, RetentionRuleUpdate, RetentionRun } from '../../../contract/privacy';
import { api } from '../../lib/api';
import { recordKey, refreshLists } from '../records/record-cache';

const consentsKey = (contactId: string) => ['privacy', 'consents', contactId] as const;
export const RETENTION_KEY = ['privacy', 'retention-rules'] as const;

export function useConsents(contactId: string) {
  return useQuery({ queryKey: consentsKey(contactId), queryFn: () => api.get<ConsentList>(`/api/v1/contacts/${contactId}/consents`) });
}

export function useRecordConsent(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentCreate) => api.post<ConsentRecord>(`/api/v1/contacts/${contactId}/consents`, body),
    // The contact's marketing flags and timeline move with the record.
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: consentsKey(contactId) });
      await client.invalidateQueries({ queryKey: recordKey('contacts', contactId) });
      await client.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
}

export function useEraseContact(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => api.post<EraseResult>(`/api/v1/contacts/${contactId}/erase`, { confirm }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: recordKey('contacts', contactId) });
      await client.invalidateQueries({ queryKey: consentsKey(contactId) });
      await client.invalidateQueries({ queryKey: ['timeline'] });
      await refreshLists(client, 'contacts');
    },
  });
}

export function useRetentionRules() {
  return useQuery({ queryKey: RETENTION_KEY, queryFn: () => api.get<{ data: RetentionRule[] }>('/api/v1/retention-rules').then((r) => r.data) });
}

export function useRetentionRuns(ruleId: string | null) {
  return useQuery({
    queryKey: [...RETENTION_KEY, ruleId, 'runs'],
    queryFn: () => api.get<RetentionRule & { runs: RetentionRun[] }>(`/api/v1/retention-rules/${ruleId}`).then((r) => r.runs),
    enabled: !!ruleId,
  });
}

export function useRetentionMutations() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: RETENTION_KEY });
  return {
    create: useMutation({ mutationFn: (body: RetentionRuleCreate) => api.post<RetentionRule>('/api/v1/retention-rules', body), onSuccess: done }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: RetentionRuleUpdate }) => api.patch<RetentionRule>(`/api/v1/retention-rules/${id}`, body), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/retention-rules/${id}`), onSuccess: done }),
    run: useMutation({ mutationFn: (id: string) => api.post<{ jobId: string }>(`/api/v1/retention-rules/${id}/run`), onSuccess: done }),
  };
}

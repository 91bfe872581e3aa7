import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Member } from '../../../contract/auth';
import { api } from '../../lib/api';

export function useMembers() {
  const query = useQuery({
    queryKey: ['members'],
    queryFn: () => api.get<{ data: Member[] }>('/api/v1/members').then((r) => r.data),
    staleTime: 60_000,
  });
  const byId = useMemo(() => new Map((query.data ?? []).map((m) => [m.userId, m])), [query.data]);
  const options = useMemo(() => (query.data ?? []).map((m) => ({ value: m.userId, label: m.name || m.email })), [query.data]);
  return { ...query, byId, options };
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../contract/auth';
import type { Permission, Role } from '../../contract/roles';
import { api, isApiError, rememberCsrf } from '../lib/api';
import { SESSION_KEY } from '../lib/query-client';

// The same table as src/contract/roles.ts, kept type-checked against it so the bundle needs no TypeBox here.
const PERMISSIONS: Record<Permission, readonly Role[]> = {
  'records:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  'records:write': ['owner', 'admin', 'manager', 'member'],
  'records:bulk': ['owner', 'admin', 'manager', 'member'],
  'views:share': ['owner', 'admin', 'manager'],
  'audit:read': ['owner', 'admin', 'manager'],
  'fields:manage': ['owner', 'admin'],
  'users:manage': ['owner', 'admin'],
  'keys:manage': ['owner', 'admin'],
  'workspace:manage': ['owner', 'admin'],
};

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await api.get<SessionInfo>('/api/v1/auth/session');
    rememberCsrf(session.csrfToken);
    return session;
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** Inside the guard the session exists; this spares every screen the null check. */
export function useCurrentSession(): SessionInfo {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession used outside the session guard');
  return data;
}

export function useCan(permission: Permission): boolean {
  const { data } = useSession();
  const role = data?.workspace?.role as Role | undefined;
  return !!role && PERMISSIONS[permission].includes(role);
}

/** After sign-in, sign-up, accepting an invitation or switching workspace: start from a clean cache. */
export function useAdoptSession() {
  const client = useQueryClient();
  return (session: SessionInfo | null) => {
    client.clear();
    rememberCsrf(session?.csrfToken ?? null);
    client.setQueryData(SESSION_KEY, session);
  };
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../contract/auth';
import { type Permission, type Role, can } from '../../contract/roles';
import { api, isApiError, rememberCsrf } from '../lib/api';
import { SESSION_KEY } from '../lib/query-client';

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

let lastSession: SessionInfo | null = null;

/**
 * Inside the guard the session exists; this spares every screen the null check. In the moment
 * between signing out and the guard leaving the page, the last session stands in.
 */
export function useCurrentSession(): SessionInfo {
  const { data } = useSession();
  if (data) lastSession = data;
  if (!lastSession) throw new Error('useCurrentSession used outside the session guard');
  return lastSession;
}

export function useCan(permission: Permission): boolean {
  const { data } = useSession();
  const role = data?.workspace?.role as Role | undefined;
  return !!role && can(role, permission);
}

/** After sign-in, sign-up, accepting an invitation or switching workspace: start from a clean cache. */
export function useAdoptSession() {
  const client = useQueryClient();
  return (session: SessionInfo | null) => {
    rememberCsrf(session?.csrfToken ?? null);
    // The session is replaced, never emptied, so screens watching it do not see it vanish.
    client.setQueryData(SESSION_KEY, session);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  };
}

import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { notifyError } from '../../lib/notify';

/**
 * Signs out and starts the page afresh at sign-in: nothing of the previous person's data stays
 * in memory, and no request still in flight can bounce through the session guard.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/sign-out'),
    onSuccess: () => window.location.replace('/sign-in'),
    onError: (err) => notifyError(err, 'Could not sign out'),
  });
}

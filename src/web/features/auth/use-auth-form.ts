import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { SessionInfo } from '../../../contract/auth';
import { useAdoptSession } from '../../app/session';
import { type ApiError, api, isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';

/** Where to go after signing in: the page that sent the person here, when it is one of ours. */
export function useNextPath(): string {
  const [params] = useSearchParams();
  const next = params.get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/contacts';
}

/** Posts credentials, adopts the session it returns and moves on; field errors come back by name. */
export function useAuthSubmit<T>(path: string) {
  const adopt = useAdoptSession();
  const navigate = useNavigate();
  const next = useNextPath();
  const mutation = useMutation<SessionInfo, ApiError, T>({
    mutationFn: (body: T) => api.post<SessionInfo>(path, body),
    onSuccess: (session) => {
      adopt(session);
      navigate(next, { replace: true });
    },
  });
  const errors = isApiError(mutation.error) ? fieldErrorsOf(mutation.error) : {};
  return { mutation, errors };
}

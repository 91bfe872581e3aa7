import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useAdoptSession } from '../../app/session';
import { api } from '../../lib/api';
import { notifyError } from '../../lib/notify';

export function useSignOut() {
  const adopt = useAdoptSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/sign-out'),
    onSuccess: () => {
      adopt(null);
      navigate('/sign-in', { replace: true });
    },
    onError: (err) => notifyError(err, 'Could not sign out'),
  });
}

import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

export const SESSION_KEY = ['session'] as const;

/** Client errors are answers, not hiccups: retry only what may succeed on a second try. */
const retry = (count: number, err: unknown) => {
  if (isApiError(err) && err.status >= 400 && err.status < 500) return false;
  return count < 2;
};

export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 anywhere means the session ended: forget it and the guard sends the person to sign in.
      onError: (err, query) => {
        if (isApiError(err) && err.status === 401 && query.queryKey[0] !== SESSION_KEY[0]) client.setQueryData(SESSION_KEY, null);
      },
    }),
    defaultOptions: {
      queries: { retry, refetchOnWindowFocus: false, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
  return client;
}

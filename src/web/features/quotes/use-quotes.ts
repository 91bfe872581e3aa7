import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Quote, QuoteAccept, QuoteCreate, QuoteQuery, QuoteUpdate } from '../../../contract/quotes';
import { type ApiError, api, queryString } from '../../lib/api';

export const QUOTES_KEY = ['quotes'] as const;
export const quoteKey = (id: string) => [...QUOTES_KEY, 'one', id] as const;

type ListFilter = Partial<Pick<QuoteQuery, 'status' | 'companyId' | 'contactId' | 'dealId'>>;

export function useQuotes(filter: ListFilter) {
  return useQuery({
    queryKey: [...QUOTES_KEY, 'list', filter],
    queryFn: () => api.get<{ data: Quote[]; nextCursor: string | null }>(`/api/v1/quotes${queryString({ ...filter, limit: 200 })}`),
  });
}

export function useQuote(id: string) {
  return useQuery({ queryKey: quoteKey(id), queryFn: () => api.get<Quote>(`/api/v1/quotes/${id}`) });
}

export function useCreateQuote() {
  const client = useQueryClient();
  return useMutation<Quote, ApiError, QuoteCreate>({
    mutationFn: (body) => api.post<Quote>('/api/v1/quotes', body),
    onSuccess: (q) => {
      client.setQueryData(quoteKey(q.id), q);
      void client.invalidateQueries({ queryKey: [...QUOTES_KEY, 'list'] });
    },
  });
}

/** Every change to a quote answers with the whole quote: it replaces the cached one. */
function useQuoteMutation<V>(fn: (id: string, v: V) => Promise<Quote>) {
  const client = useQueryClient();
  return useMutation<Quote, ApiError, { id: string } & V>({
    mutationFn: ({ id, ...v }) => fn(id, v as V),
    onSuccess: (q) => {
      client.setQueryData(quoteKey(q.id), q);
      void client.invalidateQueries({ queryKey: [...QUOTES_KEY, 'list'] });
    },
  });
}

export const useUpdateQuote = () =>
  // If-Match: a second person's save in between is refused instead of silently overwritten.
  useQuoteMutation<{ body: QuoteUpdate; version: number }>((id, { body, version }) => api.patch<Quote>(`/api/v1/quotes/${id}`, body, { headers: { 'if-match': `"${version}"` } }));
export const useSendQuote = () => useQuoteMutation<object>((id) => api.post<Quote>(`/api/v1/quotes/${id}/send`));
export const useRejectQuote = () => useQuoteMutation<object>((id) => api.post<Quote>(`/api/v1/quotes/${id}/reject`));

export function useAcceptQuote() {
  const client = useQueryClient();
  return useMutation<{ quote: Quote; invoiceId: string }, ApiError, { id: string; body: QuoteAccept }>({
    mutationFn: ({ id, body }) => api.post(`/api/v1/quotes/${id}/accept`, body),
    onSuccess: ({ quote }) => {
      client.setQueryData(quoteKey(quote.id), quote);
      void client.invalidateQueries({ queryKey: QUOTES_KEY });
      void client.invalidateQueries({ queryKey: ['invoices'] });
      void client.invalidateQueries({ queryKey: ['purchases'] });
    },
  });
}

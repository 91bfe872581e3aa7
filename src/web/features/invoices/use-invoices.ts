import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Invoice, InvoiceQuery, InvoiceUpdate, PaymentCreate } from '../../../contract/invoices';
import { type ApiError, api, queryString } from '../../lib/api';

export const INVOICES_KEY = ['invoices'] as const;
const invoiceKey = (id: string) => [...INVOICES_KEY, 'one', id] as const;

export function useInvoices(filter: Partial<Pick<InvoiceQuery, 'status' | 'companyId' | 'contactId'>>) {
  return useQuery({
    queryKey: [...INVOICES_KEY, 'list', filter],
    queryFn: () => api.get<{ data: Invoice[]; nextCursor: string | null }>(`/api/v1/invoices${queryString({ ...filter, limit: 200 })}`),
  });
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: invoiceKey(id), queryFn: () => api.get<Invoice>(`/api/v1/invoices/${id}`) });
}

function useInvoiceMutation<V>(fn: (id: string, v: V) => Promise<Invoice>) {
  const client = useQueryClient();
  return useMutation<Invoice, ApiError, { id: string } & V>({
    mutationFn: ({ id, ...v }) => fn(id, v as V),
    onSuccess: (inv) => {
      client.setQueryData(invoiceKey(inv.id), inv);
      void client.invalidateQueries({ queryKey: [...INVOICES_KEY, 'list'] });
      void client.invalidateQueries({ queryKey: ['purchases'] });
    },
  });
}

export const useAddPayment = () => useInvoiceMutation<{ body: PaymentCreate }>((id, { body }) => api.post<Invoice>(`/api/v1/invoices/${id}/payments`, body));
export const useUpdateInvoice = () => useInvoiceMutation<{ body: InvoiceUpdate }>((id, { body }) => api.patch<Invoice>(`/api/v1/invoices/${id}`, body));

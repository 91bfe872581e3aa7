import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PriceList, PriceListCreate, PriceListUpdate, Product, ProductCreate, ProductUpdate } from '../../../contract/products';
import { type ApiError, api, queryString } from '../../lib/api';

export const PRODUCTS_KEY = ['products'] as const;
export const PRICE_LISTS_KEY = ['price-lists'] as const;

/** Every product (archived ones too unless `activeOnly`): a catalogue is small enough for one page. */
export function useProducts(activeOnly = false) {
  return useQuery({
    queryKey: [...PRODUCTS_KEY, { activeOnly }],
    queryFn: () => api.get<{ data: Product[] }>(`/api/v1/products${queryString({ limit: 500, active: activeOnly ? true : undefined })}`).then((r) => r.data),
    staleTime: 30_000,
  });
}

export function usePriceLists() {
  return useQuery({
    queryKey: PRICE_LISTS_KEY,
    queryFn: () => api.get<{ data: PriceList[] }>('/api/v1/price-lists').then((r) => r.data),
    staleTime: 60_000,
  });
}

export function useSaveProduct() {
  const client = useQueryClient();
  return useMutation<Product, ApiError, { id?: string; body: ProductCreate | ProductUpdate }>({
    mutationFn: ({ id, body }) => (id ? api.patch<Product>(`/api/v1/products/${id}`, body) : api.post<Product>('/api/v1/products', body)),
    onSuccess: () => client.invalidateQueries({ queryKey: PRODUCTS_KEY }),
  });
}

export function useSavePriceList() {
  const client = useQueryClient();
  return useMutation<PriceList, ApiError, { id?: string; body: PriceListCreate | PriceListUpdate }>({
    mutationFn: ({ id, body }) => (id ? api.patch<PriceList>(`/api/v1/price-lists/${id}`, body) : api.post<PriceList>('/api/v1/price-lists', body)),
    onSuccess: () => client.invalidateQueries({ queryKey: PRICE_LISTS_KEY }),
  });
}

export function useDeletePriceList() {
  const client = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => api.delete(`/api/v1/price-lists/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: PRICE_LISTS_KEY }),
  });
}

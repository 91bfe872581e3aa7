import { useQuery } from '@tanstack/react-query';
import type { CustomField, RecordType } from '../../../contract/custom-fields';
import { api } from '../../lib/api';
import type { FieldInfo } from '../views/filter-model';

/** Every field of the object that can be filtered, sorted or shown, custom ones as `custom.<key>`. */
export function useFields(type: RecordType) {
  return useQuery({
    queryKey: ['fields', type],
    queryFn: () => api.get<{ data: FieldInfo[] }>(`/api/v1/${type}/fields`).then((r) => r.data),
    staleTime: 60_000,
  });
}

/** The workspace's custom field definitions for the object (type, choices, currency, required). */
export function useCustomFields(type: RecordType) {
  return useQuery({
    queryKey: ['custom-fields', type],
    queryFn: () => api.get<{ data: CustomField[] }>(`/api/v1/custom-fields?objectType=${type}`).then((r) => r.data),
    staleTime: 60_000,
  });
}

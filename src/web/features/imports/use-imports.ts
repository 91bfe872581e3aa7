import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportErrorPage, ImportList, ImportPreview, ImportView } from '../../../contract/imports';
import { api, queryString } from '../../lib/api';

export type ImportObject = 'contacts' | 'companies' | 'leads' | 'deals';
export const IMPORT_OBJECTS: { value: ImportObject; label: string }[] = [
  { value: 'contacts', label: 'Contacts' },
  { value: 'companies', label: 'Companies' },
  { value: 'leads', label: 'Leads' },
  { value: 'deals', label: 'Deals' },
];
export const asImportObject = (v: string | null): ImportObject => IMPORT_OBJECTS.find((o) => o.value === v)?.value ?? 'contacts';
export const IMPORTS_KEY = ['imports'] as const;
const FINAL = ['done', 'failed', 'reverted'];
export const isFinished = (status: string) => FINAL.includes(status);

export function useImportList(objectType?: ImportObject) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'list', objectType ?? 'all'],
    queryFn: ({ signal }) => api.get<ImportList>(`/api/v1/imports${queryString({ objectType, limit: 50 })}`, { signal }).then((r) => r.data),
    // A running import in the list moves on by itself.
    refetchInterval: (q) => (q.state.data?.some((i) => !isFinished(i.status)) ? 2000 : false),
  });
}

/** One import; polled every second while it runs, so its progress is live. */
export function useImport(id: string) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'one', id],
    queryFn: ({ signal }) => api.get<ImportView>(`/api/v1/imports/${id}`, { signal }),
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data.status) ? false : 1000),
  });
}

/** Every bad row, a page at a time. */
export function useImportErrors(id: string, enabled: boolean, after: number) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'errors', id, after],
    queryFn: ({ signal }) => api.get<ImportErrorPage>(`/api/v1/imports/${id}/errors${queryString({ after, limit: 200 })}`, { signal }),
    enabled,
    staleTime: Infinity,
  });
}

export function usePreviewOf(id: string | null, format: { encoding?: string; delimiter?: string }) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'preview', id, format.encoding ?? null, format.delimiter ?? null],
    queryFn: ({ signal }) => api.get<ImportPreview>(`/api/v1/imports/${id}/preview${queryString(format)}`, { signal }),
    enabled: !!id,
    staleTime: Infinity,
  });
}

export function useInvalidateImports() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: IMPORTS_KEY });
}

export const DELIMITERS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];
export const ENCODINGS = [
  { value: 'utf8', label: 'UTF-8' },
  { value: 'latin1', label: 'Latin-1 (Windows, old Excel)' },
];
export const delimiterLabel = (d: string) => DELIMITERS.find((x) => x.value === d)?.label ?? d;
export const encodingLabel = (e: string) => ENCODINGS.find((x) => x.value === e)?.label ?? e;

export const STATUS_COLORS: Record<string, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red', reverted: 'orange' };

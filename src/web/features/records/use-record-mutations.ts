import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RecordType } from '../../../contract/custom-fields';
import { api } from '../../lib/api';
import type { AnyRecord } from './object-config';
import { recordKey, refreshLists, storeRecord } from './record-cache';

const BULK_LIMIT = 1000;
const chunks = <T,>(list: T[]) => Array.from({ length: Math.ceil(list.length / BULK_LIMIT) }, (_, i) => list.slice(i * BULK_LIMIT, (i + 1) * BULK_LIMIT));

/** Every write a list or record page makes, each keeping the cached lists and pages in step. */
export function useRecordMutations(type: RecordType) {
  const client = useQueryClient();
  return useMemo(() => {
    const base = `/api/v1/${type}`;
    return {
      /** PATCH with If-Match: a stale version answers 412 instead of overwriting someone's change. */
      async update(record: Pick<AnyRecord, 'id' | 'version'>, changes: Record<string, unknown>) {
        const next = await api.patch<AnyRecord>(`${base}/${record.id}`, changes, { headers: { 'if-match': `"${record.version}"` } });
        storeRecord(client, type, next);
        void client.invalidateQueries({ queryKey: ['audit', record.id] });
        void client.invalidateQueries({ queryKey: ['related'] });
        return next;
      },
      async create(body: Record<string, unknown>) {
        const created = await api.post<AnyRecord>(base, body);
        client.setQueryData(recordKey(type, created.id), created);
        await refreshLists(client, type);
        return created;
      },
      async remove(id: string) {
        await api.delete(`${base}/${id}`);
        await client.invalidateQueries({ queryKey: recordKey(type, id) });
        void client.invalidateQueries({ queryKey: ['audit', id] });
        await refreshLists(client, type);
      },
      async restore(id: string) {
        const restored = await api.post<AnyRecord>(`${base}/${id}/restore`);
        client.setQueryData(recordKey(type, id), restored);
        void client.invalidateQueries({ queryKey: ['audit', id] });
        await refreshLists(client, type);
        return restored;
      },
      async bulkUpdate(items: { id: string; version?: number; changes: Record<string, unknown> }[]) {
        for (const part of chunks(items)) {
          const res = await api.patch<{ data: AnyRecord[] }>(`${base}/bulk`, { items: part });
          for (const r of res.data) storeRecord(client, type, r);
        }
      },
      async bulkRemove(ids: string[]) {
        try {
          for (const part of chunks(ids)) await api.post(`${base}/bulk-delete`, { ids: part });
        } finally {
          await refreshLists(client, type);
        }
      },
      async bulkRestore(ids: string[]) {
        try {
          for (const part of chunks(ids)) await api.post(`${base}/bulk-restore`, { ids: part });
        } finally {
          await refreshLists(client, type);
        }
      },
    };
  }, [client, type]);
}

import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RecordType } from '../../../contract/custom-fields';
import { api, isApiError } from '../../lib/api';
import { type FieldErrorMap, fieldErrorsOf } from '../../lib/field-errors';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { AnyRecord } from './object-config';
import { recordKey } from './record-cache';
import { diffDraft } from './record-changes';
import { useRecordMutations } from './use-record-mutations';

export type Draft = Record<string, unknown> & { custom: Record<string, unknown> };

/**
 * Loads a record and keeps an editable draft of it. Saving sends only what changed, with
 * If-Match; a 412 turns into a conflict the page offers to reload, field errors land by path.
 */
export function useRecordEditor<R extends AnyRecord>(type: RecordType, id: string, pick: (record: R) => Draft) {
  const query = useQuery({ queryKey: recordKey(type, id), queryFn: () => api.get<R>(`/api/v1/${type}/${id}`) });
  const mutations = useRecordMutations(type);
  const [base, setBase] = useState<R | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const adopt = useCallback(
    (record: R) => {
      setBase(record);
      setDraft(pick(record));
      setErrors({});
      setSaveError(null);
      setConflict(false);
    },
    [pick],
  );

  const changes = useMemo(() => (base && draft ? diffDraft(pick(base), draft) : {}), [base, draft, pick]);
  const dirty = Object.keys(changes).length > 0;

  // A fresh copy from the server replaces the draft unless the person is in the middle of editing.
  useEffect(() => {
    const data = query.data as R | undefined;
    if (data && (!base || base.id !== data.id || (!dirty && data.version !== base.version) || data.deletedAt !== base.deletedAt)) adopt(data);
  }, [query.data, base, dirty, adopt]);

  const setField = useCallback((key: string, value: unknown) => {
    setDraft((d) => (d ? { ...d, [key]: value } : d));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => path !== key && !path.startsWith(`${key}.`))));
  }, []);
  const setCustom = useCallback((key: string, value: unknown) => {
    setDraft((d) => (d ? { ...d, custom: { ...d.custom, [key]: value } } : d));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => path !== `custom.${key}`)));
  }, []);

  const save = async () => {
    if (!base || !dirty) return;
    setSaving(true);
    setSaveError(null);
    try {
      const next = (await mutations.update(base, changes)) as R;
      adopt(next);
      notifySuccess('Changes saved');
    } catch (err) {
      if (isApiError(err) && err.status === 412) setConflict(true);
      else {
        setErrors(fieldErrorsOf(isApiError(err) ? err : null));
        setSaveError(err);
        if (!isApiError(err) || !err.errors.length && !err.field) notifyError(err, 'Could not save');
      }
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    const res = await query.refetch();
    if (res.data) adopt(res.data as R);
  };

  const discard = () => base && adopt(base);

  return { query, record: base, draft, setField, setCustom, changes, dirty, errors, saveError, conflict, saving, save, reload, discard, adopt, mutations };
}

export type RecordEditor<R extends AnyRecord> = ReturnType<typeof useRecordEditor<R>>;

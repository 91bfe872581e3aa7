import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type ListState, parseListState, writeListState } from './list-params';

export function useListState(): [ListState, (patch: Partial<ListState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params), [params]);
  const update = useCallback(
    (patch: Partial<ListState>) => setParams((prev) => writeListState(prev, { ...parseListState(prev), ...patch }), { replace: false }),
    [setParams],
  );
  return [state, update];
}

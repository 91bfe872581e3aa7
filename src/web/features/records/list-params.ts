import type { Filter, SortSpec } from '../../../contract/filter';

/** What a list shows; it lives in the URL so links, reloads and the back button keep it. */
export type ListState = {
  viewId: string | null;
  filter: Filter | null;
  sort: SortSpec[];
  /** Null: the object's default columns. */
  columns: string[] | null;
  trash: boolean;
};

/** `-updatedAt,lastName` ↔ sort specs, as the list endpoint takes them. */
export function sortToParam(sort: SortSpec[]): string {
  return sort.map((s) => (s.direction === 'desc' ? `-${s.field}` : s.field)).join(',');
}

export function sortFromParam(value: string | null): SortSpec[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.startsWith('-') ? { field: s.slice(1), direction: 'desc' as const } : { field: s, direction: 'asc' as const }));
}

/** A click on a column header: ascending, then descending, then back to the default order. */
export function toggleSort(sort: SortSpec[], field: string): SortSpec[] {
  const current = sort[0]?.field === field ? sort[0].direction : null;
  if (current === null) return [{ field, direction: 'asc' }];
  if (current === 'asc') return [{ field, direction: 'desc' }];
  return [];
}

function parseFilter(value: string | null): Filter | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as Filter) : null;
  } catch {
    return null;
  }
}

export function parseListState(params: URLSearchParams): ListState {
  const cols = params.get('cols');
  return {
    viewId: params.get('view'),
    filter: parseFilter(params.get('filter')),
    sort: sortFromParam(params.get('sort')),
    columns: cols === null ? null : cols.split(',').filter(Boolean),
    trash: params.get('trash') === 'true',
  };
}

/** Writes the state into the URL's parameters, leaving unrelated ones (like `new`) alone. */
export function writeListState(params: URLSearchParams, state: ListState): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  set('view', state.viewId);
  set('filter', state.filter ? JSON.stringify(state.filter) : null);
  set('sort', sortToParam(state.sort) || null);
  if (state.columns === null) next.delete('cols');
  else next.set('cols', state.columns.join(','));
  set('trash', state.trash ? 'true' : null);
  return next;
}

/** Whether the list differs from the saved view it started from. */
export function differsFromView(state: ListState, view: { filter: unknown; sort: { field: string; direction: string }[]; columns: string[] }, defaultColumns: string[]): boolean {
  const cols = state.columns ?? defaultColumns;
  const viewCols = view.columns.length ? view.columns : defaultColumns;
  return (
    JSON.stringify(state.filter ?? null) !== JSON.stringify(view.filter ?? null) ||
    sortToParam(state.sort) !== sortToParam(view.sort as SortSpec[]) ||
    cols.join(',') !== viewCols.join(',')
  );
}

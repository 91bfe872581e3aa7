import { type ComboboxItem, Loader, MultiSelect, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, queryString } from '../../lib/api';
import { useSearch } from '../search/use-search';

type Common = {
  label?: string;
  placeholder?: string;
  error?: string;
  excludeId?: string;
  'aria-label'?: string;
  size?: 'xs' | 'sm';
  style?: React.CSSProperties;
  disabled?: boolean;
  comboboxProps?: { withinPortal?: boolean };
};

/** The names of companies by id, asked for in one request. */
export function useCompanyNames(ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)].sort();
  const query = useQuery({
    queryKey: ['company-names', unique],
    enabled: unique.length > 0,
    queryFn: () =>
      api.get<{ data: { id: string; name: string }[] }>(
        `/api/v1/companies${queryString({ filter: JSON.stringify({ field: 'id', op: 'in', value: unique }), limit: Math.min(unique.length, 500) })}`,
      ),
    staleTime: 60_000,
  });
  return new Map((query.data?.data ?? []).map((c) => [c.id, c.name]));
}

/** Keeps the names of companies seen in search results, so chosen ids keep their labels. */
function useLabels(initial: Record<string, string>) {
  const labels = useRef(new Map<string, string>(Object.entries(initial)));
  for (const [id, name] of Object.entries(initial)) labels.current.set(id, name);
  return labels.current;
}

function useCompanyOptions(search: string, labels: Map<string, string>, selected: string[], excludeId?: string) {
  const { hits, isFetching } = useSearch(search, { type: 'companies', limit: 20 });
  for (const h of hits) labels.set(h.id, h.title);
  // Chosen ids whose names we have not seen (a saved filter, a record's parent): ask for them once.
  const names = useCompanyNames(selected.filter((id) => !labels.has(id)));
  for (const [id, name] of names) labels.set(id, name);
  const ids = [...new Set([...selected, ...hits.map((h) => h.id)])].filter((id) => id !== excludeId);
  const data: ComboboxItem[] = ids.map((id) => ({ value: id, label: labels.get(id) ?? 'Company' }));
  return { data, isFetching };
}

/** Picks one company by searching for it; the list is asked from the server as you type. */
export function CompanyPicker({
  value,
  valueLabel,
  onChange,
  excludeId,
  comboboxProps,
  ...props
}: Common & { value: string | null; valueLabel?: string | null; onChange: (id: string | null, name: string | null) => void }) {
  const labels = useLabels(value && valueLabel ? { [value]: valueLabel } : {});
  // A searchable Select shows its search text: it holds the chosen company's name until the person types.
  const [search, setSearch] = useState(value && valueLabel ? valueLabel : '');
  const [selectedLabel, setSelectedLabel] = useState<string | undefined>(valueLabel ?? undefined);
  const query = search === selectedLabel ? '' : search;
  const { data, isFetching } = useCompanyOptions(query, labels, value ? [value] : [], excludeId);
  const currentLabel = value ? labels.get(value) : undefined;
  useEffect(() => {
    setSelectedLabel(currentLabel);
    setSearch(currentLabel ?? '');
  }, [value, currentLabel]);
  return (
    <Select
      {...props}
      data={data}
      value={value}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={query.trim() ? 'No company matches' : 'Type to search companies'}
      rightSection={isFetching ? <Loader size={14} /> : undefined}
      onChange={(id) => onChange(id, id ? (labels.get(id) ?? null) : null)}
      comboboxProps={{ withinPortal: true, ...comboboxProps }}
    />
  );
}

/** Several companies, for filters such as "company is any of". */
export function CompanyMultiPicker({ value, onChange, comboboxProps, excludeId: _excludeId, ...props }: Common & { value: string[]; onChange: (ids: string[]) => void }) {
  const labels = useLabels({});
  const [search, setSearch] = useState('');
  const { data } = useCompanyOptions(search, labels, value);
  return (
    <MultiSelect
      {...props}
      data={data}
      value={value}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={search.trim() ? 'No company matches' : 'Type to search companies'}
      onChange={onChange}
      comboboxProps={{ withinPortal: true, ...comboboxProps }}
    />
  );
}

import { Loader, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Contact } from '../../../contract/contacts';
import type { Deal } from '../../../contract/deals';
import { api, queryString } from '../../lib/api';
import { useSearch } from '../search/use-search';

type Props = { label: string; value: string | null; onChange: (id: string | null) => void; error?: string; disabled?: boolean };

/** One contact, searched by name as the person types; the chosen one keeps its name. */
export function ContactPicker({ value, onChange, companyId, ...props }: Props & { companyId: string | null }) {
  const [search, setSearch] = useState('');
  const { hits, isFetching } = useSearch(search, { type: 'contacts', limit: 20 });
  const chosen = useQuery({ queryKey: ['contacts', 'one', value], queryFn: () => api.get<Contact>(`/api/v1/contacts/${value}`), enabled: !!value, staleTime: 60_000 });
  // Without a search, offer the company's people: the usual choice for a quote.
  const atCompany = useQuery({
    queryKey: ['contacts', 'at-company', companyId],
    enabled: !!companyId,
    queryFn: () => api.get<{ data: Contact[] }>(`/api/v1/contacts${queryString({ filter: JSON.stringify({ field: 'companyId', op: 'eq', value: companyId }), limit: 50 })}`),
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  if (value && chosen.data) options.set(value, chosen.data.fullName);
  for (const c of atCompany.data?.data ?? []) options.set(c.id, c.fullName);
  for (const h of hits) options.set(h.id, h.title);
  return (
    <Select
      placeholder={props.disabled ? undefined : 'Search contacts'}
      {...props}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      onSearchChange={setSearch}
      nothingFoundMessage="Type to search contacts"
      rightSection={isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** One deal: the company's deals when a company is chosen, otherwise the latest ones. */
export function DealPicker({ value, onChange, companyId, ...props }: Props & { companyId: string | null }) {
  const deals = useQuery({
    queryKey: ['deals', 'for-picker', companyId],
    queryFn: () =>
      api.get<{ data: Deal[] }>(
        `/api/v1/deals${queryString({ filter: companyId ? JSON.stringify({ field: 'companyId', op: 'eq', value: companyId }) : undefined, sort: '-updatedAt', limit: 100 })}`,
      ),
    staleTime: 30_000,
  });
  const chosen = useQuery({ queryKey: ['deals', 'one', value], queryFn: () => api.get<Deal>(`/api/v1/deals/${value}`), enabled: !!value, staleTime: 60_000 });
  const options = new Map<string, string>();
  if (value && chosen.data) options.set(value, chosen.data.name);
  for (const d of deals.data?.data ?? []) options.set(d.id, d.name);
  return (
    <Select
      placeholder={props.disabled ? undefined : companyId ? 'The company’s deals' : 'Latest deals'}
      {...props}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={companyId ? 'No deals with this company' : 'No deals yet'}
      rightSection={deals.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

import { Combobox, Group, Pill, PillsInput, Text, useCombobox } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { LinkRef } from '../../../contract/activities';
import type { Contact } from '../../../contract/contacts';
import { api, queryString } from '../../lib/api';
import { useCompanyNames } from '../records/company-picker';
import { CONTACTS } from '../records/object-config';
import { recordPath, useSearch } from '../search/use-search';

const linkKey = (l: LinkRef) => `${l.objectType}:${l.id}`;

/** Names of linked contacts and companies, asked for in one request per kind. */
export function useLinkTitles(links: LinkRef[]): Map<string, string> {
  const contactIds = [...new Set(links.filter((l) => l.objectType === 'contacts').map((l) => l.id))].sort();
  const contacts = useQuery({
    queryKey: ['records', 'contacts', 'names', contactIds],
    enabled: contactIds.length > 0,
    queryFn: () =>
      api.get<{ data: Contact[] }>(`/api/v1/contacts${queryString({ filter: JSON.stringify({ field: 'id', op: 'in', value: contactIds }), limit: Math.min(contactIds.length, 500) })}`),
    staleTime: 60_000,
  });
  const companies = useCompanyNames(links.filter((l) => l.objectType === 'companies').map((l) => l.id));
  const out = new Map<string, string>();
  for (const c of contacts.data?.data ?? []) out.set(`contacts:${c.id}`, CONTACTS.titleOf(c));
  for (const [id, name] of companies) out.set(`companies:${id}`, name);
  return out;
}

/** Links to the records a task concerns, as small links; deleted ones say so. */
export function LinkedRecords({ links, titles }: { links: LinkRef[]; titles: Map<string, string> }) {
  const shown = links.filter((l) => l.objectType === 'contacts' || l.objectType === 'companies');
  if (shown.length === 0) return null;
  return (
    <Group gap={6} component="span">
      {shown.map((l) => (
        <Link key={linkKey(l)} to={recordPath(l.objectType, l.id)} className="record-link" style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
          {titles.get(linkKey(l)) ?? (l.objectType === 'contacts' ? 'A contact' : 'A company')}
        </Link>
      ))}
    </Group>
  );
}

/** Picks the contacts and companies a task is about, by searching both. */
export function LinkPicker({ value, onChange, error }: { value: LinkRef[]; onChange: (v: LinkRef[]) => void; error?: string }) {
  const [search, setSearch] = useState('');
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { hits } = useSearch(search, { limit: 10 });
  const [seen] = useState(() => new Map<string, string>());
  for (const h of hits) seen.set(`${h.objectType}:${h.id}`, h.title);
  const titles = useLinkTitles(value.filter((l) => !seen.has(linkKey(l))));
  const label = (l: LinkRef) => seen.get(linkKey(l)) ?? titles.get(linkKey(l)) ?? '…';
  const chosen = new Set(value.map(linkKey));
  const options = hits.filter((h) => (h.objectType === 'contacts' || h.objectType === 'companies') && !chosen.has(`${h.objectType}:${h.id}`));

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(key) => {
        const [objectType, id] = key.split(':') as [LinkRef['objectType'], string];
        onChange([...value, { objectType, id }]);
        setSearch('');
      }}
      withinPortal
    >
      <Combobox.DropdownTarget>
        <PillsInput label="Linked records" error={error} onClick={() => combobox.openDropdown()}>
          <Pill.Group>
            {value.map((l) => (
              <Pill key={linkKey(l)} withRemoveButton onRemove={() => onChange(value.filter((v) => linkKey(v) !== linkKey(l)))}>
                {label(l)}
              </Pill>
            ))}
            <Combobox.EventsTarget>
              <PillsInput.Field
                value={search}
                placeholder={value.length ? '' : 'Search contacts and companies'}
                aria-label="Search records to link"
                onChange={(e) => {
                  setSearch(e.currentTarget.value);
                  combobox.openDropdown();
                  combobox.updateSelectedOptionIndex();
                }}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                onKeyDown={(e) => {
                  if (e.key === 'Backspace' && search === '' && value.length) onChange(value.slice(0, -1));
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown hidden={!search.trim()}>
        <Combobox.Options>
          {options.length === 0 ? (
            <Combobox.Empty>No matching contact or company</Combobox.Empty>
          ) : (
            options.map((h) => (
              <Combobox.Option key={`${h.objectType}:${h.id}`} value={`${h.objectType}:${h.id}`}>
                <Text size="sm">{h.title}</Text>
                <Text size="xs" c="dimmed">
                  {h.objectType === 'companies' ? 'Company' : 'Contact'}
                  {h.subtitle && ` · ${h.subtitle}`}
                </Text>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

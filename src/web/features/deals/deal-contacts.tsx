import { ActionIcon, Anchor, Group, Select, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Contact } from '../../../contract/contacts';
import { Section } from '../../components/section';
import { api, queryString } from '../../lib/api';
import { errorAt, type FieldErrorMap } from '../../lib/field-errors';
import { useSearch } from '../search/use-search';

/** Names of contacts by id, in one request. */
function useContactNames(ids: string[]) {
  const unique = [...new Set(ids)].sort();
  const query = useQuery({
    queryKey: ['contact-names', unique],
    enabled: unique.length > 0,
    queryFn: () =>
      api.get<{ data: Contact[] }>(`/api/v1/contacts${queryString({ filter: JSON.stringify({ field: 'id', op: 'in', value: unique }), limit: unique.length })}`),
    staleTime: 60_000,
  });
  return new Map((query.data?.data ?? []).map((c) => [c.id, c.fullName || c.email || 'Unnamed contact']));
}

type Props = { ids: string[]; onChange: (ids: string[]) => void; disabled: boolean; errors: FieldErrorMap };

/** The people on the deal: linked contacts, one search away from adding another. */
export function DealContacts({ ids, onChange, disabled, errors }: Props) {
  const names = useContactNames(ids);
  const [search, setSearch] = useState('');
  const { hits } = useSearch(search, { type: 'contacts', limit: 10 });
  const options = hits.filter((h) => !ids.includes(h.id)).map((h) => ({ value: h.id, label: h.subtitle ? `${h.title} · ${h.subtitle}` : h.title }));
  return (
    <Section title={`Contacts · ${ids.length}`} testId="deal-contacts">
      <Stack gap="xs">
        {ids.length === 0 && (
          <Text size="sm" c="dimmed">
            No contacts on this deal yet.
          </Text>
        )}
        {ids.map((id, i) => (
          <Group key={id} justify="space-between" gap="xs" wrap="nowrap">
            <Anchor component={Link} to={`/contacts/${id}`} size="sm" className="record-link">
              {names.get(id) ?? '…'}
            </Anchor>
            {errorAt(errors, `contactIds.${i}`) && (
              <Text size="xs" c="red">
                {errorAt(errors, `contactIds.${i}`)}
              </Text>
            )}
            {!disabled && (
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Remove ${names.get(id) ?? 'contact'}`} onClick={() => onChange(ids.filter((c) => c !== id))}>
                <IconX size={14} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!disabled && (
          <Select
            aria-label="Add a contact"
            placeholder="Add a contact: type a name"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={options}
            value={null}
            onChange={(v) => {
              if (v) onChange([...ids, v]);
              setSearch('');
            }}
            nothingFoundMessage={search.trim() ? 'No contact found' : undefined}
            filter={({ options: o }) => o}
            size="sm"
          />
        )}
      </Stack>
    </Section>
  );
}

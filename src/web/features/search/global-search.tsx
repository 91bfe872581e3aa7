import { ActionIcon, Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconAddressBook, IconBuilding, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { modKey } from '../../lib/format';
import { recordPath, useSearch } from './use-search';

/** The search box in the top bar; on a phone it gives way to a button that opens the command palette. */
export function GlobalSearch() {
  const [query, setQuery] = useState('');
  const navigate = useNavigate();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { hits, isFetching, settled } = useSearch(query);

  const open = (value: string) => {
    const [objectType, id] = value.split(':');
    setQuery('');
    combobox.closeDropdown();
    navigate(recordPath(objectType, id));
  };

  return (
    <>
      <ActionIcon variant="default" size="lg" hiddenFrom="sm" onClick={() => spotlight.open()} aria-label="Search">
        <IconSearch size={18} />
      </ActionIcon>
      <Combobox store={combobox} onOptionSubmit={open} withinPortal>
        <Combobox.Target>
          <TextInput
            visibleFrom="sm"
            w={{ sm: 300, md: 420 }}
            placeholder="Search contacts and companies"
            aria-label="Search contacts and companies"
            leftSection={<IconSearch size={16} />}
            rightSection={isFetching ? <Loader size={14} /> : <Kbd size="xs">{modKey} K</Kbd>}
            rightSectionWidth={isFetching ? 32 : 64}
            rightSectionPointerEvents="none"
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onFocus={() => query && combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0 && hits[0]) {
                e.preventDefault();
                open(`${hits[0].objectType}:${hits[0].id}`);
              }
            }}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!query.trim()}>
          <Combobox.Options mah={360} style={{ overflowY: 'auto' }}>
            {hits.map((hit) => (
              <Combobox.Option key={hit.id} value={`${hit.objectType}:${hit.id}`}>
                <Group gap="sm" wrap="nowrap">
                  {hit.objectType === 'companies' ? <IconBuilding size={16} /> : <IconAddressBook size={16} />}
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" truncate>
                      {hit.title}
                    </Text>
                    {hit.subtitle && (
                      <Text size="xs" c="dimmed" truncate>
                        {hit.subtitle}
                      </Text>
                    )}
                  </div>
                </Group>
              </Combobox.Option>
            ))}
            {hits.length === 0 && settled && <Combobox.Empty>Nothing matches “{query.trim()}”</Combobox.Empty>}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
    </>
  );
}

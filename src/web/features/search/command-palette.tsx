import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconAddressBook, IconBuilding, IconPlus, IconSearch, IconSettings, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { recordPath, useSearch } from './use-search';

type Command = { id: string; label: string; description?: string; icon: ReactNode; run: () => void; keywords: string };

/** Ctrl/Cmd+K: jump to any record by search, or run a command. */
export function CommandPalette() {
  const [query, setQuery] = useState('');
  const navigate = useNavigate();
  const { hits, settled } = useSearch(query, { limit: 8 });

  const commands: Command[] = [
    { id: 'create-contact', label: 'Create contact', icon: <IconPlus size={18} />, run: () => navigate('/contacts?new=1'), keywords: 'new add person' },
    { id: 'create-company', label: 'Create company', icon: <IconPlus size={18} />, run: () => navigate('/companies?new=1'), keywords: 'new add organisation account' },
    { id: 'go-contacts', label: 'Go to contacts', icon: <IconAddressBook size={18} />, run: () => navigate('/contacts'), keywords: 'people list' },
    { id: 'go-companies', label: 'Go to companies', icon: <IconBuilding size={18} />, run: () => navigate('/companies'), keywords: 'organisations accounts list' },
    { id: 'go-trash', label: 'Open contacts trash', icon: <IconTrash size={18} />, run: () => navigate('/contacts?trash=true'), keywords: 'deleted restore bin' },
    { id: 'go-settings', label: 'Open settings', icon: <IconSettings size={18} />, run: () => navigate('/settings'), keywords: 'custom fields members api keys workspace' },
  ];
  const q = query.trim().toLowerCase();
  const matching = commands.filter((c) => !q || `${c.label} ${c.keywords}`.toLowerCase().includes(q));

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={440} onSpotlightClose={() => setQuery('')}>
      <Spotlight.Search placeholder="Search records or type a command…" leftSection={<IconSearch size={18} />} aria-label="Search records or type a command" />
      <Spotlight.ActionsList>
        {hits.length > 0 && (
          <Spotlight.ActionsGroup label="Records">
            {hits.map((hit) => (
              <Spotlight.Action
                key={hit.id}
                label={hit.title}
                description={hit.subtitle || (hit.objectType === 'companies' ? 'Company' : 'Contact')}
                leftSection={hit.objectType === 'companies' ? <IconBuilding size={18} /> : <IconAddressBook size={18} />}
                onClick={() => navigate(recordPath(hit.objectType, hit.id))}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {matching.length > 0 && (
          <Spotlight.ActionsGroup label="Commands">
            {matching.map((c) => (
              <Spotlight.Action key={c.id} label={c.label} leftSection={c.icon} onClick={c.run} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {hits.length === 0 && matching.length === 0 && settled && <Spotlight.Empty>Nothing found for “{query.trim()}”</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

export const openCommandPalette = () => spotlight.open();

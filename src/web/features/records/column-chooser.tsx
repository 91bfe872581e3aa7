import { Button, Checkbox, Divider, Group, Popover, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconColumns, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldInfo } from '../views/filter-model';

type Props = { fields: FieldInfo[]; columns: string[]; onChange: (columns: string[] | null) => void };

/** Which columns the list shows; custom fields are offered like any other. */
export function ColumnChooser({ fields, columns, onChange }: Props) {
  const [search, setSearch] = useState('');
  const q = search.trim().toLowerCase();
  const shown = fields.filter((f) => !q || f.label.toLowerCase().includes(q));
  const toggle = (key: string) => onChange(columns.includes(key) ? columns.filter((c) => c !== key) : [...columns, key]);
  return (
    <Popover position="bottom-end" width={280} shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" aria-label="Columns" px={{ base: 10, sm: 'md' }}>
          <IconColumns size={16} />
          <Text span size="sm" fw={600} ml={8} visibleFrom="sm" inherit>
            Columns
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="column-chooser">
        <Stack gap="xs">
          <TextInput size="xs" placeholder="Find a field" leftSection={<IconSearch size={14} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} aria-label="Find a field" />
          <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
            <Stack gap={6} py={4}>
              {shown.map((f) => (
                <Checkbox key={f.key} size="sm" label={f.label} checked={columns.includes(f.key)} onChange={() => toggle(f.key)} />
              ))}
              {shown.length === 0 && (
                <Text size="sm" c="dimmed">
                  No field matches.
                </Text>
              )}
            </Stack>
          </ScrollArea.Autosize>
          <Divider />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {columns.length} shown
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => onChange(null)}>
              Reset to default
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

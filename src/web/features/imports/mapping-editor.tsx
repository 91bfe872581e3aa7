import { Badge, Select, Table, Text } from '@mantine/core';
import type { ImportPreview } from '../../../contract/imports';

type Props = {
  preview: ImportPreview;
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
};

const SKIP = '__skip';

/** One line per column of the file: a few of its values and the field it goes to. */
export function MappingEditor({ preview, mapping, onChange }: Props) {
  const options = [{ value: SKIP, label: "Don't import" }, ...preview.targets.map((t) => ({ value: t.key, label: t.label }))];
  const used = new Map<string, number>();
  for (const t of Object.values(mapping)) if (t) used.set(t, (used.get(t) ?? 0) + 1);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="mapping-editor">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column in the file</Table.Th>
            <Table.Th>Example values</Table.Th>
            <Table.Th w={260}>Import as</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.headers.map((header) => {
            const target = mapping[header] ?? '';
            const examples = preview.sample.map((r) => r[header]).filter((v) => v && v.trim() !== '').slice(0, 3);
            const twice = target && (used.get(target) ?? 0) > 1;
            return (
              <Table.Tr key={header}>
                <Table.Td>
                  <Text fw={500} size="sm">
                    {header || <i>(no name)</i>}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {examples.length ? examples.join(' · ') : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Import ${header} as`}
                    data={options}
                    value={target || SKIP}
                    searchable
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    error={twice ? 'Two columns go to this field; the last one wins' : undefined}
                    onChange={(v) => {
                      const next = { ...mapping };
                      if (!v || v === SKIP) delete next[header];
                      else next[header] = v;
                      onChange(next);
                    }}
                    rightSection={target ? undefined : <Badge size="xs" variant="light" color="gray">skip</Badge>}
                    rightSectionWidth={target ? undefined : 48}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

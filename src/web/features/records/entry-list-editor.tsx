import { ActionIcon, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FieldErrorMap, errorAt } from '../../lib/field-errors';

type Entry = Record<string, string | undefined>;
export type SubField = { key: string; label: string; type?: string; placeholder?: string; grow?: boolean; width?: number; maxLength?: number };

type Props = {
  /** The record's property, also the start of error paths: `emails` → `emails.0.email`. */
  path: string;
  noun: string;
  /** Shown while the list is empty, e.g. "No addresses yet." */
  emptyText: string;
  items: Entry[];
  fields: SubField[];
  onChange: (items: Entry[]) => void;
  errors: FieldErrorMap;
  disabled?: boolean;
  /** The first entry is the primary one (emails, phones). */
  primaryFirst?: boolean;
  /** Lay the fields of each entry out in a grid (addresses) instead of one row. */
  grid?: boolean;
};

/** Empty optional parts are left out rather than sent as "". */
const clean = (entry: Entry): Entry => Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== '' && v !== undefined));

/** Emails, phones and addresses: a list of small records, each editable, removable, addable. */
export function EntryListEditor({ path, noun, emptyText, items, fields, onChange, errors, disabled, primaryFirst, grid }: Props) {
  const set = (i: number, key: string, value: string) => onChange(items.map((item, j) => (j === i ? clean({ ...item, [key]: value }) : item)));
  const remove = (i: number) => onChange(items.filter((_, j) => j !== i));
  const listError = errors[path];

  return (
    <Stack gap="xs" data-testid={`${path}-editor`}>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {items.map((item, i) => {
        const inputs = fields.map((f) => (
          <TextInput
            key={f.key}
            label={grid || i === 0 ? f.label : undefined}
            aria-label={`${f.label} ${i + 1}`}
            type={f.type ?? 'text'}
            placeholder={f.placeholder}
            value={item[f.key] ?? ''}
            onChange={(e) => set(i, f.key, e.currentTarget.value)}
            error={errorAt(errors, `${path}.${i}.${f.key}`)}
            disabled={disabled}
            maxLength={f.maxLength}
            style={grid ? undefined : f.grow ? { flex: 1, minWidth: 160 } : { width: f.width ?? 130 }}
            data-path={`${path}.${i}.${f.key}`}
          />
        ));
        const removeButton = !disabled && (
          <ActionIcon variant="subtle" color="gray" onClick={() => remove(i)} aria-label={`Remove ${noun} ${i + 1}`} mt={grid ? 0 : i === 0 ? 24 : 0} size="lg">
            <IconTrash size={16} />
          </ActionIcon>
        );
        return grid ? (
          <Paper key={i} withBorder p="sm" radius="md">
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                {item.label || `${noun[0].toUpperCase()}${noun.slice(1)} ${i + 1}`}
              </Text>
              {removeButton}
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              {inputs}
            </SimpleGrid>
          </Paper>
        ) : (
          <Group key={i} gap="xs" align="flex-start" wrap="wrap">
            {inputs}
            {primaryFirst && i === 0 && items.length > 1 && (
              <Badge variant="light" mt={i === 0 ? 30 : 6} size="sm">
                Primary
              </Badge>
            )}
            {removeButton}
          </Group>
        );
      })}
      {listError && (
        <Text size="xs" c="red">
          {listError}
        </Text>
      )}
      {!disabled && (
        <div>
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => onChange([...items, {}])}>
            Add {noun}
          </Button>
        </div>
      )}
    </Stack>
  );
}

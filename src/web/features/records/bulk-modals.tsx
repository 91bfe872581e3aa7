import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { plural } from '../../lib/format';
import type { EditorSpec } from './field-editors';
import { FieldInput } from './field-input';

type Base = { opened: boolean; onClose: () => void; count: number; noun: string; busy: boolean; error: unknown };

export function BulkEditModal({ fields, onApply, ...p }: Base & { fields: EditorSpec[]; onApply: (key: string, value: unknown) => void }) {
  const [key, setKey] = useState<string | null>(null);
  const [value, setValue] = useState<unknown>(null);
  const spec = fields.find((f) => f.key === key);
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={`Edit ${plural(p.count, p.noun)}`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (key) onApply(key, value);
        }}
      >
        <Stack>
          {!!p.error && <ErrorAlert error={p.error} title="Nothing was changed" />}
          <Select
            label="Field"
            placeholder="Choose the field to set"
            data={fields.map((f) => ({ value: f.key, label: f.label }))}
            value={key}
            onChange={(k) => {
              setKey(k);
              setValue(null);
            }}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          {spec && <FieldInput key={spec.key} spec={spec} value={value} onChange={setValue} label="New value" description="Leave empty to clear the field" />}
          <Text size="xs" c="dimmed">
            All selected records change together, or none do.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={p.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={p.busy} disabled={!spec}>
              Apply to {plural(p.count, p.noun)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function BulkTagModal({ onApply, ...p }: Base & { onApply: (tag: string) => void }) {
  const [tag, setTag] = useState('');
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={`Add a tag to ${plural(p.count, p.noun)}`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim()) onApply(tag.trim());
        }}
      >
        <Stack>
          {!!p.error && <ErrorAlert error={p.error} title="No tag was added" />}
          <TextInput label="Tag" placeholder="e.g. conference-2025" value={tag} onChange={(e) => setTag(e.currentTarget.value)} data-autofocus maxLength={60} />
          <Group justify="flex-end">
            <Button variant="default" onClick={p.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={p.busy} disabled={!tag.trim()}>
              Add tag
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function BulkDeleteModal({ onConfirm, ...p }: Base & { onConfirm: () => void }) {
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={`Move ${plural(p.count, p.noun)} to the trash?`} centered>
      <Stack>
        {!!p.error && <ErrorAlert error={p.error} title="Nothing was deleted" />}
        <Text size="sm">You can restore them from the trash later.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose}>
            Cancel
          </Button>
          <Button color="red" loading={p.busy} onClick={onConfirm}>
            Move to trash
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

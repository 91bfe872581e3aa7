import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { isApiError } from '../../lib/api';
import { onEscapeUnlessNested } from '../../lib/escape';
import { fieldErrorsOf, humanizeMessage } from '../../lib/field-errors';
import { FieldInput } from './field-input';
import type { Column } from './columns';
import type { AnyRecord } from './object-config';
import { valueAt } from './record-changes';

type Props = {
  record: AnyRecord;
  column: Column;
  onSave: (record: AnyRecord, column: Column, value: unknown) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
};

/** The message for an inline edit that failed, taken from the field's own error when there is one. */
function inlineError(err: unknown): string {
  if (!isApiError(err)) return 'Could not save';
  if (err.status === 412) return 'Someone else changed this record — reload the list and try again';
  const errors = Object.values(fieldErrorsOf(err));
  return errors[0] ?? humanizeMessage(err.detail);
}

/** Edits one cell in a small popover: Enter saves, Escape cancels. */
export function InlineCellEditor({ record, column, onSave, onClose, children }: Props) {
  const spec = column.editor!;
  const initial = valueAt(record, column.field.key);
  const [value, setValue] = useState<unknown>(initial ?? null);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await onSave(record, column, value);
      onClose();
    } catch (err) {
      setError(inlineError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Popover opened onDismiss={onClose} position="bottom-start" width={Math.max(280, column.width)} shadow="md" trapFocus withinPortal closeOnEscape={false}>
      <Popover.Target>{children}</Popover.Target>
      <Popover.Dropdown onKeyDown={onEscapeUnlessNested(onClose)}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack gap="xs">
            <Text size="xs" fw={600} c="dimmed">
              {spec.label}
            </Text>
            <FieldInput
              spec={spec}
              value={value}
              onChange={setValue}
              label={null}
              error={error}
              autoFocus
              inPopover
              size="xs"
              onSubmit={() => void save()}
              companyLabel={'company' in record ? record.company?.name : undefined}
            />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button size="xs" type="submit" loading={saving}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

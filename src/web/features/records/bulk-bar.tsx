import { Button, Group, Paper, Text } from '@mantine/core';
import { IconEdit, IconRestore, IconTag, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { CustomField } from '../../../contract/custom-fields';
import { plural } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { BulkDeleteModal, BulkEditModal, BulkTagModal } from './bulk-modals';
import { editableFields } from './field-editors';
import type { AnyRecord, ObjectConfig } from './object-config';
import { changesFor, withTag } from './record-changes';
import { useRecordMutations } from './use-record-mutations';

type Props = { config: ObjectConfig; selected: AnyRecord[]; trash: boolean; customDefs: CustomField[]; onDone: () => void };

/** What can be done to the selected rows at once: edit a field, add a tag, trash or restore. */
export function BulkBar({ config, selected, trash, customDefs, onDone }: Props) {
  const mutations = useRecordMutations(config.type);
  const [modal, setModal] = useState<'edit' | 'tag' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const count = selected.length;
  const noun = config.singular;

  const run = async (work: () => Promise<void>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      notifySuccess(message);
      setModal(null);
      onDone();
    } catch (err) {
      if (modal) setError(err);
      else notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setModal(null);
    setError(null);
  };
  const common = { count, noun, busy, error, onClose: close };

  return (
    <Paper withBorder shadow="xs" px="sm" py={6} radius="md" bg="indigo.0" data-testid="bulk-bar">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {plural(count, noun, config.plural)} selected
        </Text>
        <Group gap={6} wrap="wrap">
          {trash ? (
            <Button size="xs" leftSection={<IconRestore size={14} />} loading={busy} onClick={() => run(() => mutations.bulkRestore(selected.map((r) => r.id)), `${plural(count, noun, config.plural)} restored`)}>
              Restore
            </Button>
          ) : (
            <>
              <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={() => setModal('edit')}>
                Edit field
              </Button>
              <Button size="xs" variant="default" leftSection={<IconTag size={14} />} onClick={() => setModal('tag')}>
                Add tag
              </Button>
              <Button size="xs" variant="default" color="red" leftSection={<IconTrash size={14} />} onClick={() => setModal('delete')}>
                Delete
              </Button>
            </>
          )}
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onDone}>
            Clear
          </Button>
        </Group>
      </Group>
      {modal === 'edit' && (
        <BulkEditModal
          opened
          {...common}
          fields={editableFields(config.type, customDefs).filter((f) => f.key !== 'email' && f.key !== 'phone')}
          onApply={(key, value) =>
            run(() => mutations.bulkUpdate(selected.map((r) => ({ id: r.id, changes: changesFor(r, key, value) }))), `${plural(count, noun, config.plural)} updated`)
          }
        />
      )}
      {modal === 'tag' && (
        <BulkTagModal
          opened
          {...common}
          onApply={(tag) => run(() => mutations.bulkUpdate(selected.map((r) => ({ id: r.id, changes: withTag(r, tag) }))), `Tag “${tag}” added`)}
        />
      )}
      {modal === 'delete' && (
        <BulkDeleteModal opened {...common} onConfirm={() => run(() => mutations.bulkRemove(selected.map((r) => r.id)), `${plural(count, noun, config.plural)} moved to the trash`)} />
      )}
    </Paper>
  );
}

import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';

type Props = {
  opened: boolean;
  onClose: () => void;
  canShare: boolean;
  saving: boolean;
  error: unknown;
  onSave: (input: { name: string; shared: boolean }) => void;
};

export function SaveViewModal({ opened, onClose, canShare, saving, error, onSave }: Props) {
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const errors = isApiError(error) ? fieldErrorsOf(error) : {};
  return (
    <Modal opened={opened} onClose={onClose} title="Save view" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ name: name.trim(), shared });
        }}
      >
        <Stack>
          {!!error && !errors.name && <ErrorAlert error={error} title="Could not save the view" />}
          <TextInput label="Name" placeholder="e.g. Customers in Europe" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus required />
          <Switch
            label="Share with the workspace"
            description={canShare ? 'Everyone in the workspace sees shared views.' : 'Your role can save private views only.'}
            checked={shared}
            disabled={!canShare}
            onChange={(e) => setShared(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving} disabled={!name.trim()}>
              Save view
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

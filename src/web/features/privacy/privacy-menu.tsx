import { Alert, Button, Group, List, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconShieldLock, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { Contact } from '../../../contract/contacts';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { useEraseContact } from './use-privacy';

/** Erasure cannot be undone: the person's name must be typed before the button works. */
function EraseModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const erase = useEraseContact(contact.id);
  const [typed, setTyped] = useState('');
  const matches = typed.trim().toLowerCase() === contact.fullName.trim().toLowerCase();
  const errors = isApiError(erase.error) ? fieldErrorsOf(erase.error) : {};
  return (
    <Modal opened onClose={onClose} title="Erase personal data" centered size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) erase.mutate(typed, { onSuccess: () => (notifySuccess('Personal data erased'), onClose()) });
        }}
      >
        <Stack>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This cannot be undone">
            <Text size="sm">Everything that identifies {contact.fullName} is removed, in one go, from:</Text>
            <List size="sm" mt={4}>
              <List.Item>the contact (name, emails, phones, addresses, notes, custom fields) and their leads</List.Item>
              <List.Item>activities, comments, tasks, notifications, quotes and invoices that mention them</List.Item>
              <List.Item>the history, the search index and past imports</List.Item>
            </List>
            <Text size="sm" mt={4}>
              Deals, invoices and their amounts stay, linked to “Erased contact”.
            </Text>
          </Alert>
          {!!erase.error && !errors.confirm && <ErrorAlert error={erase.error} title="Nothing was erased" />}
          <TextInput
            label={`Type ${contact.fullName} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={errors.confirm}
            autoComplete="off"
            data-autofocus
            data-testid="erase-confirm"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={erase.isPending} data-testid="erase-submit">
              Erase for good
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The contact page's privacy menu: the data-subject export and erasure. */
export function PrivacyMenu({ contact }: { contact: Contact }) {
  const canExport = useCan('audit:read');
  const canErase = useCan('workspace:manage');
  const [erasing, setErasing] = useState(false);
  if (!canExport && !canErase) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconShieldLock size={16} />} data-testid="privacy-menu">
            Privacy
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {canExport && (
            <Menu.Item component="a" href={`/api/v1/contacts/${contact.id}/export.zip`} download leftSection={<IconDownload size={16} />}>
              Export personal data
            </Menu.Item>
          )}
          {canErase && (
            <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => setErasing(true)}>
              Erase personal data…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {erasing && <EraseModal contact={contact} onClose={() => setErasing(false)} />}
    </>
  );
}

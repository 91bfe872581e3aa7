import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Invitation, InvitationCreate } from '../../../contract/auth';
import type { Role } from '../../../contract/roles';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { SecretOnce } from '../../components/secret-once';
import { type ApiError, api, isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { grantableRoles } from './roles';

type Created = { invitation: Invitation; token: string; acceptUrl: string };

/** Invites someone by email; the link to accept is shown once, to copy and send. */
export function InviteModal({ onClose }: { onClose: () => void }) {
  const session = useCurrentSession();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const invite = useMutation<Created, ApiError, InvitationCreate>({
    mutationFn: (body) => api.post<Created>('/api/v1/invitations', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['invitations'] }),
  });
  const errors = isApiError(invite.error) ? fieldErrorsOf(invite.error) : {};
  return (
    <Modal opened onClose={onClose} title="Invite someone" centered size="lg">
      {invite.data ? (
        <Stack>
          <SecretOnce
            label="Invitation link"
            value={invite.data.acceptUrl}
            note={`Send this link to ${invite.data.invitation.email}. It is shown only now and works for 7 days.`}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => invite.reset()}>
              Invite another
            </Button>
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate({ email: email.trim(), role });
          }}
        >
          <Stack>
            {invite.error && !errors.email && !errors.role && <ErrorAlert error={invite.error} title="Could not invite" />}
            <TextInput label="Email" type="email" placeholder="colleague@example.com" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} data-autofocus required />
            <Select
              label="Role"
              data={grantableRoles(session.workspace?.role ?? 'viewer').map((r) => ({ value: r.value, label: `${r.label} — ${r.description}` }))}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              error={errors.role}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending} disabled={!email.trim()}>
                Create invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

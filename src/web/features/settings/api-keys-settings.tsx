import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Skeleton, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiKey, ApiKeyCreate } from '../../../contract/auth';
import type { Role } from '../../../contract/roles';
import { useCan, useCurrentSession } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { SecretOnce } from '../../components/secret-once';
import { type ApiError, api, isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { formatDate, fromNow } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { grantableRoles, roleLabel } from './roles';

type Created = { apiKey: ApiKey; secret: string };

function CreateKeyModal({ onClose }: { onClose: () => void }) {
  const session = useCurrentSession();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const create = useMutation<Created, ApiError, ApiKeyCreate>({
    mutationFn: (body) => api.post<Created>('/api/v1/api-keys', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const errors = isApiError(create.error) ? fieldErrorsOf(create.error) : {};
  return (
    <Modal opened onClose={onClose} title="New API key" centered size="lg">
      {create.data ? (
        <Stack>
          <SecretOnce label="API key" value={create.data.secret} note="Copy it now: it is shown only once. Send it as “Authorization: Bearer <key>”." />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name: name.trim(), role });
          }}
        >
          <Stack>
            {create.error && !errors.name && <ErrorAlert error={create.error} title="Could not create the key" />}
            <TextInput label="Name" placeholder="e.g. Zapier, website form" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus required />
            <Select
              label="Acts as"
              description="The key can do what this role can do."
              data={grantableRoles(session.workspace?.role ?? 'viewer').map((r) => ({ value: r.value, label: `${r.label} — ${r.description}` }))}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export function ApiKeysSettings() {
  const canManage = useCan('keys:manage');
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const query = useQuery({ queryKey: ['api-keys'], queryFn: () => api.get<{ data: ApiKey[] }>('/api/v1/api-keys').then((r) => r.data), enabled: canManage });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/api-keys/${id}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['api-keys'] });
      notifySuccess('Key revoked');
    },
    onError: (err) => notifyError(err, 'Could not revoke the key'),
  });
  if (!canManage) return <Text c="dimmed">Only owners and admins manage API keys.</Text>;
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h5">
            API keys
          </Title>
          <Text size="sm" c="dimmed">
            Let other tools use the REST API on this workspace's behalf.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          New key
        </Button>
      </Group>
      {query.error && <ErrorAlert error={query.error} title="Could not load API keys" />}
      {query.isPending && <Skeleton height={60} />}
      {query.data?.length === 0 && <EmptyState icon={<IconKey size={28} />} title="No API keys yet" description="Create one to connect an integration." />}
      {!!query.data?.length && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((k) => (
                <Table.Tr key={k.id} style={k.revokedAt ? { opacity: 0.55 } : undefined}>
                  <Table.Td>
                    {k.name} {k.revokedAt && <Badge size="xs" color="gray">revoked</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {k.prefix}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{roleLabel(k.role)}</Table.Td>
                  <Table.Td>{formatDate(k.createdAt)}</Table.Td>
                  <Table.Td>{k.lastUsedAt ? fromNow(k.lastUsedAt) : 'Never'}</Table.Td>
                  <Table.Td>
                    {!k.revokedAt && (
                      <Tooltip label="Revoke" withArrow>
                        <ActionIcon variant="subtle" color="red" aria-label={`Revoke ${k.name}`} onClick={() => window.confirm(`Revoke “${k.name}”? Tools using it stop working at once.`) && revoke.mutate(k.id)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <CreateKeyModal onClose={() => setCreating(false)} />}
    </Paper>
  );
}

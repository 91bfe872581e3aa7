import { ActionIcon, Badge, Button, Group, Paper, Select, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconMailPlus, IconUserMinus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan, useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { InvitationsList } from './invitations-list';
import { InviteModal } from './invite-modal';
import { grantableRoles, roleLabel } from './roles';
import { useMembers } from './use-members';

export function MembersSettings() {
  const session = useCurrentSession();
  const canManage = useCan('users:manage');
  const members = useMembers();
  const client = useQueryClient();
  const [inviting, setInviting] = useState(false);
  const myRole = session.workspace?.role ?? 'viewer';
  const done = () => client.invalidateQueries({ queryKey: ['members'] });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: string }) => api.patch(`/api/v1/members/${userId}`, { role }),
    onSuccess: () => {
      void done();
      notifySuccess('Role changed');
    },
    onError: (err) => notifyError(err, 'Could not change the role'),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.delete(`/api/v1/members/${userId}`),
    onSuccess: () => {
      void done();
      notifySuccess('Member removed');
    },
    onError: (err) => notifyError(err, 'Could not remove the member'),
  });
  const roleChoices = grantableRoles(myRole).map((r) => ({ value: r.value, label: r.label }));

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={3} size="h5">
              Members
            </Title>
            <Text size="sm" c="dimmed">
              People who can sign in to this workspace.
            </Text>
          </div>
          {canManage && (
            <Button leftSection={<IconMailPlus size={16} />} onClick={() => setInviting(true)}>
              Invite
            </Button>
          )}
        </Group>
        {members.error && <ErrorAlert error={members.error} title="Could not load members" />}
        {members.isPending && <Skeleton height={80} />}
        {members.data && (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Joined</Table.Th>
                  <Table.Th w={48} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.map((m) => {
                  const isMe = m.userId === session.user.id;
                  const editable = canManage && !isMe && (m.role !== 'owner' || myRole === 'owner');
                  return (
                    <Table.Tr key={m.userId} data-testid="member-row">
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {m.name} {isMe && <Badge size="xs" variant="light">you</Badge>}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {m.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {editable ? (
                          <Select
                            size="xs"
                            w={140}
                            aria-label={`Role of ${m.name}`}
                            data={roleChoices.some((r) => r.value === m.role) ? roleChoices : [...roleChoices, { value: m.role, label: roleLabel(m.role) }]}
                            value={m.role}
                            allowDeselect={false}
                            onChange={(role) => role && role !== m.role && changeRole.mutate({ userId: m.userId, role })}
                            comboboxProps={{ withinPortal: true }}
                          />
                        ) : (
                          <Badge variant="light" color={m.role === 'owner' ? 'indigo' : 'gray'}>
                            {roleLabel(m.role)}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(m.joinedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        {editable && (
                          <Tooltip label="Remove from workspace" withArrow>
                            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${m.name}`} onClick={() => window.confirm(`Remove ${m.name} from the workspace?`) && remove.mutate(m.userId)}>
                              <IconUserMinus size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {canManage && <InvitationsList />}
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </Stack>
  );
}

import { ActionIcon, Paper, Skeleton, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Invitation } from '../../../contract/auth';
import { ErrorAlert } from '../../components/error-alert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { roleLabel } from './roles';

export function InvitationsList() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['invitations'], queryFn: () => api.get<{ data: Invitation[] }>('/api/v1/invitations').then((r) => r.data) });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/invitations/${id}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['invitations'] });
      notifySuccess('Invitation withdrawn');
    },
    onError: (err) => notifyError(err, 'Could not withdraw the invitation'),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} size="h5">
        Pending invitations
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Invitations not accepted yet. Each link works once, for 7 days.
      </Text>
      {query.error && <ErrorAlert error={query.error} title="Could not load invitations" />}
      {query.isPending && <Skeleton height={40} />}
      {query.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No pending invitations.
        </Text>
      )}
      {!!query.data?.length && (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td>{inv.email}</Table.Td>
                  <Table.Td>{roleLabel(inv.role)}</Table.Td>
                  <Table.Td>{formatDate(inv.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Tooltip label="Withdraw" withArrow>
                      <ActionIcon variant="subtle" color="red" aria-label={`Withdraw invitation for ${inv.email}`} onClick={() => revoke.mutate(inv.id)}>
                        <IconX size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

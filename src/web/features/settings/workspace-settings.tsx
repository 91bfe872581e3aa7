import { Button, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Workspace } from '../../../contract/auth';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { type ApiError, api, isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { SESSION_KEY } from '../../lib/query-client';

export function WorkspaceSettings() {
  const canManage = useCan('workspace:manage');
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['workspace'], queryFn: () => api.get<Workspace>('/api/v1/workspace') });
  const [name, setName] = useState('');
  useEffect(() => {
    if (query.data) setName(query.data.name);
  }, [query.data]);
  const rename = useMutation<Workspace, ApiError, string>({
    mutationFn: (next) => api.patch<Workspace>('/api/v1/workspace', { name: next }),
    onSuccess: (ws) => {
      client.setQueryData(['workspace'], ws);
      void client.invalidateQueries({ queryKey: SESSION_KEY });
      notifySuccess('Workspace renamed');
    },
  });
  const errors = isApiError(rename.error) ? fieldErrorsOf(rename.error) : {};

  if (query.error) return <ErrorAlert error={query.error} title="Could not load the workspace" />;
  if (!query.data) return <Skeleton height={160} radius="md" />;
  return (
    <Paper withBorder p="lg" radius="md" maw={560}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutate(name.trim());
        }}
      >
        <Stack>
          {rename.error && !errors.name && <ErrorAlert error={rename.error} title="Could not rename" />}
          <TextInput
            label="Workspace name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            disabled={!canManage}
            description={canManage ? 'Shown to everyone in the workspace.' : 'Only owners and admins can rename the workspace.'}
          />
          <Group gap="xl">
            <div>
              <Text size="xs" c="dimmed">
                Short name
              </Text>
              <Text size="sm" ff="monospace">
                {query.data.slug}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Created
              </Text>
              <Text size="sm">{formatDate(query.data.createdAt)}</Text>
            </div>
          </Group>
          {canManage && (
            <Group justify="flex-end">
              <Button type="submit" loading={rename.isPending} disabled={!name.trim() || name.trim() === query.data.name}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

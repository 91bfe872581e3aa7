import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconLayoutKanban, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Pipeline } from '../../../contract/pipelines';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { notifyError, notifySuccess } from '../../lib/notify';
import { PipelineModal } from './pipeline-modal';
import { usePipelineMutations, usePipelines } from './use-pipelines';
import { RowActions } from '../../components/row-actions';

const KIND_COLOR = { open: 'gray', won: 'teal', lost: 'red' } as const;

/** Sales pipelines and their stages, as the board shows them. */
export function PipelinesSettings() {
  const canManage = useCan('sales:manage');
  const pipelines = usePipelines();
  const { remove } = usePipelineMutations();
  const [editing, setEditing] = useState<Pipeline | 'new' | null>(null);
  const onDelete = (p: Pipeline) => remove.mutate(p.id, { onSuccess: () => notifySuccess(`${p.name} deleted`), onError: (err) => notifyError(err, `Could not delete ${p.name}`) });
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" gap="sm">
        <div>
          <Title order={3} size="h5">
            Pipelines
          </Title>
          <Text size="sm" c="dimmed">
            The stages a deal goes through. Each pipeline is a board; new deals go to the default one.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New pipeline
          </Button>
        )}
      </Group>
      {pipelines.error && <ErrorAlert error={pipelines.error} title="Could not load the pipelines" />}
      {pipelines.isPending && <Skeleton height={80} />}
      <Stack gap="sm">
        {pipelines.data?.map((p) => (
          <Paper key={p.id} withBorder radius="sm" p="sm" data-testid="pipeline">
            <Group justify="space-between" gap="xs" mb={6}>
              <Group gap="xs">
                <IconLayoutKanban size={16} />
                <Text fw={600}>{p.name}</Text>
                {p.isDefault && (
                  <Badge size="sm" variant="light">
                    Default
                  </Badge>
                )}
              </Group>
              {canManage && (
                <RowActions
                  name={p.name}
                  onEdit={() => setEditing(p)}
                  onDelete={p.isDefault ? undefined : () => onDelete(p)}
                  deleteHint="Delete (only when it holds no deals)"
                  deleting={remove.isPending && remove.variables === p.id}
                />
              )}
            </Group>
            <Group gap={6}>
              {p.stages.map((s, i) => (
                <Badge key={s.id} variant="light" color={KIND_COLOR[s.kind]} style={{ textTransform: 'none' }}>
                  {i + 1}. {s.name} · {s.probability}%
                </Badge>
              ))}
            </Group>
          </Paper>
        ))}
      </Stack>
      {editing && <PipelineModal pipeline={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

import { Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { LinkableType } from '../../../contract/activities';
import type { Task } from '../../../contract/tasks';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { useMembers } from '../settings/use-members';
import { useLinkTitles } from './link-picker';
import { BUCKETS, groupByDue, isOpen } from './task-format';
import { TaskFormModal } from './task-form-modal';
import { TaskRow } from './task-row';
import { useRecordTasks } from './use-tasks';

/** Tasks about this record: open ones by due date, finished ones on request; new tasks link here. */
export function RecordTasks({ objectType, id, disabled }: { objectType: LinkableType; id: string; disabled?: boolean }) {
  const canWrite = useCan('records:write') && !disabled;
  const query = useRecordTasks(objectType, id);
  const members = useMembers();
  const [editing, setEditing] = useState<Task | null | undefined>(undefined);
  const [showDone, setShowDone] = useState(false);
  const tasks = query.data ?? [];
  const titles = useLinkTitles(tasks.flatMap((t) => t.links).filter((l) => l.id !== id));
  const open = tasks.filter(isOpen);
  const done = tasks.filter((t) => !isOpen(t));
  const groups = groupByDue(open, new Date());
  const row = (t: Task) => (
    <TaskRow key={t.id} task={t} titles={titles} assigneeName={t.assigneeId ? members.byId.get(t.assigneeId)?.name : undefined} onEdit={setEditing} readOnly={!canWrite} hideLinkTo={id} />
  );

  return (
    <Paper withBorder p="md" radius="md" data-testid="record-tasks">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <IconChecklist size={18} />
          <Title order={3} size="h5">
            Tasks{open.length ? ` · ${open.length}` : ''}
          </Title>
        </Group>
        {canWrite && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing(null)}>
            Add
          </Button>
        )}
      </Group>
      {query.isPending && <Skeleton height={40} />}
      {query.error && <ErrorAlert error={query.error} title="Could not load tasks" />}
      {query.isSuccess && open.length === 0 && (
        <Text size="sm" c="dimmed">
          No open tasks.
        </Text>
      )}
      <Stack gap={4}>
        {BUCKETS.map((b) =>
          groups[b.key].length ? (
            <div key={b.key}>
              <Text size="xs" fw={600} c={b.key === 'overdue' ? 'red' : 'dimmed'} tt="uppercase" mt={4}>
                {b.label}
              </Text>
              {groups[b.key].map(row)}
            </div>
          ) : null,
        )}
      </Stack>
      {done.length > 0 && (
        <Anchor component="button" type="button" size="xs" mt="xs" onClick={() => setShowDone((s) => !s)}>
          {showDone ? 'Hide finished tasks' : `Show ${done.length} finished`}
        </Anchor>
      )}
      {showDone && done.map(row)}
      <TaskFormModal opened={editing !== undefined} task={editing} links={[{ objectType, id }]} onClose={() => setEditing(undefined)} />
    </Paper>
  );
}

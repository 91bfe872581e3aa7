import { Badge, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Task } from '../../../contract/tasks';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { CalendarFeedCard } from './calendar-feed-card';
import { useLinkTitles } from './link-picker';
import { BUCKETS } from './task-format';
import { TaskFormModal } from './task-form-modal';
import { TaskRow } from './task-row';
import { useMyTasks, useTask } from './use-tasks';

/** /tasks: the person's open tasks by when they are due, and their calendar feed. `?task=<id>` opens one. */
export function TasksPage() {
  useDocumentTitle('Tasks · Rapport');
  const canWrite = useCan('records:write');
  const mine = useMyTasks();
  const [params, setParams] = useSearchParams();
  const linked = params.get('task');
  const opened = useTask(linked);
  const [editing, setEditing] = useState<Task | null | undefined>(undefined);
  const all = mine.data ? [...mine.data.overdue, ...mine.data.today, ...mine.data.upcoming, ...mine.data.undated] : [];
  const titles = useLinkTitles(all.flatMap((t) => t.links));
  const closeModal = () => {
    setEditing(undefined);
    if (linked) setParams({}, { replace: true });
  };
  // A task opened from a notification shows in the edit dialog, even when it is not in "my tasks".
  const modalTask = editing !== undefined ? editing : linked ? (opened.data ?? undefined) : undefined;

  return (
    <Stack gap="md">
      <PageHeader
        title="Tasks"
        description="Your open tasks, by when they are due."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
              New task
            </Button>
          )
        }
      />
      {linked && opened.error && <ErrorAlert error={opened.error} title="Could not open that task" />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {mine.isPending && <Skeleton height={120} radius="md" />}
            {mine.error && <ErrorAlert error={mine.error} title="Could not load your tasks" />}
            {mine.data &&
              BUCKETS.map((b) => {
                const tasks = mine.data[b.key];
                if (b.key === 'undated' && tasks.length === 0) return null;
                return (
                  <Paper key={b.key} withBorder p="md" radius="md" data-testid={`tasks-${b.key}`}>
                    <Group gap="xs" mb="xs">
                      <Title order={3} size="h5" c={b.key === 'overdue' && tasks.length ? 'red' : undefined}>
                        {b.label}
                      </Title>
                      <Badge size="sm" variant="light" color={b.key === 'overdue' && tasks.length ? 'red' : 'gray'}>
                        {tasks.length}
                      </Badge>
                    </Group>
                    {tasks.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {b.empty}
                      </Text>
                    ) : (
                      tasks.map((t) => <TaskRow key={t.id} task={t} titles={titles} onEdit={setEditing} highlighted={t.id === linked} readOnly={!canWrite} />)
                    )}
                  </Paper>
                );
              })}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CalendarFeedCard />
        </Grid.Col>
      </Grid>
      <TaskFormModal opened={modalTask !== undefined && canWrite} task={modalTask} onClose={closeModal} />
    </Stack>
  );
}

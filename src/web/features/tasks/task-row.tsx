import { ActionIcon, Badge, Checkbox, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconRepeat } from '@tabler/icons-react';
import type { Task } from '../../../contract/tasks';
import { notifyError, notifySuccess } from '../../lib/notify';
import { LinkedRecords } from './link-picker';
import { PRIORITY_COLORS, dueLabel, isOpen, recurrenceLabel } from './task-format';
import { useTaskMutations } from './use-tasks';

type Props = { task: Task; titles: Map<string, string>; assigneeName?: string; onEdit: (t: Task) => void; highlighted?: boolean; readOnly?: boolean; hideLinkTo?: string };

/** One task: a checkbox that completes it, what and when, and a way to edit it. */
export function TaskRow({ task, titles, assigneeName, onEdit, highlighted, readOnly, hideLinkTo }: Props) {
  const { update } = useTaskMutations();
  const open = isOpen(task);
  const overdue = open && !!task.dueAt && new Date(task.dueAt).getTime() < Date.now();
  const toggle = async () => {
    try {
      await update.mutateAsync({ id: task.id, changes: { status: open ? 'done' : 'open' } });
      notifySuccess(open ? (task.recurrence ? 'Done; the next one is scheduled' : 'Task done') : 'Task reopened');
    } catch (err) {
      notifyError(err, 'The task was not changed');
    }
  };
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      py={6}
      px={4}
      data-testid="task-row"
      data-task-id={task.id}
      style={highlighted ? { background: 'var(--mantine-color-yellow-0)', borderRadius: 6 } : undefined}
    >
      <Checkbox mt={2} checked={!open} onChange={() => void toggle()} disabled={readOnly || update.isPending} aria-label={open ? `Complete ${task.title}` : `Reopen ${task.title}`} />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} td={open ? undefined : 'line-through'} c={open ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
          {task.title}
        </Text>
        <Group gap={6} wrap="wrap">
          {task.dueAt && (
            <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
              {dueLabel(task.dueAt, new Date())}
            </Text>
          )}
          {task.priority !== 'normal' && (
            <Badge size="xs" variant="light" color={PRIORITY_COLORS[task.priority] ?? 'gray'}>
              {task.priority}
            </Badge>
          )}
          {task.status === 'in_progress' && (
            <Badge size="xs" variant="outline">
              In progress
            </Badge>
          )}
          {task.recurrence && (
            <Tooltip label={recurrenceLabel(task.recurrence)} withArrow>
              <IconRepeat size={12} aria-label={recurrenceLabel(task.recurrence) ?? 'Repeats'} />
            </Tooltip>
          )}
          {assigneeName && (
            <Text size="xs" c="dimmed">
              {assigneeName}
            </Text>
          )}
          <LinkedRecords links={hideLinkTo ? task.links.filter((l) => l.id !== hideLinkTo) : task.links} titles={titles} />
        </Group>
      </Stack>
      {!readOnly && (
        <ActionIcon variant="subtle" color="gray" onClick={() => onEdit(task)} aria-label={`Edit ${task.title}`}>
          <IconPencil size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

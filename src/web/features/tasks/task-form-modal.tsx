import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { LinkRef } from '../../../contract/activities';
import type { Task, TaskCreate } from '../../../contract/tasks';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { errorAt, type FieldErrorMap, fieldErrorsOf, unclaimed } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { useMembers } from '../settings/use-members';
import { LinkPicker } from './link-picker';
import { PRIORITY_OPTIONS, RECURRENCE_OPTIONS, REMINDER_OPTIONS, STATUS_OPTIONS, fromLocalInput, recurrenceLabel, toLocalInput } from './task-format';
import { useTaskMutations } from './use-tasks';

type Props = { task?: Task | null; links?: LinkRef[]; onClose: () => void };
const FIELDS = ['title', 'description', 'dueAt', 'reminderMinutes', 'assigneeId', 'priority', 'status', 'recurrence', 'links'];

function TaskForm({ task, links: initialLinks = [], onClose }: Props) {
  const me = useCurrentSession().user.id;
  const members = useMembers();
  const { create, update } = useTaskMutations();
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [due, setDue] = useState(toLocalInput(task?.dueAt ?? null));
  const [reminder, setReminder] = useState(task ? (task.reminderMinutes === null ? 'none' : String(task.reminderMinutes)) : '0');
  const [assignee, setAssignee] = useState<string | null>(task ? task.assigneeId : me);
  const [priority, setPriority] = useState(task?.priority ?? 'normal');
  const [status, setStatus] = useState(task?.status ?? 'open');
  const [recurrence, setRecurrence] = useState(task?.recurrence ?? '');
  const [links, setLinks] = useState<LinkRef[]>(task?.links ?? initialLinks);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [failure, setFailure] = useState<unknown>(null);
  const busy = create.isPending || update.isPending;
  const recurrenceOptions = recurrence && !RECURRENCE_OPTIONS.some((o) => o.value === recurrence) ? [...RECURRENCE_OPTIONS, { value: recurrence, label: recurrenceLabel(recurrence)! }] : RECURRENCE_OPTIONS;
  const reminderOptions = REMINDER_OPTIONS.some((o) => o.value === reminder) ? REMINDER_OPTIONS : [...REMINDER_OPTIONS, { value: reminder, label: `${reminder} minutes before` }];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setErrors({ title: 'Give the task a title' });
    if (due && !fromLocalInput(due)) return setErrors({ dueAt: 'Enter a date and time' });
    const input: TaskCreate = {
      title: title.trim(),
      description: description.trim() || null,
      dueAt: fromLocalInput(due),
      reminderMinutes: reminder === 'none' ? null : Number(reminder),
      assigneeId: assignee,
      priority: priority as TaskCreate['priority'],
      status: status as TaskCreate['status'],
      recurrence: recurrence || null,
      links,
    };
    setErrors({});
    setFailure(null);
    try {
      if (task) await update.mutateAsync({ id: task.id, changes: input });
      else await create.mutateAsync(input);
      notifySuccess(task ? 'Task saved' : 'Task created');
      onClose();
    } catch (err) {
      const fields = fieldErrorsOf(isApiError(err) ? err : null);
      setErrors(fields);
      if (Object.keys(unclaimed(fields, (p) => FIELDS.includes(p.split('.')[0]))).length || Object.keys(fields).length === 0) setFailure(err);
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {!!failure && <ErrorAlert error={failure} title="The task was not saved" />}
        <TextInput label="Title" placeholder="Call back about the renewal" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} data-autofocus required />
        <Textarea label="Description" autosize minRows={2} maxRows={8} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="datetime-local" label="Due" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={errors.dueAt} />
          <Select label="Reminder" data={reminderOptions} value={reminder} onChange={(v) => setReminder(v ?? 'none')} allowDeselect={false} error={errors.reminderMinutes} disabled={!due} />
          <Select label="Assignee" data={members.options} value={assignee} onChange={setAssignee} clearable searchable placeholder="Nobody" error={errors.assigneeId} />
          <Select label="Priority" data={PRIORITY_OPTIONS} value={priority} onChange={(v) => setPriority(v ?? 'normal')} allowDeselect={false} error={errors.priority} />
          <Select label="Status" data={STATUS_OPTIONS} value={status} onChange={(v) => setStatus(v ?? 'open')} allowDeselect={false} error={errors.status} />
          <Select label="Repeats" data={recurrenceOptions} value={recurrence} onChange={(v) => setRecurrence(v ?? '')} allowDeselect={false} error={errors.recurrence} />
        </SimpleGrid>
        <LinkPicker value={links} onChange={setLinks} error={errorAt(errors, 'links')} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {task ? 'Save task' : 'Create task'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Creates a task (`task` undefined) or edits one; `links` pre-fills the records of a new task. */
export function TaskFormModal({ opened, ...props }: Props & { opened: boolean }) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={props.task ? 'Edit task' : 'New task'} size="lg">
      {opened && <TaskForm key={props.task?.id ?? 'new'} {...props} />}
    </Modal>
  );
}

import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { type FormEvent, useState } from 'react';
import { CALL_OUTCOMES, type ActivityCreate, type LinkableType } from '../../../contract/activities';
import { isApiError } from '../../lib/api';
import { errorAt, type FieldErrorMap, fieldErrorsOf } from '../../lib/field-errors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { fromLocalInput, toLocalInput } from '../tasks/task-format';
import { RichTextEditor } from './rich-text-editor';
import { CALL_OUTCOME_LABELS, parseAttendee, parseDuration, textToHtml } from './timeline-format';
import { useLogActivity } from './use-timeline';

type FormProps = { objectType: LinkableType; id: string };
const DIRECTIONS = [
  { value: 'out', label: 'Outgoing' },
  { value: 'in', label: 'Incoming' },
];

/** Submits one activity; field errors from the server land beside their inputs by path. */
function useActivitySubmit({ objectType, id }: FormProps, done: string, reset: () => void) {
  const log = useLogActivity(objectType, id);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const submit = (build: () => ActivityCreate | FieldErrorMap) => async (e: FormEvent) => {
    e.preventDefault();
    const input = build();
    if (!('type' in input)) return setErrors(input as FieldErrorMap);
    setErrors({});
    try {
      await log.mutateAsync(input as ActivityCreate);
      reset();
      notifySuccess(done);
    } catch (err) {
      const fields = fieldErrorsOf(isApiError(err) ? err : null);
      setErrors(fields);
      if (Object.keys(fields).length === 0) notifyError(err, 'Not saved');
    }
  };
  return { submit, errors, busy: log.isPending, at: (path: string) => errorAt(errors, path) };
}

function SubmitRow({ busy, label }: { busy: boolean; label: string }) {
  return (
    <Group justify="flex-end">
      <Button type="submit" loading={busy}>
        {label}
      </Button>
    </Group>
  );
}

export function CallForm(props: FormProps) {
  const [direction, setDirection] = useState('out');
  const [duration, setDuration] = useState('');
  const [outcome, setOutcome] = useState<string | null>('connected');
  const [notes, setNotes] = useState('');
  const f = useActivitySubmit(props, 'Call logged', () => (setDuration(''), setNotes('')));
  const build = (): ActivityCreate | FieldErrorMap => {
    const seconds = parseDuration(duration);
    if (duration.trim() && seconds === null) return { 'call.durationSeconds': 'Enter minutes (e.g. 5) or minutes:seconds (e.g. 4:30)' };
    return {
      type: 'call',
      subject: `${direction === 'out' ? 'Outgoing' : 'Incoming'} call`,
      body: textToHtml(notes),
      call: { direction: direction as 'in' | 'out', ...(seconds !== null && { durationSeconds: seconds }), ...(outcome && { outcome: outcome as (typeof CALL_OUTCOMES)[number] }) },
    };
  };
  return (
    <form onSubmit={f.submit(build)} data-testid="log-call">
      <Stack gap="sm">
        <SegmentedControl data={DIRECTIONS} value={direction} onChange={setDirection} aria-label="Direction" w="fit-content" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label="Duration" description="Minutes, or minutes:seconds" placeholder="5" value={duration} onChange={(e) => setDuration(e.currentTarget.value)} error={f.at('call.durationSeconds')} />
          <Select label="Outcome" data={CALL_OUTCOMES.map((o) => ({ value: o, label: CALL_OUTCOME_LABELS[o] }))} value={outcome} onChange={setOutcome} clearable error={f.at('call.outcome')} />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={f.at('body')} />
        <SubmitRow busy={f.busy} label="Log call" />
      </Stack>
    </form>
  );
}

export function MeetingForm(props: FormProps) {
  const initialStart = () => toLocalInput(dayjs().minute(0).second(0).toISOString());
  const [subject, setSubject] = useState('');
  const [start, setStart] = useState(initialStart);
  const [end, setEnd] = useState(() => toLocalInput(dayjs().minute(0).second(0).add(1, 'hour').toISOString()));
  const [location, setLocation] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const f = useActivitySubmit(props, 'Meeting logged', () => (setSubject(''), setLocation(''), setAttendees([]), setNotes('')));
  const build = (): ActivityCreate | FieldErrorMap => {
    const startAt = fromLocalInput(start);
    const endAt = fromLocalInput(end);
    if (!startAt) return { 'meeting.startAt': 'Pick when it started' };
    if (!endAt) return { 'meeting.endAt': 'Pick when it ended' };
    if (endAt < startAt) return { 'meeting.endAt': 'Ends before it starts' };
    return {
      type: 'meeting',
      subject: subject.trim() || 'Meeting',
      body: textToHtml(notes),
      occurredAt: startAt,
      meeting: { startAt, endAt, ...(location.trim() && { location: location.trim() }), ...(attendees.length && { attendees: attendees.map(parseAttendee) }) },
    };
  };
  return (
    <form onSubmit={f.submit(build)} data-testid="log-meeting">
      <Stack gap="sm">
        <TextInput label="Title" placeholder="Quarterly review" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={f.at('subject')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="datetime-local" label="Starts" value={start} onChange={(e) => setStart(e.currentTarget.value)} error={f.at('meeting.startAt')} />
          <TextInput type="datetime-local" label="Ends" value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={f.at('meeting.endAt')} />
        </SimpleGrid>
        <TextInput label="Location" placeholder="Office, or a video link" value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={f.at('meeting.location')} />
        <TagsInput label="Attendees" description="Name <email>, or an email; Enter after each" value={attendees} onChange={setAttendees} error={f.at('meeting.attendees')} />
        <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={f.at('body')} />
        <SubmitRow busy={f.busy} label="Log meeting" />
      </Stack>
    </form>
  );
}

export function NoteForm(props: FormProps) {
  const [body, setBody] = useState('');
  const f = useActivitySubmit(props, 'Note added', () => setBody(''));
  const build = (): ActivityCreate | FieldErrorMap => (body ? { type: 'note', body } : { body: 'Write something first' });
  return (
    <form onSubmit={f.submit(build)} data-testid="log-note">
      <Stack gap="sm">
        <RichTextEditor label="Note" value={body} onChange={setBody} error={f.at('body')} placeholder="What happened, what was agreed…" />
        <SubmitRow busy={f.busy} label="Add note" />
      </Stack>
    </form>
  );
}

export function EmailForm(props: FormProps) {
  const [direction, setDirection] = useState('out');
  const [subject, setSubject] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState<string[]>([]);
  const [cc, setCc] = useState<string[]>([]);
  const [body, setBody] = useState('');
  const f = useActivitySubmit(props, 'Email logged', () => (setSubject(''), setTo([]), setCc([]), setBody('')));
  const build = (): ActivityCreate | FieldErrorMap =>
    from.trim()
      ? { type: 'email', subject: subject.trim() || null, body: body || null, email: { direction: direction as 'in' | 'out', from: from.trim(), to, cc } }
      : { 'email.from': 'Who sent it?' };
  return (
    <form onSubmit={f.submit(build)} data-testid="log-email">
      <Stack gap="sm">
        <SegmentedControl data={[{ value: 'out', label: 'Sent' }, { value: 'in', label: 'Received' }]} value={direction} onChange={setDirection} aria-label="Direction" w="fit-content" />
        <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={f.at('subject')} />
        <TextInput label="From" placeholder="name@example.com" value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={f.at('email.from')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TagsInput label="To" value={to} onChange={setTo} error={f.at('email.to')} />
          <TagsInput label="Cc" value={cc} onChange={setCc} error={f.at('email.cc')} />
        </SimpleGrid>
        <RichTextEditor label="Body" value={body} onChange={setBody} error={f.at('body')} />
        <SubmitRow busy={f.busy} label="Log email" />
      </Stack>
    </form>
  );
}

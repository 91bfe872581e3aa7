import { Alert, Button, Center, Chip, Group, Paper, ScrollArea, SegmentedControl, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import { IconTimeline } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { LinkableType } from '../../../contract/activities';
import { useCan } from '../../app/session';
import { errorMessage } from '../../components/error-alert';
import { CommentComposer } from '../comments/comment-composer';
import { useFields } from '../records/use-fields';
import { useMembers } from '../settings/use-members';
import { CallForm, EmailForm, MeetingForm, NoteForm } from './activity-forms';
import { TimelineEntry, timelineIcon } from './timeline-item';
import { FILTERS, type TimelineFilter, typeParam } from './timeline-format';
import { useTimeline } from './use-timeline';
import './timeline.css';

const COMPOSERS = [
  { value: 'note', label: 'Note' },
  { value: 'call', label: 'Call' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'email', label: 'Email' },
  { value: 'comment', label: 'Comment' },
];

/** The record's timeline: quick forms to log what happened, type chips, newest first, more on scroll. */
export function RecordTimeline({ objectType, id, disabled }: { objectType: 'contacts' | 'companies'; id: string; disabled?: boolean }) {
  const canWrite = useCan('records:write') && !disabled;
  const [composer, setComposer] = useState('note');
  const [chosen, setChosen] = useState<TimelineFilter[]>([]);
  const query = useTimeline(objectType as LinkableType, id, typeParam(chosen));
  const members = useMembers();
  const { data: fields = [] } = useFields(objectType);
  const items = query.data?.pages.flatMap((p) => p.data) ?? [];
  const { ref: sentinel, entry } = useIntersection({ rootMargin: '200px' });
  const { hasNextPage, isFetching, isFetchingNextPage, fetchNextPage } = query;
  // Scrolling near the end loads the next page; the button stays for keyboards and slow scrolls.
  // It waits for any fetch, not only a next-page one: a live refresh (a new entry logged
  // elsewhere) cancels a next-page fetch in flight, and the page is asked for again once it ends.
  useEffect(() => {
    if (entry?.isIntersecting && hasNextPage && !isFetching) void fetchNextPage();
  }, [entry?.isIntersecting, hasNextPage, isFetching, fetchNextPage]);

  const names = {
    person: (uid: string | null) => (uid ? (members.byId.get(uid)?.name ?? 'A former member') : 'Rapport'),
    memberName: (uid: string) => members.byId.get(uid)?.name,
    field: (key: string) => fields.find((f) => f.key === key)?.label ?? key,
  };
  const form = { objectType, id };

  return (
    <Paper withBorder p="md" radius="md" data-testid="timeline">
      <Group gap="xs" mb="sm">
        <IconTimeline size={18} />
        <Title order={3} size="h5">
          Timeline
        </Title>
      </Group>
      {canWrite && (
        <Stack gap="sm" mb="md">
          <ScrollArea type="never">
            <SegmentedControl data={COMPOSERS} value={composer} onChange={setComposer} aria-label="Log" size="xs" />
          </ScrollArea>
          {composer === 'note' && <NoteForm {...form} />}
          {composer === 'call' && <CallForm {...form} />}
          {composer === 'meeting' && <MeetingForm {...form} />}
          {composer === 'email' && <EmailForm {...form} />}
          {composer === 'comment' && <CommentComposer objectType={objectType} objectId={id} />}
        </Stack>
      )}
      <Chip.Group multiple value={chosen} onChange={(v) => setChosen(v as TimelineFilter[])}>
        <Group gap={6} mb="sm" aria-label="Show only">
          {FILTERS.map((f) => (
            <Chip key={f.value} value={f.value} size="xs" variant="light">
              {f.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {query.isPending && (
        <Stack gap="xs">
          <Skeleton height={14} />
          <Skeleton height={14} width="60%" />
          <Skeleton height={14} width="80%" />
        </Stack>
      )}
      {query.error && (
        <Alert color="red" variant="light">
          {errorMessage(query.error)}
        </Alert>
      )}
      {query.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="timeline-empty">
          {chosen.length ? 'Nothing of these kinds yet.' : 'Nothing logged yet. Calls, meetings, notes, emails and comments appear here, newest first.'}
        </Text>
      )}
      {items.length > 0 && (
        <Timeline bulletSize={24} lineWidth={2} active={-1}>
          {items.map((item) => (
            <Timeline.Item key={`${item.kind}:${item.id}`} bullet={timelineIcon(item)}>
              <TimelineEntry item={item} names={names} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <div ref={sentinel} />
      {hasNextPage && (
        <Center mt="sm">
          <Button variant="subtle" size="xs" onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
            Load more
          </Button>
        </Center>
      )}
    </Paper>
  );
}

import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconBrandLinkedin, IconCalendarEvent, IconEdit, IconMail, IconMessage, IconMessageCircle, IconNote, IconPhone, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { TimelineItem as Item } from '../../../contract/activities';
import { formatDate, fromNow } from '../../lib/format';
import { highlightMentions } from '../comments/mentions';
import { ACTION_LABELS } from '../records/history-format';
import { SafeHtml } from './safe-html';
import { CALL_OUTCOME_LABELS, attendeeLabel, formatDuration } from './timeline-format';

const ICONS: Record<string, ReactNode> = {
  note: <IconNote size={14} />,
  call: <IconPhone size={14} />,
  meeting: <IconCalendarEvent size={14} />,
  email: <IconMail size={14} />,
  chat: <IconMessage size={14} />,
  social: <IconBrandLinkedin size={14} />,
  comment: <IconMessageCircle size={14} />,
  created: <IconPlus size={14} />,
};
const TYPE_LABELS: Record<string, string> = { note: 'Note', call: 'Call', meeting: 'Meeting', email: 'Email', chat: 'Chat', social: 'Social message', comment: 'Comment' };

export const timelineIcon = (item: Item) => ICONS[item.kind === 'event' ? item.type : item.type] ?? <IconEdit size={14} />;

type Names = { person: (id: string | null) => string; field: (key: string) => string; memberName: (id: string) => string | undefined };

function When({ at }: { at: string }) {
  return (
    <Tooltip label={formatDate(at, true)} withArrow>
      <span>{fromNow(at)}</span>
    </Tooltip>
  );
}

function Meta({ who, at, children }: { who: string; at: string; children?: ReactNode }) {
  return (
    <Text size="xs" c="dimmed">
      {who} · <When at={at} />
      {children}
    </Text>
  );
}

const Direction = ({ dir }: { dir?: string }) =>
  dir ? (
    <Badge tt="none" size="xs" variant="light" color={dir === 'in' ? 'teal' : 'blue'} leftSection={dir === 'in' ? <IconArrowDownLeft size={10} /> : <IconArrowUpRight size={10} />}>
      {dir === 'in' ? 'Incoming' : 'Outgoing'}
    </Badge>
  ) : null;

function ActivityDetails({ item }: { item: Item }) {
  const a = item.activity!;
  if (a.call)
    return (
      <Group gap={6}>
        <Direction dir={a.call.direction} />
        {a.call.durationSeconds !== undefined && (
          <Badge tt="none" size="xs" variant="default">
            {formatDuration(a.call.durationSeconds)}
          </Badge>
        )}
        {a.call.outcome && (
          <Badge tt="none" size="xs" variant="light" color={a.call.outcome === 'connected' ? 'green' : 'gray'}>
            {CALL_OUTCOME_LABELS[a.call.outcome] ?? a.call.outcome}
          </Badge>
        )}
      </Group>
    );
  if (a.meeting)
    return (
      <Stack gap={2}>
        <Text size="xs">
          {formatDate(a.meeting.startAt, true)} – {formatDate(a.meeting.endAt, true).slice(a.meeting.startAt.slice(0, 10) === a.meeting.endAt.slice(0, 10) ? -5 : 0)}
          {a.meeting.location && ` · ${a.meeting.location}`}
        </Text>
        {!!a.meeting.attendees?.length && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            With {a.meeting.attendees.map(attendeeLabel).join(', ')}
          </Text>
        )}
      </Stack>
    );
  if (a.email)
    return (
      <Stack gap={2}>
        <Group gap={6}>
          <Direction dir={a.email.direction} />
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            From {a.email.from}
            {!!a.email.to?.length && ` to ${a.email.to.join(', ')}`}
          </Text>
        </Group>
        {!!a.email.cc?.length && (
          <Text size="xs" c="dimmed">
            Cc {a.email.cc.join(', ')}
          </Text>
        )}
      </Stack>
    );
  if (a.chat) return <Direction dir={a.chat.direction} />;
  if (a.social)
    return (
      <Text size="xs">
        {a.social.network} · {a.social.handle}
      </Text>
    );
  return null;
}

/** One entry: an activity with its details and body, a comment with mentions, or a change to the record. */
export function TimelineEntry({ item, names }: { item: Item; names: Names }) {
  if (item.kind === 'comment' && item.comment) {
    const c = item.comment;
    return (
      <Stack gap={4} data-testid="timeline-item" data-kind="comment">
        <Meta who={names.person(c.authorId)} at={item.at}>
          {c.updatedAt !== c.createdAt && ' · edited'}
        </Meta>
        <SafeHtml html={highlightMentions(c.body, names.memberName)} data-testid="comment-body" />
      </Stack>
    );
  }
  if (item.kind === 'event' && item.event) {
    const e = item.event;
    const keys = Object.keys(e.changes ?? {}).filter((k) => !['id', 'version', 'fullName', 'createdAt', 'updatedAt', 'deletedAt', 'company', 'parent'].includes(k));
    return (
      <Stack gap={2} data-testid="timeline-item" data-kind="event">
        <Text size="sm">
          {ACTION_LABELS[e.action] ?? e.action}
          {e.action === 'updated' && keys.length > 0 && (
            <Text span c="dimmed" size="sm">
              : {keys.map(names.field).join(', ')}
            </Text>
          )}
        </Text>
        <Meta who={e.actor.type === 'user' ? names.person(e.actor.id) : e.actor.type === 'api_key' ? 'An API key' : 'Rapport'} at={item.at} />
      </Stack>
    );
  }
  const a = item.activity!;
  return (
    <Stack gap={4} data-testid="timeline-item" data-kind={a.type}>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {a.subject || TYPE_LABELS[a.type] || a.type}
      </Text>
      <Meta who={names.person(a.createdBy)} at={item.at} />
      <ActivityDetails item={item} />
      {a.body && <SafeHtml html={a.body} mt={2} data-testid="activity-body" />}
    </Stack>
  );
}

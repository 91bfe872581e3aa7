import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { IconEdit, IconHistory, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import type { AuditPage } from '../../../contract/audit';
import { errorMessage } from '../../components/error-alert';
import { api, isApiError, queryString } from '../../lib/api';
import { formatDate, fromNow } from '../../lib/format';
import { useMembers } from '../settings/use-members';
import type { FieldInfo } from '../views/filter-model';
import { useCompanyNames } from './company-picker';
import { ACTION_LABELS, describeChanges, referencedIds } from './history-format';

type Page = Static<typeof AuditPage>;

const EXTRA_LABELS: Record<string, string> = { emails: 'Emails', phones: 'Phones', addresses: 'Addresses', companyId: 'Company', parentId: 'Parent company' };
const ICONS: Record<string, React.ReactNode> = {
  created: <IconPlus size={12} />,
  updated: <IconEdit size={12} />,
  deleted: <IconTrash size={12} />,
  restored: <IconRestore size={12} />,
};

/** Who changed what and when, newest first, from the audit log. */
export function HistoryPanel({ objectId, fields }: { objectId: string; fields: FieldInfo[] }) {
  const members = useMembers();
  const query = useInfiniteQuery({
    queryKey: ['audit', objectId],
    queryFn: ({ pageParam }) => api.get<Page>(`/api/v1/audit${queryString({ objectId, limit: 20, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const labelOf = (key: string) => fields.find((f) => f.key === key)?.label ?? EXTRA_LABELS[key] ?? key;
  const events = query.data?.pages.flatMap((p) => p.data) ?? [];
  const companies = useCompanyNames(events.flatMap((e) => referencedIds(e.changes, ['companyId', 'parentId'])));
  const nameOf = (key: string, id: string) =>
    key === 'ownerId' ? (members.byId.get(id)?.name ?? 'a former member') : key === 'companyId' || key === 'parentId' ? (companies.get(id) ?? 'a deleted company') : undefined;
  const actorName = (actor: { type: string; id: string | null }) =>
    actor.type === 'user' ? (members.byId.get(actor.id ?? '')?.name ?? 'A former member') : actor.type === 'api_key' ? 'An API key' : 'Rapport';

  return (
    <Paper withBorder p="md" radius="md" data-testid="history">
      <Group gap="xs" mb="sm">
        <IconHistory size={18} />
        <Title order={3} size="h5">
          History
        </Title>
      </Group>
      {query.isPending && (
        <Stack gap="xs">
          <Skeleton height={12} />
          <Skeleton height={12} width="70%" />
        </Stack>
      )}
      {query.error && (
        <Alert color={isApiError(query.error) && query.error.status === 403 ? 'gray' : 'red'} variant="light">
          {errorMessage(query.error)}
        </Alert>
      )}
      {!query.isPending && !query.error && events.length === 0 && (
        <Text size="sm" c="dimmed">
          No changes recorded yet.
        </Text>
      )}
      {events.length > 0 && (
        <Timeline bulletSize={22} lineWidth={2} active={-1}>
          {events.map((e) => {
            const lines = e.action === 'updated' ? describeChanges(e.changes, labelOf, nameOf) : [];
            return (
              <Timeline.Item key={e.id} bullet={ICONS[e.action] ?? <IconEdit size={12} />} title={<Text size="sm" fw={600}>{ACTION_LABELS[e.action] ?? e.action}</Text>}>
                <Text size="xs" c="dimmed">
                  {actorName(e.actor)} ·{' '}
                  <Tooltip label={formatDate(e.createdAt, true)} withArrow>
                    <span>{fromNow(e.createdAt)}</span>
                  </Tooltip>
                </Text>
                {lines.length > 0 && (
                  <Stack gap={2} mt={4}>
                    {lines.map((l) => (
                      <Text key={l.key} size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="history-change">
                        <Text span fw={600} size="xs">
                          {l.label}:
                        </Text>{' '}
                        <Text span c="dimmed" td="line-through" size="xs">
                          {l.before}
                        </Text>{' '}
                        → {l.after}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {query.hasNextPage && (
        <Button variant="subtle" size="xs" mt="sm" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          Show older changes
        </Button>
      )}
    </Paper>
  );
}

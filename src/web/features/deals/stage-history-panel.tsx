import { Group, Progress, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import type { Deal, StageHistory } from '../../../contract/deals';
import { Section } from '../../components/section';
import { ErrorAlert } from '../../components/error-alert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { formatDuration } from './duration';

type History = Static<typeof StageHistory>;

/** Every stage the deal went through, when, and how long it stayed; the current one counts until now. */
export function StageHistoryPanel({ deal }: { deal: Deal }) {
  // The deal's version is in the key: a stage change shows here as soon as it is saved.
  const query = useQuery({
    queryKey: ['stage-history', deal.id, deal.version],
    queryFn: () => api.get<History>(`/api/v1/deals/${deal.id}/stage-history`),
  });
  const total = (query.data?.totals ?? []).reduce((n, t) => n + t.seconds, 0);
  return (
    <Section title="Stage history" testId="stage-history">
      {query.error ? (
        <ErrorAlert error={query.error} title="Could not load the stage history" />
      ) : !query.data ? (
        <Skeleton height={80} />
      ) : (
        <Stack gap="md">
          <Stack gap={6}>
            {query.data.totals.map((t) => (
              <div key={t.stageId}>
                <Group justify="space-between" gap="xs">
                  <Text size="sm">{t.stageName}</Text>
                  <Text size="sm" c="dimmed" data-testid="stage-time">
                    {formatDuration(t.seconds)}
                  </Text>
                </Group>
                <Progress value={total ? (t.seconds / total) * 100 : 0} size="sm" aria-label={`Time in ${t.stageName}`} />
              </div>
            ))}
          </Stack>
          <Timeline active={query.data.data.length - 1} bulletSize={14} lineWidth={2}>
            {query.data.data.map((i) => (
              <Timeline.Item key={`${i.stageId}-${i.enteredAt}`} title={<Text size="sm" fw={500}>{i.stageName}</Text>}>
                <Text size="xs" c="dimmed">
                  {formatDate(i.enteredAt, true)} · {i.leftAt ? formatDuration(i.seconds) : `${formatDuration(i.seconds)} so far`}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Section>
  );
}

import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarShare } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/error-alert';
import { SecretOnce } from '../../components/secret-once';
import { formatDate } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useCalendarFeed } from './use-tasks';

/** The person's iCalendar feed: its secret address once created or rotated, and a way to turn it off. */
export function CalendarFeedCard() {
  const { status, rotate, revoke } = useCalendarFeed();
  const active = status.data?.active;
  const doRotate = () =>
    rotate.mutate(undefined, {
      onError: (err) => notifyError(err, 'No new address'),
    });
  const doRevoke = () =>
    revoke.mutate(undefined, {
      onSuccess: () => notifySuccess('Calendar feed turned off'),
      onError: (err) => notifyError(err),
    });
  return (
    <Paper withBorder p="md" radius="md" data-testid="calendar-feed">
      <Group gap="xs" mb="xs">
        <IconCalendarShare size={18} />
        <Title order={3} size="h5">
          Calendar feed
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Subscribe from Google Calendar, Outlook or Apple Calendar to see your tasks and meetings there. The address is a secret: anyone who has it can read your calendar.
      </Text>
      {status.isPending && <Skeleton height={32} />}
      {status.error && <ErrorAlert error={status.error} title="Could not load your feed" />}
      {rotate.data && <SecretOnce label="Your calendar feed address" value={rotate.data.url} note="Shown only now. Copy it into your calendar app; rotating it gives a new one and stops this one." />}
      {status.isSuccess && (
        <Stack gap="xs" mt={rotate.data ? 'sm' : 0}>
          {active && !rotate.data && status.data.createdAt && (
            <Text size="sm">Your feed is on since {formatDate(status.data.createdAt, true)}. Its address was shown when it was made; rotate it to get a new one.</Text>
          )}
          <Group gap="xs">
            <Button size="xs" variant={active ? 'default' : 'filled'} onClick={doRotate} loading={rotate.isPending}>
              {active ? 'Rotate address' : 'Create feed address'}
            </Button>
            {active && (
              <Button size="xs" variant="subtle" color="red" onClick={doRevoke} loading={revoke.isPending}>
                Turn off
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

import { ActionIcon, Badge, Box, Button, Center, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAt, IconBell, IconBellRinging, IconChecks, IconClipboardCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '../../../contract/notifications';
import { ErrorAlert } from '../../components/error-alert';
import { fromNow } from '../../lib/format';
import { badgeCount, notificationTarget } from './notification-target';
import { useNotificationActions, useNotificationList, useUnreadCount } from './use-notifications';

const ICONS: Record<string, typeof IconAt> = { mention: IconAt, 'task.assigned': IconClipboardCheck, 'task.reminder': IconBellRinging };

function NotificationRow({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const Icon = ICONS[n.type] ?? IconBell;
  return (
    <UnstyledButton onClick={() => onOpen(n)} className="notification-row" data-unread={!n.readAt || undefined} data-testid="notification" p="xs" w="100%">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Icon size={18} stroke={1.6} style={{ flexShrink: 0, marginTop: 2 }} />
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={n.readAt ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
            {n.title}
          </Text>
          <Text size="xs" c="dimmed">
            {fromNow(n.createdAt)}
          </Text>
        </Box>
        {!n.readAt && <Box w={8} h={8} mt={6} style={{ borderRadius: 4, background: 'var(--mantine-color-blue-6)', flexShrink: 0 }} aria-label="Unread" />}
      </Group>
    </UnstyledButton>
  );
}

/** The bell in the top bar: unread count, the latest notifications, mark read, open what they are about. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const { data: unread = 0 } = useUnreadCount();
  const list = useNotificationList(opened);
  const { markRead, markAll } = useNotificationActions();
  const items = list.data?.data ?? [];

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = notificationTarget(n);
    if (to) {
      setOpened(false);
      navigate(to);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal trapFocus={false}>
      <Popover.Target>
        <Indicator label={badgeCount(unread)} size={16} offset={4} disabled={unread === 0} color="red" data-testid="notification-count">
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => setOpened((o) => !o)} aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)" data-testid="notification-list" aria-label="Notifications">
        <Group justify="space-between" px="sm" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Group gap={6}>
            <Text fw={600} size="sm">
              Notifications
            </Text>
            {unread > 0 && (
              <Badge size="sm" variant="light" color="red" tt="none">
                {unread} unread
              </Badge>
            )}
          </Group>
          <Button size="compact-xs" variant="subtle" leftSection={<IconChecks size={14} />} disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420}>
          {list.isPending && (
            <Center py="lg">
              <Loader size="sm" aria-label="Loading notifications" />
            </Center>
          )}
          {list.error && (
            <Box p="sm">
              <ErrorAlert error={list.error} title="Could not load notifications" />
            </Box>
          )}
          {list.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="lg" px="sm">
              Nothing yet. Mentions, tasks assigned to you and reminders appear here.
            </Text>
          )}
          <Stack gap={0}>
            {items.map((n) => (
              <NotificationRow key={n.id} n={n} onOpen={open} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

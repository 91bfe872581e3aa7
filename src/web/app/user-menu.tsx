import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { SessionInfo } from '../../contract/auth';
import { useSignOut } from '../features/auth/use-sign-out';
import { api } from '../lib/api';
import { notifyError } from '../lib/notify';
import { useAdoptSession, useCurrentSession } from './session';

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('') || '?';

export function UserMenu() {
  const session = useCurrentSession();
  const adopt = useAdoptSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const switchWorkspace = useMutation({
    mutationFn: (workspaceId: string) => api.post<SessionInfo>('/api/v1/auth/switch-workspace', { workspaceId }),
    onSuccess: (next) => {
      adopt(next);
      navigate('/contacts');
    },
    onError: (err) => notifyError(err, 'Could not switch workspace'),
  });
  const { user, workspace, workspaces } = session;

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label="Account menu" data-testid="user-menu" style={{ borderRadius: 8, padding: '4px 6px', flexShrink: 0 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="indigo">
              {initials(user.name)}
            </Avatar>
            <div style={{ lineHeight: 1.15, maxWidth: 160 }} className="hide-on-phone">
              <Text size="sm" fw={600} truncate>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {workspace?.name}
              </Text>
            </div>
            <IconChevronDown size={14} className="hide-on-phone" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>Workspaces</Menu.Label>
        {workspaces.map((w) => (
          <Menu.Item
            key={w.id}
            onClick={() => w.id !== workspace?.id && switchWorkspace.mutate(w.id)}
            rightSection={w.id === workspace?.id ? <IconCheck size={14} /> : <Text size="xs" c="dimmed">{w.role}</Text>}
          >
            <Text size="sm" truncate>
              {w.name}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => navigate('/settings')}>
          Settings
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()} color="red">
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

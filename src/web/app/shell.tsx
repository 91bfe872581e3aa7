import { AppShell, Burger, Group, Loader, Center } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Logo } from '../features/auth/auth-layout';
import { showNotificationToast, useLiveUpdates } from '../features/live/use-live-updates';
import { NotificationBell } from '../features/notifications/notification-bell';
import { CommandPalette } from '../features/search/command-palette';
import { GlobalSearch } from '../features/search/global-search';
import { NavLinks } from './nav-links';
import { UserMenu } from './user-menu';

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  // On a phone the menu covers the page: close it once the person went somewhere.
  useEffect(() => close(), [location.pathname, close]);
  useLiveUpdates({ enabled: true, onNotification: showNotificationToast });

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close menu' : 'Open menu'} />
            <Link to="/contacts" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Rapport home">
              <Logo size={28} />
            </Link>
          </Group>
          <GlobalSearch />
          <Group gap={4} wrap="nowrap">
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <NavLinks />
      </AppShell.Navbar>
      <AppShell.Main className="app-main">
        <Suspense
          fallback={
            <Center py="xl">
              <Loader />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
}

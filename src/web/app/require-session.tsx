import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../components/error-alert';
import { useSignOut } from '../features/auth/use-sign-out';
import { useSession } from './session';

/** Screens behind it need a signed-in person with a workspace. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();
  const signOut = useSignOut();
  if (isPending) {
    return (
      <Center h="100dvh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (error) {
    return (
      <Center h="100dvh" p="md">
        <Stack>
          <ErrorAlert error={error} title="Cannot load your session" />
          <Button onClick={() => refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  if (!session.workspace) {
    return (
      <Center h="100dvh" p="md">
        <Stack maw={420} align="center" ta="center">
          <Title order={3}>No workspace yet</Title>
          <Text c="dimmed">
            You are signed in as {session.user.email}, but you are not a member of any workspace. Ask a colleague for an invitation link, or create
            a workspace of your own.
          </Text>
          <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            Sign out
          </Button>
        </Stack>
      </Center>
    );
  }
  return children;
}

import { Alert, Button, Center, Stack } from '@mantine/core';
import { useRouteError } from 'react-router-dom';

/** Last resort when a screen throws while rendering: say so and offer a way out. */
export function RouteError() {
  const error = useRouteError() as Error | undefined;
  return (
    <Center mih="60vh" p="md">
      <Stack maw={480}>
        <Alert color="red" title="This screen failed to load">
          {error?.message ?? 'An unexpected error happened.'}
        </Alert>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </Stack>
    </Center>
  );
}

import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useImportErrors } from './use-imports';

/** Every bad row with its line and reason, a page at a time. */
export function ImportErrors({ id, count }: { id: string; count: number }) {
  const [pages, setPages] = useState<number[]>([0]);
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={6} striped data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Line</Table.Th>
              <Table.Th>Why it was not imported</Table.Th>
              <Table.Th>The row</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pages.map((after, i) => (
              <ErrorPage key={after} id={id} after={after} onMore={i === pages.length - 1 ? (next) => setPages((p) => [...p, next]) : undefined} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>
        {count.toLocaleString()} bad {count === 1 ? 'row' : 'rows'} in all
      </Text>
    </>
  );
}

function ErrorPage({ id, after, onMore }: { id: string; after: number; onMore?: (next: number) => void }) {
  const page = useImportErrors(id, true, after);
  if (!page.data)
    return (
      <Table.Tr>
        <Table.Td colSpan={3}>
          <Text size="sm" c="dimmed">{page.error ? 'Could not load the bad rows' : 'Loading…'}</Text>
        </Table.Td>
      </Table.Tr>
    );
  return (
    <>
      {page.data.data.map((e) => (
        <Table.Tr key={e.line} data-testid="import-error-row">
          <Table.Td>{e.line}</Table.Td>
          <Table.Td>
            <Text size="sm" c="red.8" style={{ overflowWrap: 'anywhere' }}>{e.message}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere', fontFamily: 'monospace' }}>
              {e.values.__raw ?? Object.values(e.values).join(' · ')}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
      {onMore && page.data.nextAfter !== null && (
        <Table.Tr>
          <Table.Td colSpan={3}>
            <Group justify="center">
              <Button size="xs" variant="subtle" onClick={() => onMore(page.data!.nextAfter!)}>Show more bad rows</Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

import { Card, Table, Text, Title } from '@mantine/core';

/** The first cards of a vCard file as they will be imported: cards name their own fields, so there is nothing to map. */
export function VCardSample({ sample }: { sample: Record<string, string>[] }) {
  const columns = ['Name', 'Emails', 'Phones', 'Company', 'Title'];
  return (
    <Card withBorder padding="lg" data-testid="vcard-sample">
      <Title order={3} size="h5" mb={4}>2. The cards</Title>
      <Text size="sm" c="dimmed" mb="sm">
        A vCard file: every email, phone and address keeps its type; the organisation links to the company of that name. The first cards:
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>{columns.map((c) => <Table.Th key={c}>{c}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sample.map((row, i) => (
              <Table.Tr key={i}>{columns.map((c) => <Table.Td key={c}><Text size="sm" style={{ overflowWrap: 'anywhere' }}>{row[c] || '—'}</Text></Table.Td>)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

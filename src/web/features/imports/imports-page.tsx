import { Badge, Button, Group, Menu, Skeleton, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format';
import { IMPORT_OBJECTS, STATUS_COLORS, useImportList } from './use-imports';

function NewImportMenu() {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button leftSection={<IconPlus size={16} />}>New import</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {IMPORT_OBJECTS.map((o) => (
          <Menu.Item key={o.value} component={Link} to={`/imports/new?object=${o.value}`}>
            {o.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Past imports, newest first; a running one shows its progress as it goes. */
export function ImportsPage() {
  useDocumentTitle('Imports · Rapport');
  const list = useImportList();
  const navigate = useNavigate();
  const canImport = useCan('records:bulk');
  return (
    <>
      <PageHeader title="Imports" description="CSV and vCard files brought into this workspace: their progress, bad rows, and revert." actions={canImport ? <NewImportMenu /> : undefined} />
      {list.error ? (
        <ErrorAlert error={list.error} title="Could not load the imports" />
      ) : !list.data ? (
        <Skeleton h={160} />
      ) : list.data.length === 0 ? (
        <EmptyState icon={<IconFileImport size={28} />} title="No imports yet" description="Import contacts, companies, leads or deals from a CSV file exported from a spreadsheet or another CRM, or contacts from a vCard file." action={canImport ? <NewImportMenu /> : undefined} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="imports-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Of</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Rows</Table.Th>
                <Table.Th>Created · updated · skipped · bad</Table.Th>
                <Table.Th>Started</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((imp) => (
                <Table.Tr key={imp.id} onClick={() => navigate(`/imports/${imp.id}`)} style={{ cursor: 'pointer' }} data-testid="import-row">
                  <Table.Td>
                    <Text component={Link} to={`/imports/${imp.id}`} size="sm" fw={500} c="inherit" td="none">
                      {imp.fileName ?? 'uploaded file'}
                    </Text>
                    {imp.dryRun && <Badge ml={6} size="xs" variant="outline" color="gray">dry run</Badge>}
                  </Table.Td>
                  <Table.Td tt="capitalize">{imp.objectType}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[imp.status] ?? 'gray'}>{imp.status}</Badge>
                  </Table.Td>
                  <Table.Td>{imp.rowsTotal === null ? '…' : `${imp.rowsDone.toLocaleString()} / ${imp.rowsTotal.toLocaleString()}`}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" c="teal">{imp.created.toLocaleString()}</Text>·<Text size="sm">{imp.updated.toLocaleString()}</Text>·<Text size="sm">{imp.skipped.toLocaleString()}</Text>·
                      <Text size="sm" c={imp.errorCount ? 'red' : undefined}>{imp.errorCount.toLocaleString()}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDate(imp.createdAt, true)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

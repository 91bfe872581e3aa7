import { Alert, Anchor, Button, Center, Group, Loader, Radio, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconGitMerge, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert, errorMessage } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useCustomFields } from '../records/use-fields';
import { useMembers } from '../settings/use-members';
import { type MergeRow, defaultSource, differs, mergeRows, unionRows } from './merge-fields';
import { type DuplicateType, type MergeableRecord, useMerge, useMergeRecords } from './use-duplicates';

const ID = /^[0-9a-f-]{36}$/i;
const titleOf = (type: DuplicateType, r: MergeableRecord) => (type === 'contacts' ? (r as Contact).fullName || 'Unnamed contact' : (r as Company).name);

/** Which merge-screen row a server complaint is about (`fields.firstName`, or `parentId` from the survivor's validation). */
const rowOfError = (field: string | undefined) => field?.replace(/^fields\./, '');

/** Side by side: pick the record that survives and, per field, whose value it keeps; then merge. */
export function MergePage({ type }: { type: DuplicateType }) {
  const [params] = useSearchParams();
  const ids = useMemo(() => [...new Set((params.get('ids') ?? '').split(',').filter((id) => ID.test(id)))], [params]);
  const navigate = useNavigate();
  const queries = useMergeRecords(type, ids);
  const customDefs = useCustomFields(type);
  const members = useMembers();
  const merge = useMerge(type);
  const [survivorId, setSurvivorId] = useState<string | null>(null);
  const [picks, setPicks] = useState<Record<string, string>>({});
  const noun = type === 'contacts' ? 'contacts' : 'companies';
  useDocumentTitle(`Merge ${noun} · Rapport`);

  const records = queries.map((q) => q.data).filter((r): r is MergeableRecord => !!r);
  const failed = queries.find((q) => q.error)?.error;
  const allRows = useMemo(() => mergeRows(type, customDefs.data ?? []), [type, customDefs.data]);

  if (ids.length < 2) {
    return <EmptyState icon={<IconGitMerge size={28} />} title="Nothing to merge" description={`Pick two or more ${noun} from the possible duplicates.`} action={<Button component={Link} to={`/${type}/duplicates`}>Possible duplicates</Button>} />;
  }
  if (failed) return <ErrorAlert error={failed} title={`Could not load the ${noun} to merge`} />;
  if (records.length < ids.length || customDefs.isPending) {
    return (
      <Center py={80}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }

  // A field none of them has a value for has nothing to show or pick.
  const rows = allRows.filter((row) => records.some((r) => row.show(r, { member: () => 'x' }) !== ''));
  const survivor = records.find((r) => r.id === survivorId) ?? records[0];
  const ordered = [survivor, ...records.filter((r) => r.id !== survivor.id)];
  const sourceOf = (row: MergeRow) => picks[row.key] ?? defaultSource(row, ordered);
  const member = (id: string) => members.byId.get(id)?.name || members.byId.get(id)?.email || 'Former member';
  const errorRow = isApiError(merge.error) ? rowOfError(merge.error.field) : undefined;

  const submit = () => {
    const fields: Record<string, string> = {};
    for (const row of rows) if (differs(row, records)) fields[row.key] = sourceOf(row);
    const mergedIds = ordered.slice(1).map((r) => r.id);
    merge.mutate(
      { body: { survivorId: survivor.id, mergedIds, fields }, version: survivor.version },
      {
        onSuccess: (kept) => {
          notifySuccess(`Merged ${records.length} ${noun} into ${titleOf(type, kept)}`);
          navigate(`/${type}/${kept.id}`, { replace: true });
        },
      },
    );
  };

  const cellStyle = (r: MergeableRecord) => (r.id === survivor.id ? { background: 'var(--mantine-color-blue-light)' } : undefined);

  return (
    <Stack gap="md">
      <PageHeader
        title={`Merge ${records.length} ${noun}`}
        description="Choose the record that stays and, for each field, whose value it keeps. The others are deleted; their activities, tasks, comments and deals move to the one that stays."
        actions={
          <Button variant="default" component={Link} to={`/${type}/duplicates`} leftSection={<IconArrowLeft size={16} />}>
            Back to duplicates
          </Button>
        }
      />
      {merge.error && !errorRow && <ErrorAlert error={merge.error} title="Could not merge" />}
      <Table.ScrollContainer minWidth={360 + 220 * records.length}>
        <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="merge-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>Field</Table.Th>
              {records.map((r) => (
                <Table.Th key={r.id} style={cellStyle(r)}>
                  <Stack gap={4}>
                    <Radio
                      name="survivor"
                      value={r.id}
                      checked={r.id === survivor.id}
                      onChange={() => setSurvivorId(r.id)}
                      label={r.id === survivor.id ? 'Stays' : 'Keep this one'}
                      aria-label={`Keep ${titleOf(type, r)}`}
                    />
                    <Anchor component={Link} to={`/${type}/${r.id}`} fw={600} target="_blank">
                      {titleOf(type, r)}
                    </Anchor>
                    <Text size="xs" c="dimmed" fw={400}>
                      Added {formatDate(r.createdAt)}
                    </Text>
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const choose = differs(row, records);
              const chosen = sourceOf(row);
              return (
                <Table.Tr key={row.key} data-field={row.key}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {row.label}
                    </Text>
                    {errorRow === row.key && merge.error && (
                      <Text size="xs" c="red" role="alert">
                        {errorMessage(merge.error)}
                      </Text>
                    )}
                  </Table.Td>
                  {records.map((r) => {
                    const value = row.show(r, { member });
                    return (
                      <Table.Td key={r.id} style={cellStyle(r)}>
                        {choose ? (
                          <Radio
                            name={`field-${row.key}`}
                            value={r.id}
                            checked={chosen === r.id}
                            onChange={() => setPicks((p) => ({ ...p, [row.key]: r.id }))}
                            label={value || <Text span c="dimmed" size="sm">empty</Text>}
                            aria-label={`${row.label}: ${value || 'empty'} (${titleOf(type, r)})`}
                          />
                        ) : (
                          <Text size="sm" c={value ? undefined : 'dimmed'}>
                            {value || '—'}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
            {unionRows(type).map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    All are kept
                  </Text>
                </Table.Td>
                {records.map((r) => (
                  <Table.Td key={r.id} style={cellStyle(r)}>
                    <Text size="sm" c={row.values(r).length ? undefined : 'dimmed'}>
                      {row.values(r).join(', ') || '—'}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
        The merge is recorded in the history of {titleOf(type, survivor)}; the deleted {noun} stay in the audit log.
      </Alert>
      <Group justify="flex-end">
        <Button leftSection={<IconGitMerge size={16} />} loading={merge.isPending} onClick={submit}>
          Merge into {titleOf(type, survivor)}
        </Button>
      </Group>
    </Stack>
  );
}

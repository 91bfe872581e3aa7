import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconGitMerge, IconX } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { DuplicateGroup, DuplicateReason } from '../../../contract/duplicates';
import { formatDate } from '../../lib/format';
import type { DuplicateType, MergeableRecord } from './use-duplicates';

const REASON_LABELS: Record<string, string> = {
  email: 'Same email',
  phone: 'Same phone',
  name: 'Similar name at the same company',
  domain: 'Same domain',
};

export function reasonText(type: DuplicateType, r: DuplicateReason): string {
  if (type === 'companies' && r.kind === 'name') return `Same name: ${r.value}`;
  if (r.kind === 'name') return REASON_LABELS.name;
  return `${REASON_LABELS[r.kind] ?? r.kind}: ${r.value}`;
}

const titleOf = (type: DuplicateType, r: MergeableRecord) => (type === 'contacts' ? (r as Contact).fullName || 'Unnamed contact' : (r as Company).name);

function detailsOf(type: DuplicateType, r: MergeableRecord): string[] {
  if (type === 'contacts') {
    const c = r as Contact;
    return [c.email, c.phone, c.company?.name, c.title].filter((v): v is string => !!v);
  }
  const c = r as Company;
  return [c.domain, c.phone, c.industry].filter((v): v is string => !!v);
}

type Props = {
  type: DuplicateType;
  group: DuplicateGroup<MergeableRecord>;
  canWrite: boolean;
  dismissing: boolean;
  onMerge: () => void;
  onDismiss: () => void;
};

/** One group of possible duplicates: why they were grouped, the records, merge or dismiss. */
export function DuplicateGroupCard({ type, group, canWrite, dismissing, onMerge, onDismiss }: Props) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="duplicate-group">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} wrap="wrap">
            {group.reasons.map((r) => (
              <Badge key={`${r.kind}:${r.value}`} variant="light" color={r.kind === 'name' ? 'grape' : 'blue'} style={{ textTransform: 'none' }}>
                {reasonText(type, r)}
              </Badge>
            ))}
          </Group>
          {canWrite && (
            <Group gap="xs">
              <Button size="xs" variant="default" leftSection={<IconX size={14} />} loading={dismissing} onClick={onDismiss}>
                Not duplicates
              </Button>
              <Button size="xs" leftSection={<IconGitMerge size={14} />} onClick={onMerge}>
                Merge…
              </Button>
            </Group>
          )}
        </Group>
        <Table verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false}>
          <Table.Tbody>
            {group.records.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td w="35%">
                  <Anchor component={Link} to={`/${type}/${r.id}`} fw={500}>
                    {titleOf(type, r)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {detailsOf(type, r).join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td w={140} ta="right">
                  <Text size="xs" c="dimmed">
                    Added {formatDate(r.createdAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

import { Anchor, Button, Group, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconPercentage, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CommissionRule } from '../../../contract/commissions';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { notifyError, notifySuccess } from '../../lib/notify';
import { roleLabel } from '../settings/roles';
import { useMembers } from '../settings/use-members';
import { RuleModal } from './rule-modal';
import { BASIS_LABELS, useCommissionRules, useDeleteRule } from './use-commissions';
import { RowActions } from '../../components/row-actions';

/** Settings → Commissions: who earns what share of won deals or of payments received. */
export function CommissionRulesSettings() {
  const canManage = useCan('sales:manage');
  const rules = useCommissionRules();
  const members = useMembers();
  const remove = useDeleteRule();
  const [editing, setEditing] = useState<CommissionRule | 'new' | null>(null);
  const who = (r: CommissionRule) => (r.userId ? (members.byId.get(r.userId)?.name ?? members.byId.get(r.userId)?.email ?? 'A former member') : `Every ${roleLabel(r.role ?? '').toLowerCase()}`);
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h5">
            Commission rules
          </Title>
          <Text size="sm" c="dimmed">
            A person’s own rule wins over their role’s. See what each earned in <Anchor component={Link} to="/commissions">commission statements</Anchor>.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New rule
          </Button>
        )}
      </Group>
      {rules.error && <ErrorAlert error={rules.error} title="Could not load commission rules" />}
      {rules.isPending && <Skeleton height={60} />}
      {rules.data?.length === 0 && <EmptyState icon={<IconPercentage size={28} />} title="No commission rules yet" description="Pay a share of won deals or of invoice payments, to one person or to everyone with a role." />}
      {!!rules.data?.length && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>For</Table.Th>
                <Table.Th>Paid on</Table.Th>
                <Table.Th ta="right">Rate</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((r) => (
                <Table.Tr key={r.id} data-testid="commission-rule-row">
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{who(r)}</Table.Td>
                  <Table.Td>{BASIS_LABELS[r.basis]}</Table.Td>
                  <Table.Td ta="right">{r.ratePercent} %</Table.Td>
                  <Table.Td>
                    {canManage && (
                      <RowActions
                        name={r.name}
                        onEdit={() => setEditing(r)}
                        onDelete={() => window.confirm(`Delete the rule “${r.name}”?`) && remove.mutate(r.id, { onSuccess: () => notifySuccess('Rule deleted'), onError: (e) => notifyError(e, 'Could not delete the rule') })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <RuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

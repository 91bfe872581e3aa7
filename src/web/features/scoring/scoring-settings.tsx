import { Badge, Button, Group, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import type { Filter } from '../../../contract/filter';
import type { ScoreRule } from '../../../contract/leads';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFields } from '../records/use-fields';
import { describeFilter } from './describe-filter';
import { ScoreRuleModal, activityLabel } from './score-rule-modal';
import { useScoreRuleMutations, useScoreRules } from './use-score-rules';
import { RowActions } from '../../components/row-actions';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Lead scoring: each rule adds (or takes away) points; a lead's score is the sum. */
export function ScoringSettings() {
  const canManage = useCan('sales:manage');
  const rules = useScoreRules();
  const fields = useFields('leads');
  const { remove } = useScoreRuleMutations();
  const [editing, setEditing] = useState<ScoreRule | 'new' | null>(null);
  const onDelete = (rule: ScoreRule) =>
    remove.mutate(rule.id, { onSuccess: () => notifySuccess(`${rule.name} deleted; leads rescored`), onError: (err) => notifyError(err, 'Could not delete the rule') });

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" gap="sm">
        <div>
          <Title order={3} size="h5">
            Lead scoring
          </Title>
          <Text size="sm" c="dimmed">
            A lead’s score is the sum of the points of every rule it meets. Every lead is rescored when a rule changes.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add rule
          </Button>
        )}
      </Group>
      {rules.error && <ErrorAlert error={rules.error} title="Could not load the rules" />}
      {rules.isPending && <Skeleton height={60} />}
      {rules.data?.length === 0 && (
        <EmptyState
          icon={<IconTarget size={28} />}
          title="No scoring rules yet"
          description="For example: +20 when the source is referral, +5 for each meeting, −50 when the email is empty."
          action={canManage && <Button onClick={() => setEditing('new')}>Add the first rule</Button>}
        />
      )}
      {!!rules.data?.length && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" data-testid="score-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rule</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th ta="right">Points</Table.Th>
                {canManage && <Table.Th w={80} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td fw={500}>{rule.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{rule.kind === 'activity' ? `For each ${activityLabel(rule.activityType).toLowerCase()} logged` : describeFilter(rule.filter as Filter | null, fields.data ?? [])}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Badge variant="light" color={rule.points >= 0 ? 'teal' : 'red'}>
                      {signed(rule.points)}
                    </Badge>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <RowActions name={rule.name} justify="flex-end" onEdit={() => setEditing(rule)} onDelete={() => onDelete(rule)} deleting={remove.isPending && remove.variables === rule.id} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ScoreRuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

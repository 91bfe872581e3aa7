import { ActionIcon, Badge, Button, Group, Modal, Paper, Skeleton, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconClockHour4, IconEdit, IconHistory, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { RetentionRule, RetentionRun } from '../../../contract/privacy';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { fromNow, formatDate } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ACTION_LABELS, OBJECT_LABELS, RetentionRuleModal } from './retention-rule-modal';
import { useRetentionMutations, useRetentionRules, useRetentionRuns } from './use-privacy';

function RunSummary({ run }: { run: RetentionRun | null }) {
  if (!run) return <Text size="sm" c="dimmed">Not run yet</Text>;
  if (run.status === 'failed') {
    return (
      <Tooltip label={run.error ?? 'failed'} multiline w={300}>
        <Badge color="red" variant="light">
          Failed {fromNow(run.startedAt)}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Text size="sm">
      {run.affected} record{run.affected === 1 ? '' : 's'} · {fromNow(run.startedAt)} {run.trigger === 'manual' && <Text span size="xs" c="dimmed">(run now)</Text>}
    </Text>
  );
}

function RunsModal({ rule, onClose }: { rule: RetentionRule; onClose: () => void }) {
  const runs = useRetentionRuns(rule.id);
  return (
    <Modal opened onClose={onClose} title={`Runs of “${rule.name}”`} size="lg" centered>
      {runs.error && <ErrorAlert error={runs.error} title="Could not load the runs" />}
      {runs.isPending && <Skeleton height={60} />}
      {runs.data?.length === 0 && <Text c="dimmed">No runs yet. Rules run every night at 02:41 UTC, or when you press Run now.</Text>}
      {!!runs.data?.length && (
        <Table fz="sm" data-testid="retention-runs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>How</Table.Th>
              <Table.Th>Untouched since</Table.Th>
              <Table.Th>Records</Table.Th>
              <Table.Th>Result</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDate(r.startedAt, true)}</Table.Td>
                <Table.Td>{r.trigger === 'manual' ? 'Run now' : 'Nightly'}</Table.Td>
                <Table.Td>{formatDate(r.cutoff)}</Table.Td>
                <Table.Td>{r.affected}</Table.Td>
                <Table.Td>{r.status === 'done' ? 'Done' : <Text c="red" size="sm">{r.error}</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}

/** Settings › Privacy: retention rules that clean up old records every night, with what each run did. */
export function RetentionSettings() {
  const canManage = useCan('workspace:manage');
  const rules = useRetentionRules();
  const { update, remove, run } = useRetentionMutations();
  const [editing, setEditing] = useState<RetentionRule | 'new' | null>(null);
  const [runsOf, setRunsOf] = useState<RetentionRule | null>(null);

  if (!canManage) return <Text c="dimmed">Only owners and admins manage retention rules.</Text>;
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" gap="sm">
        <div>
          <Title order={3} size="h5">
            Retention rules
          </Title>
          <Text size="sm" c="dimmed">
            Keep personal data no longer than needed: every night, records nobody changed or logged an activity on for the given time are trashed, deleted or anonymised.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          Add rule
        </Button>
      </Group>
      {rules.error && <ErrorAlert error={rules.error} title="Could not load the retention rules" />}
      {rules.isPending && <Skeleton height={60} />}
      {rules.data?.length === 0 && (
        <EmptyState
          icon={<IconClockHour4 size={28} />}
          title="No retention rules yet"
          description="For example: move leads nobody touched for 18 months to the trash, or anonymise contacts untouched for 5 years."
          action={<Button onClick={() => setEditing('new')}>Add the first rule</Button>}
        />
      )}
      {!!rules.data?.length && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" data-testid="retention-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Applies to</Table.Th>
                <Table.Th>Then</Table.Th>
                <Table.Th>Last run</Table.Th>
                <Table.Th>Nightly</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td fw={500}>{r.name}</Table.Td>
                  <Table.Td>
                    {OBJECT_LABELS[r.objectType]} untouched for {r.untouchedMonths} month{r.untouchedMonths === 1 ? '' : 's'}
                    {r.filter && <Text span size="xs" c="dimmed"> · filtered</Text>}
                  </Table.Td>
                  <Table.Td>{ACTION_LABELS[r.action]}</Table.Td>
                  <Table.Td>
                    <RunSummary run={r.lastRun} />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Run ${r.name} every night`}
                      checked={r.enabled}
                      onChange={(e) => update.mutate({ id: r.id, body: { enabled: e.currentTarget.checked } }, { onError: (err) => notifyError(err, 'Could not change the rule') })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label="Run now">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Run ${r.name} now`}
                          loading={run.isPending && run.variables === r.id}
                          onClick={() => run.mutate(r.id, { onSuccess: () => notifySuccess('Queued; the result shows under Runs in a moment'), onError: (err) => notifyError(err, 'Could not start the run') })}
                        >
                          <IconPlayerPlay size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Runs">
                        <ActionIcon variant="subtle" aria-label={`Runs of ${r.name}`} onClick={() => setRunsOf(r)}>
                          <IconHistory size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <ActionIcon variant="subtle" aria-label={`Edit ${r.name}`} onClick={() => setEditing(r)}>
                        <IconEdit size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${r.name}`} onClick={() => remove.mutate(r.id, { onSuccess: () => notifySuccess(`${r.name} deleted`), onError: (err) => notifyError(err, 'Could not delete the rule') })}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <RetentionRuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {runsOf && <RunsModal rule={runsOf} onClose={() => setRunsOf(null)} />}
    </Paper>
  );
}

import { Button, Group, Modal, NumberInput, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ACTIVITY_TYPES } from '../../../contract/activities';
import type { Filter } from '../../../contract/filter';
import type { ScoreRule, ScoreRuleCreate } from '../../../contract/leads';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { useFields } from '../records/use-fields';
import { FilterBuilder } from '../views/filter-builder';
import { describeFilter } from './describe-filter';
import { useScoreRuleMutations } from './use-score-rules';

const ACTIVITY_LABELS: Record<string, string> = { email: 'Email', call: 'Call', meeting: 'Meeting', chat: 'Chat', social: 'Social', note: 'Note' };
export const activityLabel = (type: string | null) => (type ? (ACTIVITY_LABELS[type] ?? type) : '');

type Props = { rule: ScoreRule | null; onClose: () => void };

/** A rule: points for leads that match a filter, or points for each logged activity of a type. */
export function ScoreRuleModal({ rule, onClose }: Props) {
  const fields = useFields('leads');
  const mutations = useScoreRuleMutations();
  const [name, setName] = useState(rule?.name ?? '');
  const [kind, setKind] = useState<'filter' | 'activity'>(rule?.kind ?? 'filter');
  const [filter, setFilter] = useState<Filter | null>((rule?.filter as Filter | null) ?? null);
  const [activityType, setActivityType] = useState<string | null>(rule?.activityType ?? 'meeting');
  const [points, setPoints] = useState<number | string>(rule?.points ?? 10);
  const mutation = rule ? mutations.update : mutations.create;
  const errors = isApiError(mutation.error) ? fieldErrorsOf(mutation.error) : {};
  const leadFields = (fields.data ?? []).filter((f) => !['deletedAt', 'score', 'id'].includes(f.key));

  const submit = () => {
    const base = { name: name.trim(), points: typeof points === 'number' ? points : Number(points) };
    const body: ScoreRuleCreate = kind === 'filter' ? { ...base, kind, filter: filter ?? undefined } : { ...base, kind, activityType: activityType ?? undefined };
    const done = () => {
      notifySuccess(rule ? 'Rule saved; leads rescored' : 'Rule added; leads rescored');
      onClose();
    };
    if (rule) {
      const { kind: _kind, ...changes } = body;
      void _kind;
      mutations.update.mutate({ id: rule.id, body: changes }, { onSuccess: done });
    } else mutations.create.mutate(body, { onSuccess: done });
  };
  const known = ['name', 'points', 'filter', 'activityType', 'kind'];
  const other = Object.keys(errors).some((k) => !known.includes(k.split('.')[0]));

  return (
    <Modal opened onClose={onClose} title={rule ? 'Edit scoring rule' : 'New scoring rule'} size="lg" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // The filter builder's own form lives in a portal, but its submit bubbles here through React.
          if (e.target === e.currentTarget) submit();
        }}
      >
        <Stack>
          {!!mutation.error && (Object.keys(errors).length === 0 || other) && <ErrorAlert error={mutation.error} title="The rule was not saved" />}
          <TextInput label="Name" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} placeholder="Came from a referral" data-autofocus />
          {!rule && (
            <SegmentedControl
              aria-label="Rule kind"
              value={kind}
              onChange={(v) => setKind(v as 'filter' | 'activity')}
              data={[
                { value: 'filter', label: 'Lead matches a filter' },
                { value: 'activity', label: 'Per activity' },
              ]}
            />
          )}
          {kind === 'filter' ? (
            <div>
              <Text size="sm" fw={500} mb={4}>
                Leads that match
              </Text>
              <Paper withBorder p="xs" radius="sm">
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" data-testid="rule-filter-text" c={filter ? undefined : 'dimmed'}>
                    {filter ? describeFilter(filter, fields.data ?? []) : 'Every lead (add a filter to narrow it)'}
                  </Text>
                  <FilterBuilder filter={filter} fields={leadFields} onApply={setFilter} />
                </Group>
              </Paper>
              {errors.filter && (
                <Text size="xs" c="red" mt={4}>
                  {errors.filter}
                </Text>
              )}
            </div>
          ) : (
            <Select
              label="For each activity of type"
              data={ACTIVITY_TYPES.map((t) => ({ value: t, label: activityLabel(t) }))}
              value={activityType}
              onChange={setActivityType}
              allowDeselect={false}
              error={errors.activityType}
            />
          )}
          <NumberInput
            label="Points"
            description={kind === 'activity' ? 'Added once per logged activity; negative to subtract' : 'Added when the lead matches; negative to subtract'}
            value={points}
            onChange={setPoints}
            min={-1000}
            max={1000}
            allowDecimal={false}
            error={errors.points}
            w={260}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {rule ? 'Save rule' : 'Add rule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

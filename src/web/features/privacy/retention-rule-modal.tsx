import { Button, Group, Modal, NumberInput, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Filter } from '../../../contract/filter';
import type { RetentionRule, RetentionRuleCreate } from '../../../contract/privacy';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { useFields } from '../records/use-fields';
import { describeFilter } from '../scoring/describe-filter';
import { FilterBuilder } from '../views/filter-builder';
import { useRetentionMutations } from './use-privacy';

type ObjectType = RetentionRule['objectType'];
export const OBJECT_LABELS: Record<ObjectType, string> = { leads: 'Leads', contacts: 'Contacts', activities: 'Activities' };
export const ACTION_LABELS: Record<string, string> = { trash: 'Move to the trash', delete: 'Delete for good', anonymise: 'Anonymise (erase the person)' };
const ACTIONS: Record<ObjectType, RetentionRule['action'][]> = { leads: ['trash', 'delete', 'anonymise'], contacts: ['trash', 'anonymise'], activities: ['delete'] };
const KNOWN = ['name', 'objectType', 'untouchedMonths', 'filter', 'action', 'enabled'];

function RuleFilter({ objectType, filter, onChange, error }: { objectType: 'leads' | 'contacts'; filter: Filter | null; onChange: (f: Filter | null) => void; error?: string }) {
  const fields = useFields(objectType);
  const usable = (fields.data ?? []).filter((f) => !['deletedAt', 'id'].includes(f.key));
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        Only {objectType} that match
      </Text>
      <Paper withBorder p="xs" radius="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" c={filter ? undefined : 'dimmed'} data-testid="retention-filter-text">
            {filter ? describeFilter(filter, fields.data ?? []) : `Every untouched ${objectType === 'leads' ? 'lead' : 'contact'}`}
          </Text>
          <FilterBuilder filter={filter} fields={usable} onApply={onChange} />
        </Group>
      </Paper>
      {error && (
        <Text size="xs" c="red" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}

export function RetentionRuleModal({ rule, onClose }: { rule: RetentionRule | null; onClose: () => void }) {
  const mutations = useRetentionMutations();
  const [name, setName] = useState(rule?.name ?? '');
  const [objectType, setObjectType] = useState<ObjectType>(rule?.objectType ?? 'leads');
  const [months, setMonths] = useState<number | string>(rule?.untouchedMonths ?? 12);
  const [filter, setFilter] = useState<Filter | null>(rule?.filter ?? null);
  const [action, setAction] = useState<string>(rule?.action ?? 'trash');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const mutation = rule ? mutations.update : mutations.create;
  const errors = isApiError(mutation.error) ? fieldErrorsOf(mutation.error) : {};
  const other = !!mutation.error && (Object.keys(errors).length === 0 || Object.keys(errors).some((k) => !KNOWN.includes(k.split('.')[0])));

  const changeObject = (v: ObjectType) => {
    setObjectType(v);
    setFilter(null);
    if (!ACTIONS[v].includes(action as RetentionRule['action'])) setAction(ACTIONS[v][0]);
  };
  const submit = () => {
    const body: RetentionRuleCreate = {
      name: name.trim(),
      objectType,
      untouchedMonths: typeof months === 'number' ? months : Number(months),
      filter: objectType === 'activities' ? null : filter,
      action: action as RetentionRule['action'],
      enabled,
    };
    const done = () => {
      notifySuccess(rule ? 'Rule saved' : 'Rule added; it runs every night');
      onClose();
    };
    if (rule) mutations.update.mutate({ id: rule.id, body }, { onSuccess: done });
    else mutations.create.mutate(body, { onSuccess: done });
  };

  return (
    <Modal opened onClose={onClose} title={rule ? 'Edit retention rule' : 'New retention rule'} size="lg" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // The filter builder's form lives in a portal; its submit bubbles here through React.
          if (e.target === e.currentTarget) submit();
        }}
      >
        <Stack>
          {other && <ErrorAlert error={mutation.error} title="The rule was not saved" />}
          <TextInput label="Name" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} placeholder="Leads nobody touched for a year" data-autofocus data-testid="retention-name" />
          <Group grow align="flex-start">
            <Select label="Records" data={Object.entries(OBJECT_LABELS).map(([value, label]) => ({ value, label }))} value={objectType} onChange={(v) => v && changeObject(v as ObjectType)} allowDeselect={false} error={errors.objectType} />
            <NumberInput label="Untouched for (months)" description="No change and no activity" value={months} onChange={setMonths} min={1} max={600} allowDecimal={false} error={errors.untouchedMonths} data-testid="retention-months" />
          </Group>
          {objectType !== 'activities' && <RuleFilter objectType={objectType} filter={filter} onChange={setFilter} error={errors.filter ?? Object.entries(errors).find(([k]) => k.startsWith('filter.'))?.[1]} />}
          <Select label="Then" data={ACTIONS[objectType].map((a) => ({ value: a, label: ACTION_LABELS[a] }))} value={action} onChange={(v) => v && setAction(v)} allowDeselect={false} error={errors.action} />
          <Switch label="Run every night" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="retention-save">
              {rule ? 'Save' : 'Add rule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

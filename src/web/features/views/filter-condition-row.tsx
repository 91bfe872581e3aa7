import { ActionIcon, Badge, Group, Select, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { FilterOperator } from '../../../contract/filter';
import { type ConditionNode, type FieldInfo, changeField, changeOperator, operatorLabel, operatorsFor } from './filter-model';
import { FilterValueInput } from './filter-value-input';

type Props = { cond: ConditionNode; fields: FieldInfo[]; onChange: (next: ConditionNode) => void; onRemove: () => void };

/** Field choices grouped into built-in and custom fields. */
export function fieldOptions(fields: FieldInfo[]) {
  const builtIn = fields.filter((f) => !f.key.startsWith('custom.') && f.key !== 'id');
  const custom = fields.filter((f) => f.key.startsWith('custom.'));
  const item = (f: FieldInfo) => ({ value: f.key, label: f.label });
  return custom.length ? [{ group: 'Fields', items: builtIn.map(item) }, { group: 'Custom fields', items: custom.map(item) }] : builtIn.map(item);
}

export function FilterConditionRow({ cond, fields, onChange, onRemove }: Props) {
  const field = fields.find((f) => f.key === cond.field);
  const kind = field?.kind ?? 'text';
  return (
    <Group gap={6} wrap="wrap" align="center" data-testid="filter-condition">
      {cond.negated && (
        <Tooltip label="This condition is negated; click to remove the NOT" withArrow>
          <Badge color="red" variant="light" style={{ cursor: 'pointer' }} onClick={() => onChange({ ...cond, negated: false })}>
            not
          </Badge>
        </Tooltip>
      )}
      <Select
        size="xs"
        aria-label="Field"
        data={fieldOptions(fields)}
        value={cond.field}
        onChange={(key) => {
          const next = fields.find((f) => f.key === key);
          if (next) onChange(changeField(cond, next));
        }}
        searchable
        allowDeselect={false}
        w={170}
        comboboxProps={{ withinPortal: false }}
        error={!field ? 'Unknown field' : undefined}
      />
      <Select
        size="xs"
        aria-label="Operator"
        data={operatorsFor(kind).map((op) => ({ value: op, label: operatorLabel(op, kind) }))}
        value={cond.op}
        onChange={(op) => op && onChange(changeOperator(cond, op as FilterOperator, kind))}
        allowDeselect={false}
        w={140}
        comboboxProps={{ withinPortal: false }}
      />
      {field && <FilterValueInput field={field} cond={cond} onChange={(value) => onChange({ ...cond, value })} />}
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label="Remove condition">
        <IconX size={16} />
      </ActionIcon>
    </Group>
  );
}

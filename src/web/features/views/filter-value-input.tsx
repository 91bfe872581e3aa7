import { Group, MultiSelect, NumberInput, Select, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { CompanyMultiPicker, CompanyPicker } from '../records/company-picker';
import { STAGE_OPTIONS } from '../records/object-config';
import { useMembers } from '../settings/use-members';
import { type ConditionNode, type FieldInfo, valueShape } from './filter-model';

type Props = { field: FieldInfo; cond: ConditionNode; onChange: (value: unknown) => void };
type Single = { value: unknown; onChange: (v: unknown) => void; label: string };

const COMPANY_REFS = new Set(['companyId', 'parentId']);
const MEMBER_REFS = new Set(['ownerId', 'createdBy']);

function optionsFor(field: FieldInfo) {
  if (field.key === 'lifecycleStage') return STAGE_OPTIONS;
  return (field.options ?? []).map((o) => ({ value: o, label: o }));
}

/** One value of the field's kind. */
function SingleValue({ field, value, onChange, label }: Single & { field: FieldInfo }) {
  const members = useMembers();
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  const common = { size: 'xs' as const, 'aria-label': label, style: { flex: 1, minWidth: 120 } };
  const inPopover = { withinPortal: false };
  switch (field.kind) {
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(v === '' ? null : v)} placeholder="Number" />;
    case 'date':
      return (
        <DatePickerInput
          {...common}
          value={text || null}
          onChange={(v) => onChange(v ? dayjs(v).format('YYYY-MM-DD') : null)}
          valueFormat="D MMM YYYY"
          placeholder="Pick a date"
          popoverProps={{ withinPortal: false }}
        />
      );
    case 'boolean':
      return <Switch aria-label={label} label={value ? 'Yes' : 'No'} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'select':
      return <Select {...common} data={optionsFor(field)} value={text || null} onChange={onChange} placeholder="Choose…" searchable comboboxProps={inPopover} />;
    case 'ref':
      if (COMPANY_REFS.has(field.key)) return <CompanyPicker {...common} comboboxProps={inPopover} value={text || null} onChange={(id) => onChange(id)} placeholder="Search companies" />;
      if (MEMBER_REFS.has(field.key)) return <Select {...common} data={members.options} value={text || null} onChange={onChange} placeholder="Choose a member" searchable comboboxProps={inPopover} />;
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} placeholder="Id" />;
    case 'multiselect':
      if (field.options?.length) return <Select {...common} data={optionsFor(field)} value={text || null} onChange={onChange} placeholder="Choose…" searchable comboboxProps={inPopover} />;
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} placeholder="Tag" />;
    default:
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} placeholder="Value" />;
  }
}

/** Several values: "is any of" and "is none of". */
function ListValue({ field, value, onChange, label }: Single & { field: FieldInfo }) {
  const members = useMembers();
  const list = Array.isArray(value) ? value.map(String) : [];
  const common = { size: 'xs' as const, 'aria-label': label, style: { flex: 1, minWidth: 160 }, comboboxProps: { withinPortal: false } };
  if (field.kind === 'select' || (field.kind === 'multiselect' && field.options?.length)) {
    return <MultiSelect {...common} data={optionsFor(field)} value={list} onChange={onChange} placeholder="Choose values" searchable />;
  }
  if (field.kind === 'ref' && COMPANY_REFS.has(field.key)) return <CompanyMultiPicker {...common} value={list} onChange={onChange} placeholder="Search companies" />;
  if (field.kind === 'ref' && MEMBER_REFS.has(field.key)) return <MultiSelect {...common} data={members.options} value={list} onChange={onChange} placeholder="Choose members" searchable />;
  return (
    <TagsInput
      {...common}
      value={list}
      onChange={(values) => onChange(field.kind === 'number' ? values.map(Number).filter(Number.isFinite) : values)}
      placeholder="Type a value, press Enter"
    />
  );
}

/** The value editor a condition needs for its field's kind and operator; nothing for isEmpty/isNotEmpty. */
export function FilterValueInput({ field, cond, onChange }: Props) {
  const shape = valueShape(cond.op);
  if (shape === 'none') return null;
  if (shape === 'list') return <ListValue field={field} value={cond.value} onChange={onChange} label={`${field.label} values`} />;
  if (shape === 'pair') {
    const [lo, hi] = Array.isArray(cond.value) ? cond.value : [null, null];
    return (
      <Group gap={6} wrap="nowrap" style={{ flex: 1, minWidth: 220 }}>
        <SingleValue field={field} value={lo} onChange={(v) => onChange([v, hi])} label={`${field.label} from`} />
        <Text size="xs" c="dimmed">
          and
        </Text>
        <SingleValue field={field} value={hi} onChange={(v) => onChange([lo, v])} label={`${field.label} to`} />
      </Group>
    );
  }
  return <SingleValue field={field} value={cond.value} onChange={onChange} label={`${field.label} value`} />;
}

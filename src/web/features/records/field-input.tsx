import { MultiSelect, NumberInput, Select, Switch, TagsInput, TextInput, Textarea } from '@mantine/core';
import { DatePickerInput, DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useMembers } from '../settings/use-members';
import { CompanyPicker } from './company-picker';
import type { EditorSpec } from './field-editors';
import { STAGE_OPTIONS } from './object-config';

export type FieldInputProps = {
  spec: EditorSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
  /** Null hides the label (table cells); the accessible name stays. */
  label?: ReactNode | null;
  description?: string;
  autoFocus?: boolean;
  size?: 'xs' | 'sm';
  /** The name of the chosen company, for company fields. */
  companyLabel?: string | null;
  /** Enter in a one-line input. */
  onSubmit?: () => void;
  excludeId?: string;
  disabled?: boolean;
  /** Inside a popover, dropdowns must render in place: a click in a portal counts as outside. */
  inPopover?: boolean;
};

const asString = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const asNumber = (v: unknown): number | string => (typeof v === 'number' ? v : '');
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const INPUT_TYPE: Record<string, string> = { email: 'email', phone: 'tel', url: 'url' };
const PLACEHOLDER: Record<string, string> = { email: 'name@example.com', phone: '+1 415 555 0100', url: 'https://' };

/** The right input for a field's kind: text, number, currency, date, switch, select, tags, company, owner. */
export function FieldInput(props: FieldInputProps) {
  const { spec, value, onChange, error, autoFocus, size = 'sm', onSubmit } = props;
  const members = useMembers();
  const label = props.label === null ? undefined : (props.label ?? spec.label);
  const portal = { withinPortal: !props.inPopover };
  const common = {
    label,
    'aria-label': spec.label,
    description: props.description,
    error,
    autoFocus,
    size,
    withAsterisk: spec.required,
    'data-field': spec.key,
    disabled: props.disabled,
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && onSubmit) {
      e.preventDefault();
      onSubmit();
    }
  };

  switch (spec.type) {
    case 'long_text':
      return <Textarea {...common} autosize minRows={2} maxRows={10} value={asString(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
    case 'currency':
      return (
        <NumberInput
          {...common}
          value={asNumber(value)}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
          decimalScale={spec.type === 'currency' ? 2 : undefined}
          thousandSeparator=","
          rightSection={spec.currency ? <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{spec.currency}</span> : undefined}
          rightSectionWidth={spec.currency ? 44 : undefined}
          onKeyDown={onKeyDown}
        />
      );
    case 'date':
      return (
        <DatePickerInput
          {...common}
          value={asString(value) || null}
          onChange={(v) => onChange(v ? dayjs(v).format('YYYY-MM-DD') : null)}
          valueFormat="D MMM YYYY"
          placeholder="Pick a date"
          clearable
          popoverProps={portal}
        />
      );
    case 'datetime':
      return (
        <DateTimePicker
          {...common}
          value={value ? dayjs(asString(value)).format('YYYY-MM-DD HH:mm:ss') : null}
          onChange={(v) => onChange(v ? dayjs(v).toISOString() : null)}
          valueFormat="D MMM YYYY HH:mm"
          placeholder="Pick a date and time"
          clearable
          popoverProps={portal}
        />
      );
    case 'boolean':
      return <Switch label={label ?? (value ? 'Yes' : 'No')} aria-label={spec.label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} error={error} size={size === 'xs' ? 'sm' : 'md'} data-field={spec.key} disabled={props.disabled} />;
    case 'stage':
    case 'select':
      return (
        <Select
          {...common}
          data={spec.type === 'stage' ? STAGE_OPTIONS : (spec.options ?? []).map((o) => ({ value: o, label: spec.optionLabels?.[o] ?? o }))}
          value={asString(value) || null}
          onChange={(v) => onChange(v)}
          clearable
          searchable
          placeholder="Choose…"
          comboboxProps={portal}
        />
      );
    case 'multi_select':
      return <MultiSelect {...common} data={spec.options ?? []} value={asList(value)} onChange={onChange} clearable searchable placeholder="Choose…" comboboxProps={portal} />;
    case 'tags':
      return <TagsInput {...common} value={asList(value)} onChange={onChange} placeholder="Type a tag and press Enter" clearable comboboxProps={portal} />;
    case 'member':
      return <Select {...common} data={members.options} value={asString(value) || null} onChange={(v) => onChange(v)} clearable searchable placeholder="Nobody" comboboxProps={portal} />;
    case 'company':
      return (
        <CompanyPicker
          label={label as string | undefined}
          aria-label={spec.label}
          error={error}
          size={size}
          value={asString(value) || null}
          valueLabel={props.companyLabel}
          onChange={(id) => onChange(id)}
          placeholder="Search companies"
          excludeId={props.excludeId}
          disabled={props.disabled}
          comboboxProps={portal}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={INPUT_TYPE[spec.type] ?? 'text'}
          placeholder={PLACEHOLDER[spec.type]}
          value={asString(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      );
  }
}

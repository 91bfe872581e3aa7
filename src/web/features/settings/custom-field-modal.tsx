import { Button, Group, Modal, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CustomField, CustomFieldType, ObjectType } from '../../../contract/custom-fields';
import { ErrorAlert } from '../../components/error-alert';
import { type ApiError, api, isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';

export const FIELD_TYPES: { value: CustomFieldType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'long_text', label: 'Long text' },
  { value: 'number', label: 'Number' },
  { value: 'currency', label: 'Currency amount' },
  { value: 'date', label: 'Date' },
  { value: 'datetime', label: 'Date and time' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'select', label: 'Single choice' },
  { value: 'multi_select', label: 'Multiple choice' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'url', label: 'Web address' },
];
export const typeLabel = (t: string) => FIELD_TYPES.find((f) => f.value === t)?.label ?? t;

/** `Contract tier` → `contract_tier`: the stable key the API and filters use. */
export const keyFromLabel = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 63);

type Props = { objectType: ObjectType; field: CustomField | null; onClose: () => void };

/** Adds a custom field, or changes one (its key and type stay: values depend on them). */
export function CustomFieldModal({ objectType, field, onClose }: Props) {
  const client = useQueryClient();
  const [label, setLabel] = useState(field?.label ?? '');
  const [key, setKey] = useState(field?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [type, setType] = useState<CustomFieldType>((field?.type as CustomFieldType) ?? 'text');
  const [choices, setChoices] = useState<string[]>(field?.choices ?? []);
  const [currency, setCurrency] = useState(field?.currency ?? 'USD');
  const [required, setRequired] = useState(field?.required ?? false);
  const save = useMutation<CustomField, ApiError, void>({
    mutationFn: () => {
      const extra = {
        ...(type === 'select' || type === 'multi_select' ? { choices } : {}),
        ...(type === 'currency' ? { currency: currency.trim().toUpperCase() } : {}),
        required,
      };
      return field
        ? api.patch<CustomField>(`/api/v1/custom-fields/${field.id}`, { label: label.trim(), ...extra })
        : api.post<CustomField>('/api/v1/custom-fields', { objectType, key, label: label.trim(), type, ...extra });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['custom-fields', objectType] });
      void client.invalidateQueries({ queryKey: ['fields', objectType] });
      notifySuccess(`Field “${saved.label}” saved`);
      onClose();
    },
  });
  const errors = isApiError(save.error) ? fieldErrorsOf(save.error) : {};
  const known = ['label', 'key', 'type', 'choices', 'currency', 'required'];
  const hasChoices = type === 'select' || type === 'multi_select';
  return (
    <Modal opened onClose={onClose} title={field ? `Edit “${field.label}”` : 'New custom field'} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          {save.error && !known.some((k) => errors[k] || Object.keys(errors).some((p) => p.startsWith(`${k}.`))) && <ErrorAlert error={save.error} title="Could not save the field" />}
          <TextInput
            label="Label"
            placeholder="e.g. Contract tier"
            value={label}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setLabel(v);
              if (!field && !keyTouched) setKey(keyFromLabel(v));
            }}
            error={errors.label}
            data-autofocus
            required
          />
          <TextInput
            label="Key"
            description={field ? 'The key cannot change once values are stored.' : 'Used in the API and filters as custom.<key>; lowercase letters, digits and _'}
            value={key}
            onChange={(e) => {
              setKey(e.currentTarget.value);
              setKeyTouched(true);
            }}
            error={errors.key}
            disabled={!!field}
            ff="monospace"
          />
          <Select
            label="Type"
            data={FIELD_TYPES}
            value={type}
            onChange={(v) => v && setType(v as CustomFieldType)}
            allowDeselect={false}
            disabled={!!field}
            error={errors.type}
            comboboxProps={{ withinPortal: true }}
          />
          {hasChoices && (
            <TagsInput
              label="Choices"
              description="Type a choice and press Enter"
              value={choices}
              onChange={setChoices}
              error={errors.choices ?? Object.entries(errors).find(([p]) => p.startsWith('choices.'))?.[1]}
              clearable
            />
          )}
          {type === 'currency' && (
            <TextInput label="Currency" description="ISO 4217 code, e.g. USD, EUR" value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} maxLength={3} error={errors.currency} w={160} />
          )}
          <Switch label="Required" description="New records must have a value." checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!label.trim() || !key}>
              {field ? 'Save' : 'Add field'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

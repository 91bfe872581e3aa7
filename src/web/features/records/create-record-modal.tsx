import { Button, Group, Modal, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CustomField, RecordType } from '../../../contract/custom-fields';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { errorAt, fieldErrorsOf, unclaimed } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { type EditorSpec, customEditor, editorFor } from './field-editors';
import { FieldInput } from './field-input';
import type { ObjectConfig } from './object-config';
import { useCustomFields } from './use-fields';
import { useRecordMutations } from './use-record-mutations';

/** Where the API reports a problem with a form input. */
const ERROR_PATH: Record<string, string> = { email: 'emails.0.email', phone: 'phones.0.phone' };
const pathIn = (type: RecordType, key: string) => (type === 'contacts' || type === 'companies' ? (ERROR_PATH[key] ?? key) : key);

type Values = Record<string, unknown>;

function toBody(type: RecordType, values: Values, customDefs: CustomField[]) {
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === '' || value === null || value === undefined || (Array.isArray(value) && !value.length)) continue;
    if (key.startsWith('custom.')) custom[key.slice(7)] = value;
    else if (type === 'contacts' && key === 'email') body.emails = [{ email: value }];
    else if (key === 'phone' && (type === 'contacts' || type === 'companies')) body.phones = [{ phone: value }];
    else body[key] = value;
  }
  if (customDefs.length && Object.keys(custom).length) body.custom = custom;
  return body;
}

type Props = { config: ObjectConfig; opened: boolean; onClose: () => void; initial?: Values; initialCompanyName?: string | null; stay?: boolean };

/** A short form for a new record: the fields people fill in first, plus required custom fields. */
export function CreateRecordModal({ config, opened, onClose, initial = {}, initialCompanyName, stay }: Props) {
  const { data: customDefs = [] } = useCustomFields(config.type);
  const mutations = useRecordMutations(config.type);
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(initial);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const specs: EditorSpec[] = [
    ...config.formFields.map((k) => editorFor(config.type, k, customDefs)).filter((s): s is EditorSpec => s !== null),
    ...customDefs.filter((d) => d.required).map(customEditor),
  ];
  const errors = isApiError(error) ? fieldErrorsOf(error) : {};
  const pathOf = (key: string) => pathIn(config.type, key);
  const errorFor = (key: string) => errorAt(errors, pathOf(key)) ?? errors[pathOf(key).split('.')[0]];
  const claims = (path: string) => specs.some((s) => path === pathOf(s.key) || pathOf(s.key).startsWith(`${path}.`) || path.startsWith(`${pathOf(s.key)}.`));
  const rest = unclaimed(errors, claims);

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const created = await mutations.create(toBody(config.type, values, customDefs));
      notifySuccess(`${config.titleOf(created)} created`);
      setValues({});
      onClose();
      if (!stay) navigate(`/${config.type}/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`New ${config.singular}`} size="lg" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          {!!error && (Object.keys(errors).length === 0 || Object.keys(rest).length > 0) && (
            <ErrorAlert error={error} title={`Could not create the ${config.singular}`} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {specs.map((spec, i) => (
              <FieldInput
                key={spec.key}
                spec={spec}
                value={values[spec.key] ?? null}
                onChange={(v) => setValues((prev) => ({ ...prev, [spec.key]: v }))}
                error={errorFor(spec.key)}
                autoFocus={i === 0}
                companyLabel={spec.key === 'companyId' ? initialCompanyName : undefined}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Create {config.singular}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Badge, Button, Group, Paper, SegmentedControl, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconForms, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CustomField, ObjectType } from '../../../contract/custom-fields';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { api } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useCustomFields } from '../records/use-fields';
import { CustomFieldModal, typeLabel } from './custom-field-modal';
import { RowActions } from '../../components/row-actions';

export function CustomFieldsSettings() {
  const canManage = useCan('fields:manage');
  const [objectType, setObjectType] = useState<ObjectType>('contacts');
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const query = useCustomFields(objectType);
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/custom-fields/${id}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['custom-fields', objectType] });
      void client.invalidateQueries({ queryKey: ['fields', objectType] });
      notifySuccess('Field deleted');
    },
    onError: (err) => notifyError(err, 'Could not delete the field'),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" gap="sm">
        <div>
          <Title order={3} size="h5">
            Custom fields
          </Title>
          <Text size="sm" c="dimmed">
            Extra fields on every {objectType === 'contacts' ? 'contact' : 'company'}; they show up in lists, filters and record pages.
          </Text>
        </div>
        <Group gap="xs">
          <SegmentedControl
            value={objectType}
            onChange={(v) => setObjectType(v as ObjectType)}
            data={[
              { value: 'contacts', label: 'Contacts' },
              { value: 'companies', label: 'Companies' },
            ]}
          />
          {canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add field
            </Button>
          )}
        </Group>
      </Group>
      {query.error && <ErrorAlert error={query.error} title="Could not load custom fields" />}
      {query.isPending && <Skeleton height={60} />}
      {query.data?.length === 0 && (
        <EmptyState
          icon={<IconForms size={28} />}
          title="No custom fields yet"
          description="Add fields such as “Contract tier” or “Renewal date” to capture what matters to your team."
          action={
            canManage && (
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                Add the first field
              </Button>
            )
          }
        />
      )}
      {!!query.data?.length && (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Choices</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((f) => (
                <Table.Tr key={f.id} data-testid="custom-field-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {f.label} {f.required && <Badge size="xs" variant="light">required</Badge>}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" c="dimmed">
                      custom.{f.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {typeLabel(f.type)}
                    {f.currency ? ` (${f.currency})` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1} maw={240}>
                      {f.choices.join(', ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {canManage && (
                      <RowActions name={f.label} onEdit={() => setEditing(f)} onDelete={() => window.confirm(`Delete “${f.label}” and every value stored in it?`) && remove.mutate(f.id)} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <CustomFieldModal objectType={objectType} field={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

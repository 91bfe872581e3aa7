import { Badge, Button, Checkbox, Group, Modal, Paper, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { PriceList } from '../../../contract/products';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useDeletePriceList, usePriceLists, useSavePriceList } from './use-products';
import { RowActions } from '../../components/row-actions';

function PriceListModal({ list, onClose }: { list: PriceList | null; onClose: () => void }) {
  const save = useSavePriceList();
  const [name, setName] = useState(list?.name ?? '');
  const [currency, setCurrency] = useState(list?.currency ?? 'EUR');
  const [isDefault, setIsDefault] = useState(list?.isDefault ?? false);
  const errors = isApiError(save.error) ? fieldErrorsOf(save.error) : {};
  const submit = () => {
    const body = list ? { name: name.trim(), ...(isDefault && !list.isDefault ? { isDefault: true as const } : {}) } : { name: name.trim(), currency: currency.trim().toUpperCase(), isDefault };
    save.mutate({ id: list?.id, body }, { onSuccess: (l) => (notifySuccess(`Saved price list ${l.name}`), onClose()) });
  };
  return (
    <Modal opened onClose={onClose} title={list ? `Edit ${list.name}` : 'New price list'} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {save.error && !errors.name && !errors.currency && <ErrorAlert error={save.error} title="Could not save the price list" />}
          <TextInput label="Name" placeholder="e.g. Europe, Partners" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
          <TextInput
            label="Currency"
            description={list ? 'A price list keeps its currency' : 'ISO code, e.g. EUR, USD, GBP'}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
            error={errors.currency}
            maxLength={3}
            disabled={!!list}
            w={200}
          />
          <Checkbox label="Default for new quotes" checked={isDefault} onChange={(e) => setIsDefault(e.currentTarget.checked)} disabled={list?.isDefault} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {list ? 'Save' : 'Create price list'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function PriceListsSection({ canManage }: { canManage: boolean }) {
  const query = usePriceLists();
  const remove = useDeletePriceList();
  const [editing, setEditing] = useState<PriceList | 'new' | null>(null);
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h5">
            Price lists
          </Title>
          <Text size="sm" c="dimmed">
            Each list has one currency; a quote takes its prices from one list.
          </Text>
        </div>
        {canManage && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New price list
          </Button>
        )}
      </Group>
      {query.error && <ErrorAlert error={query.error} title="Could not load price lists" />}
      {query.isPending && <Skeleton height={40} />}
      {query.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No price lists yet. Quotes then need a currency and a price on every line.
        </Text>
      )}
      {!!query.data?.length && (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Tbody>
              {query.data.map((l) => (
                <Table.Tr key={l.id} data-testid="price-list-row">
                  <Table.Td>
                    {l.name}{' '}
                    {l.isDefault && (
                      <Badge size="xs" variant="light">
                        default
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{l.currency}</Table.Td>
                  <Table.Td w={90}>
                    {canManage && (
                      <RowActions
                        name={l.name}
                        onEdit={() => setEditing(l)}
                        onDelete={() =>
                          window.confirm(`Delete the price list “${l.name}”? Product prices in it go too.`) &&
                          remove.mutate(l.id, { onSuccess: () => notifySuccess('Price list deleted'), onError: (e) => notifyError(e, 'Could not delete the price list') })
                        }
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <PriceListModal list={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

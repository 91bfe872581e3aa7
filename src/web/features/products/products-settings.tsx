import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPackage, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Product } from '../../../contract/products';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { notifyError, notifySuccess } from '../../lib/notify';
import { formatMoney } from '../quotes/money';
import { PriceListsSection } from './price-lists-section';
import { ProductModal } from './product-modal';
import { usePriceLists, useProducts, useSaveProduct } from './use-products';

/** Settings → Products: the catalogue quotes pick from, and the price lists that price it. */
export function ProductsSettings() {
  const canManage = useCan('sales:manage');
  const products = useProducts();
  const priceLists = usePriceLists();
  const save = useSaveProduct();
  const [show, setShow] = useState<'active' | 'archived'>('active');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const shown = (products.data ?? []).filter((p) => p.active === (show === 'active'));
  const setActive = (p: Product, active: boolean) =>
    save.mutate(
      { id: p.id, body: { active } },
      { onSuccess: () => notifySuccess(active ? `${p.name} is offered again` : `${p.name} archived`), onError: (e) => notifyError(e, 'Could not change the product') },
    );
  return (
    <Stack>
      <PriceListsSection canManage={canManage} />
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={3} size="h5">
              Products
            </Title>
            <Text size="sm" c="dimmed">
              {canManage ? 'What you sell. Archived products stay on old quotes but are not offered on new ones.' : 'What you sell. Owners and admins change the catalogue.'}
            </Text>
          </div>
          <Group gap="xs">
            <SegmentedControl size="xs" value={show} onChange={(v) => setShow(v as typeof show)} data={[{ value: 'active', label: 'Active' }, { value: 'archived', label: 'Archived' }]} />
            {canManage && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={!priceLists.data}>
                New product
              </Button>
            )}
          </Group>
        </Group>
        {products.error && <ErrorAlert error={products.error} title="Could not load products" />}
        {products.isPending && <Skeleton height={80} />}
        {products.data && shown.length === 0 && (
          <EmptyState
            icon={<IconPackage size={28} />}
            title={show === 'active' ? 'No products yet' : 'No archived products'}
            description={show === 'active' ? 'Add what you sell to pick it on quote lines with its price and tax rate.' : undefined}
          />
        )}
        {shown.length > 0 && (
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>Prices</Table.Th>
                  <Table.Th ta="right">Tax</Table.Th>
                  <Table.Th w={90} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((p) => (
                  <Table.Tr key={p.id} data-testid="product-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {p.name}
                      </Text>
                      {p.description && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {p.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {p.sku}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.prices.length === 0 && (
                          <Text size="sm" c="dimmed">
                            No price
                          </Text>
                        )}
                        {p.prices.map((pr) => (
                          <Badge key={pr.priceListId} variant="default" style={{ textTransform: 'none' }}>
                            {formatMoney(pr.unitPrice, pr.currency)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{p.taxRate} %</Table.Td>
                    <Table.Td>
                      {canManage && (
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label="Edit" withArrow>
                            <ActionIcon variant="subtle" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)}>
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={p.active ? 'Archive' : 'Offer again'} withArrow>
                            <ActionIcon variant="subtle" color={p.active ? 'gray' : 'teal'} aria-label={`${p.active ? 'Archive' : 'Unarchive'} ${p.name}`} onClick={() => setActive(p, !p.active)}>
                              {p.active ? <IconArchive size={16} /> : <IconArchiveOff size={16} />}
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing && <ProductModal product={editing === 'new' ? null : editing} priceLists={priceLists.data ?? []} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

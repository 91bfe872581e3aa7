import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Product } from '../../../contract/products';
import type { Quote } from '../../../contract/quotes';
import { errorAt } from '../../lib/field-errors';
import { previewLine } from './line-preview';
import { formatMoney, minorToDecimal } from './money';
import { type LineRow, emptyLine, lineDraftOf } from './quote-draft';

type Props = {
  quote: Pick<Quote, 'currency' | 'priceListId'>;
  lines: LineRow[];
  products: Product[];
  onChange: (lines: LineRow[]) => void;
  errors: Record<string, string>;
  disabled: boolean;
};

function LineEditor({ row, index, quote, products, onChange, onRemove, errors, disabled }: Omit<Props, 'lines' | 'onChange'> & { row: LineRow; index: number; onChange: (r: LineRow) => void; onRemove: () => void }) {
  const set = (patch: Partial<LineRow>) => onChange({ ...row, ...patch });
  const err = (f: string) => errorAt(errors, `lines.${index}.${f}`);
  const figures = previewLine(lineDraftOf(row, quote.currency));
  const pickProduct = (id: string | null) => {
    const p = products.find((x) => x.id === id);
    if (!p) return set({ productId: null });
    const price = p.prices.find((pr) => pr.priceListId === quote.priceListId) ?? p.prices.find((pr) => pr.currency === quote.currency);
    set({ productId: p.id, description: p.name, taxRate: p.taxRate, unitPrice: price ? minorToDecimal(price.unitPrice, quote.currency) : row.unitPrice });
  };
  // An archived product stays pickable on the line that already has it.
  const options = products.filter((p) => p.active || p.id === row.productId).map((p) => ({ value: p.id, label: `${p.name} · ${p.sku}` }));
  const n = index + 1;
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="quote-line">
      <Stack gap="xs">
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
            <Select
              label="Product"
              aria-label={`Product, line ${n}`}
              placeholder={products.length ? 'Free text' : 'No products yet'}
              data={options}
              value={row.productId}
              onChange={pickProduct}
              searchable
              clearable
              disabled={disabled}
              error={err('productId')}
              size="xs"
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput label="Description" aria-label={`Description, line ${n}`} value={row.description} onChange={(e) => set({ description: e.currentTarget.value })} error={err('description')} disabled={disabled} size="xs" />
          </SimpleGrid>
          {!disabled && (
            <Tooltip label="Remove line" withArrow>
              <ActionIcon variant="subtle" color="red" mt={22} aria-label={`Remove line ${n}`} onClick={onRemove}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
          <TextInput label="Quantity" aria-label={`Quantity, line ${n}`} value={row.quantity} onChange={(e) => set({ quantity: e.currentTarget.value })} error={err('quantity')} disabled={disabled} inputMode="decimal" size="xs" />
          <TextInput
            label={`Unit price (${quote.currency})`}
            aria-label={`Unit price, line ${n}`}
            value={row.unitPrice}
            onChange={(e) => set({ unitPrice: e.currentTarget.value })}
            error={err('unitPrice')}
            disabled={disabled}
            inputMode="decimal"
            size="xs"
          />
          <TextInput
            label="Discount"
            aria-label={`Discount, line ${n}`}
            placeholder="None"
            value={row.discount}
            onChange={(e) => set({ discount: e.currentTarget.value })}
            error={err(row.discountKind === 'percent' ? 'discountPercent' : 'discountAmount')}
            disabled={disabled}
            inputMode="decimal"
            size="xs"
            rightSectionWidth={48}
            rightSection={
              <Tooltip label={row.discountKind === 'percent' ? `Switch to an amount in ${quote.currency}` : 'Switch to a percentage'} withArrow>
                <UnstyledButton
                  aria-label={`Discount in ${row.discountKind === 'percent' ? 'percent' : quote.currency}, line ${n}: switch`}
                  onClick={() => set({ discountKind: row.discountKind === 'percent' ? 'amount' : 'percent' })}
                  disabled={disabled}
                  fz="xs"
                  fw={600}
                  c="dimmed"
                  px={6}
                >
                  {row.discountKind === 'percent' ? '%' : quote.currency}
                </UnstyledButton>
              </Tooltip>
            }
          />
          <TextInput label="Tax (%)" aria-label={`Tax, line ${n}`} value={row.taxRate} onChange={(e) => set({ taxRate: e.currentTarget.value })} error={err('taxRate')} disabled={disabled} inputMode="decimal" size="xs" />
          <div>
            <Text size="xs" fw={500}>
              Line total
            </Text>
            <Text size="sm" fw={600} mt={4} data-testid="line-total" ta={{ base: 'left', sm: 'right' }}>
              {figures ? formatMoney(figures.total, quote.currency) : '—'}
            </Text>
            {figures && figures.discount !== 0 && (
              <Text size="xs" c="dimmed" ta={{ base: 'left', sm: 'right' }}>
                −{formatMoney(figures.discount, quote.currency)} off
              </Text>
            )}
          </div>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** Lines are edited here and saved with the quote; the server recomputes every figure on save. */
export function QuoteLinesEditor({ quote, lines, products, onChange, errors, disabled }: Props) {
  return (
    <Stack gap="xs">
      {lines.length === 0 && (
        <Text size="sm" c="dimmed">
          No lines yet. Add a product or a line of free text.
        </Text>
      )}
      {lines.map((row, i) => (
        <LineEditor
          key={row.key}
          row={row}
          index={i}
          quote={quote}
          products={products}
          errors={errors}
          disabled={disabled}
          onChange={(r) => onChange(lines.map((x) => (x.key === r.key ? r : x)))}
          onRemove={() => onChange(lines.filter((x) => x.key !== row.key))}
        />
      ))}
      {!disabled && (
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...lines, emptyLine()])}>
            Add line
          </Button>
        </Group>
      )}
    </Stack>
  );
}

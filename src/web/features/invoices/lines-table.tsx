import { Table, Text } from '@mantine/core';
import type { Line } from '../../../contract/quotes';
import { formatMoney } from '../quotes/money';

/** Saved lines, read-only: what an invoice (or a purchase) was for. */
export function LinesTable({ lines, currency, compact = false }: { lines: Line[]; currency: string; compact?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={compact ? 280 : 560}>
      <Table verticalSpacing={compact ? 4 : 'xs'} fz={compact ? 'xs' : 'sm'}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            {!compact && <Table.Th ta="right">Unit price</Table.Th>}
            {!compact && <Table.Th ta="right">Discount</Table.Th>}
            {!compact && <Table.Th ta="right">Tax</Table.Th>}
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.id} data-testid="invoice-line">
              <Table.Td>{l.description}</Table.Td>
              <Table.Td ta="right">{l.quantity}</Table.Td>
              {!compact && <Table.Td ta="right">{formatMoney(l.unitPrice, currency)}</Table.Td>}
              {!compact && (
                <Table.Td ta="right">
                  {l.discount ? (
                    <>
                      −{formatMoney(l.discount, currency)}
                      {l.discountPercent && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({l.discountPercent} %)
                        </Text>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              )}
              {!compact && (
                <Table.Td ta="right">
                  {formatMoney(l.tax, currency)}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({l.taxRate} %)
                  </Text>
                </Table.Td>
              )}
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(l.total, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

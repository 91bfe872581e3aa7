import { Table, Text } from '@mantine/core';
import type { Totals } from '../../../contract/quotes';
import { formatMoney } from './money';

/** A quote's or invoice's totals as the server computed them. */
export function TotalsTable({ totals, currency, extra }: { totals: Totals; currency: string; extra?: { label: string; amount: number; testId: string; strong?: boolean }[] }) {
  const rows = [
    { label: 'Subtotal', amount: totals.subtotal, testId: 'total-subtotal' },
    { label: 'Discounts', amount: -totals.discountTotal, testId: 'total-discount' },
    { label: 'Net', amount: totals.netTotal, testId: 'total-net' },
    { label: 'Tax', amount: totals.taxTotal, testId: 'total-tax' },
    { label: 'Total', amount: totals.total, testId: 'total-total', strong: true },
    ...(extra ?? []),
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={4} maw={360} ml="auto">
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Td>
              <Text size="sm" fw={r.strong ? 700 : undefined}>
                {r.label}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" fw={r.strong ? 700 : undefined} data-testid={r.testId} data-minor={r.amount} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(r.amount, currency)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

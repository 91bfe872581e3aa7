import { Accordion, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { Invoice } from '../../../contract/invoices';
import { ErrorAlert } from '../../components/error-alert';
import { Section } from '../../components/section';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { InvoiceStatusBadge } from '../invoices/invoice-status';
import { LinesTable } from '../invoices/lines-table';
import { formatMoney } from '../quotes/money';

type Purchases = { data: Invoice[]; totals: { currency: string; invoiced: number; paid: number; balance: number }[] };

/** What a company or contact bought: its invoices with their lines, and totals per currency. */
export function PurchaseHistory({ objectType, id }: { objectType: 'companies' | 'contacts'; id: string }) {
  const query = useQuery({ queryKey: ['purchases', objectType, id], queryFn: () => api.get<Purchases>(`/api/v1/${objectType}/${id}/purchases`) });
  const invoices = query.data?.data ?? [];
  return (
    <Section
      title="Purchase history"
      testId="purchase-history"
      actions={
        <Link className="record-link" to={`/quotes?new=1&${objectType === 'companies' ? 'companyId' : 'contactId'}=${id}`} style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
          New quote
        </Link>
      }
    >
      {query.error && <ErrorAlert error={query.error} title="Could not load purchases" />}
      {query.isPending && <Skeleton height={48} />}
      {query.data && invoices.length === 0 && (
        <Text size="sm" c="dimmed">
          No invoices yet.
        </Text>
      )}
      {query.data && invoices.length > 0 && (
        <Stack gap="xs">
          {query.data.totals.map((t) => (
            <Group key={t.currency} gap={6} data-testid="purchase-totals">
              <Badge variant="light" style={{ textTransform: 'none' }}>
                Invoiced {formatMoney(t.invoiced, t.currency)}
              </Badge>
              <Badge variant="light" color="teal" style={{ textTransform: 'none' }}>
                Paid {formatMoney(t.paid, t.currency)}
              </Badge>
              {t.balance > 0 && (
                <Badge variant="light" color="orange" style={{ textTransform: 'none' }}>
                  Owed {formatMoney(t.balance, t.currency)}
                </Badge>
              )}
            </Group>
          ))}
          <Accordion variant="separated" chevronPosition="left">
            {invoices.map((inv) => (
              <Accordion.Item key={inv.id} value={inv.id} data-testid="purchase-invoice">
                <Accordion.Control>
                  <Group justify="space-between" gap={4} wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500}>
                        {inv.displayNumber}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(inv.issueDate)}
                      </Text>
                    </div>
                    <Stack gap={2} align="flex-end">
                      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatMoney(inv.total, inv.currency)}
                      </Text>
                      <InvoiceStatusBadge status={inv.status} size="xs" />
                    </Stack>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <LinesTable lines={inv.lines} currency={inv.currency} compact />
                  <Link className="record-link" to={`/invoices/${inv.id}`} style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
                    Open invoice {inv.displayNumber}
                  </Link>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      )}
    </Section>
  );
}

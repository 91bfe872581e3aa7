import { Group, SegmentedControl, Skeleton, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconReceipt } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router-dom';
import { INVOICE_STATUSES, type Invoice } from '../../../contract/invoices';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format';
import { formatMoney } from '../quotes/money';
import { useCompanyNames } from '../records/company-picker';
import { InvoiceStatusBadge, invoiceStatusLabel } from './invoice-status';
import { useInvoices } from './use-invoices';

/** /invoices?status=overdue: the money still owed, or already in. */
export function InvoicesListPage() {
  useDocumentTitle('Invoices · Rapport');
  const [params, setParams] = useSearchParams();
  const status = (INVOICE_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Invoice['status']) : undefined;
  const query = useInvoices({ status });
  const invoices = query.data?.data ?? [];
  const names = useCompanyNames(invoices.map((i) => i.companyId).filter((id): id is string => !!id));
  return (
    <>
      <PageHeader title="Invoices" description="Issued when a quote is accepted, numbered without gaps." />
      <Group mb="md">
        <SegmentedControl
          value={status ?? 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { status: v })}
          data={[{ value: 'all', label: 'All' }, ...(['open', 'overdue', 'paid'] as const).map((s) => ({ value: s, label: invoiceStatusLabel(s) }))]}
        />
      </Group>
      {query.error && <ErrorAlert error={query.error} title="Could not load invoices" />}
      {query.isPending && <Skeleton height={160} />}
      {query.data && invoices.length === 0 && (
        <EmptyState
          icon={<IconReceipt size={28} />}
          title={status ? `No ${invoiceStatusLabel(status).toLowerCase()} invoices` : 'No invoices yet'}
          description={status ? undefined : 'Accept a quote to issue its invoice.'}
        />
      )}
      {invoices.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th visibleFrom="sm">Company</Table.Th>
                <Table.Th visibleFrom="sm">Issued</Table.Th>
                <Table.Th visibleFrom="sm">Due</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right" visibleFrom="sm">Total</Table.Th>
                <Table.Th ta="right">Balance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.map((inv) => (
                <Table.Tr key={inv.id} data-testid="invoice-row">
                  <Table.Td>
                    <Link className="record-link" to={`/invoices/${inv.id}`}>
                      {inv.displayNumber}
                    </Link>
                    {/* On a phone the company and due date ride under the number. */}
                    <Text size="xs" c="dimmed" hiddenFrom="sm">
                      {inv.companyId && names.get(inv.companyId) ? `${names.get(inv.companyId)} · ` : ''}due {formatDate(inv.dueDate)}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{inv.companyId ? (names.get(inv.companyId) ?? '…') : <Text c="dimmed" size="sm">—</Text>}</Table.Td>
                  <Table.Td visibleFrom="sm">{formatDate(inv.issueDate)}</Table.Td>
                  <Table.Td visibleFrom="sm">{formatDate(inv.dueDate)}</Table.Td>
                  <Table.Td>
                    <InvoiceStatusBadge status={inv.status} />
                  </Table.Td>
                  <Table.Td ta="right" visibleFrom="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(inv.total, inv.currency)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(inv.balance, inv.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

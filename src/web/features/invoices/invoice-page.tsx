import { Anchor, Button, Center, Grid, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Invoice } from '../../../contract/invoices';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { formatMoney } from '../quotes/money';
import { TotalsTable } from '../quotes/totals-table';
import { useCompanyNames } from '../records/company-picker';
import { InvoiceStatusBadge } from './invoice-status';
import { LinesTable } from './lines-table';
import { METHOD_LABELS, PaymentModal } from './payment-modal';
import { useInvoice, useUpdateInvoice } from './use-invoices';

function DueDate({ invoice, canWrite }: { invoice: Invoice; canWrite: boolean }) {
  const update = useUpdateInvoice();
  const [value, setValue] = useState(invoice.dueDate);
  const errors = isApiError(update.error) ? fieldErrorsOf(update.error) : {};
  const changed = value !== invoice.dueDate;
  return (
    <Group align="flex-end" gap="xs">
      <TextInput type="date" label="Due date" value={value} onChange={(e) => setValue(e.currentTarget.value)} error={errors.dueDate ?? (update.error && !errors.dueDate ? update.error.detail : undefined)} disabled={!canWrite} style={{ flex: 1 }} />
      {changed && (
        <Button size="sm" loading={update.isPending} onClick={() => update.mutate({ id: invoice.id, body: { dueDate: value } }, { onSuccess: () => notifySuccess('Due date changed') })}>
          Save
        </Button>
      )}
    </Group>
  );
}

function InvoiceView({ invoice }: { invoice: Invoice }) {
  const canWrite = useCan('records:write');
  const [paying, setPaying] = useState(false);
  const company = useCompanyNames(invoice.companyId ? [invoice.companyId] : []).get(invoice.companyId ?? '');
  const payButton = canWrite && invoice.balance > 0 && (
    <Button leftSection={<IconCash size={16} />} onClick={() => setPaying(true)}>
      Record payment
    </Button>
  );
  return (
    <>
      <PageHeader
        title={
          <Group gap="xs" component="span">
            <span data-testid="invoice-number">Invoice {invoice.displayNumber}</span>
            <InvoiceStatusBadge status={invoice.status} />
          </Group>
        }
        description={`Issued ${formatDate(invoice.issueDate)} · due ${formatDate(invoice.dueDate)}${company ? ` · ${company}` : ''}`}
        actions={payButton}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Section title="Lines">
              <LinesTable lines={invoice.lines} currency={invoice.currency} />
              <TotalsTable
                totals={invoice}
                currency={invoice.currency}
                extra={[
                  { label: 'Paid', amount: invoice.paid, testId: 'invoice-paid' },
                  { label: 'Balance', amount: invoice.balance, testId: 'invoice-balance', strong: true },
                ]}
              />
            </Section>
            <Section title={`Payments · ${invoice.payments.length}`} testId="invoice-payments">
              {invoice.payments.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No payments yet.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={420}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Date</Table.Th>
                        <Table.Th>Method</Table.Th>
                        <Table.Th>Reference</Table.Th>
                        <Table.Th ta="right">Amount</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {invoice.payments.map((p) => (
                        <Table.Tr key={p.id} data-testid="payment-row">
                          <Table.Td>{formatDate(p.date)}</Table.Td>
                          <Table.Td>{METHOD_LABELS[p.method as keyof typeof METHOD_LABELS] ?? p.method}</Table.Td>
                          <Table.Td>{p.reference ?? '—'}</Table.Td>
                          <Table.Td ta="right">{formatMoney(p.amount, invoice.currency)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Section title="Details">
            <Stack gap="sm">
              <DueDate key={invoice.dueDate} invoice={invoice} canWrite={canWrite} />
              {invoice.companyId && (
                <Text size="sm">
                  Company:{' '}
                  <Link className="record-link" to={`/companies/${invoice.companyId}`}>
                    {company ?? 'Open'}
                  </Link>
                </Text>
              )}
              {invoice.contactId && (
                <Text size="sm">
                  Contact:{' '}
                  <Link className="record-link" to={`/contacts/${invoice.contactId}`}>
                    Open contact
                  </Link>
                </Text>
              )}
              {invoice.quoteId && (
                <Text size="sm">
                  From quote:{' '}
                  <Link className="record-link" to={`/quotes/${invoice.quoteId}`}>
                    Open quote
                  </Link>
                </Text>
              )}
              {invoice.notes && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {invoice.notes}
                </Text>
              )}
            </Stack>
          </Section>
        </Grid.Col>
      </Grid>
      {paying && <PaymentModal invoice={invoice} onClose={() => setPaying(false)} />}
    </>
  );
}

export function InvoicePage() {
  const { id = '' } = useParams();
  const query = useInvoice(id);
  useDocumentTitle(query.data ? `Invoice ${query.data.displayNumber} · Rapport` : 'Invoice · Rapport');
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (query.error) {
    return (
      <ErrorAlert error={query.error} title={isApiError(query.error) && query.error.status === 404 ? 'This invoice does not exist' : 'Could not load the invoice'}>
        <Anchor component={Link} to="/invoices" display="block" mt="xs">
          Back to invoices
        </Anchor>
      </ErrorAlert>
    );
  }
  return <InvoiceView invoice={query.data} />;
}

import { Button, Group, SegmentedControl, Skeleton, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router-dom';
import { QUOTE_STATUSES, type Quote } from '../../../contract/quotes';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format';
import { useCompanyNames } from '../records/company-picker';
import { formatMoney } from './money';
import { NewQuoteModal } from './new-quote-modal';
import { QuoteStatusBadge, quoteStatusLabel } from './quote-status';
import { useQuotes } from './use-quotes';

/**
 * /quotes?status=sent filters; /quotes?new=1&companyId=…&dealId=… opens a new quote for that
 * customer (the deal and company pages link here).
 */
export function QuotesListPage() {
  useDocumentTitle('Quotes · Rapport');
  const canWrite = useCan('records:write');
  const [params, setParams] = useSearchParams();
  const status = (QUOTE_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Quote['status']) : undefined;
  const query = useQuotes({ status });
  const quotes = query.data?.data ?? [];
  const names = useCompanyNames(quotes.map((q) => q.companyId).filter((id): id is string => !!id));
  const setParam = (k: string, v: string | null) =>
    setParams((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
      return p;
    });
  const creating = params.get('new') === '1';
  const closeNew = () => setParams((p) => (['new', 'companyId', 'contactId', 'dealId', 'title'].forEach((k) => p.delete(k)), p));
  return (
    <>
      <PageHeader
        title="Quotes"
        description="Offers to customers. Accepting one issues its invoice."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setParam('new', '1')}>
              New quote
            </Button>
          )
        }
      />
      <Group mb="md">
        <SegmentedControl
          value={status ?? 'all'}
          onChange={(v) => setParam('status', v === 'all' ? null : v)}
          data={[{ value: 'all', label: 'All' }, ...QUOTE_STATUSES.map((s) => ({ value: s, label: quoteStatusLabel(s) }))]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
      </Group>
      {query.error && <ErrorAlert error={query.error} title="Could not load quotes" />}
      {query.isPending && <Skeleton height={160} />}
      {query.data && quotes.length === 0 && (
        <EmptyState
          icon={<IconFileInvoice size={28} />}
          title={status ? `No ${quoteStatusLabel(status).toLowerCase()} quotes` : 'No quotes yet'}
          description={status ? undefined : 'Write a quote for a customer: pick products or type lines, send it, and accept it to invoice.'}
          action={
            !status &&
            canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setParam('new', '1')}>
                New quote
              </Button>
            )
          }
        />
      )}
      {quotes.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th visibleFrom="sm">Title</Table.Th>
                <Table.Th visibleFrom="sm">Company</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th visibleFrom="sm">Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quotes.map((q) => (
                <Table.Tr key={q.id} data-testid="quote-row">
                  <Table.Td>
                    <Link className="record-link" to={`/quotes/${q.id}`}>
                      {q.number}
                    </Link>
                    {/* On a phone the title and company ride under the number instead of in their own columns. */}
                    <Text size="xs" c="dimmed" hiddenFrom="sm">
                      {q.title}
                      {q.companyId && names.get(q.companyId) ? ` · ${names.get(q.companyId)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{q.title}</Table.Td>
                  <Table.Td visibleFrom="sm">{q.companyId ? (names.get(q.companyId) ?? '…') : <Text c="dimmed" size="sm">—</Text>}</Table.Td>
                  <Table.Td>
                    <QuoteStatusBadge status={q.status} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(q.total, q.currency)}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{formatDate(q.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.data?.nextCursor && (
        <Text size="sm" c="dimmed" mt="sm">
          Showing the newest {quotes.length} quotes.
        </Text>
      )}
      {creating && (
        <NewQuoteModal
          prefill={{ companyId: params.get('companyId'), contactId: params.get('contactId'), dealId: params.get('dealId'), title: params.get('title') ?? undefined }}
          onClose={closeNew}
        />
      )}
    </>
  );
}

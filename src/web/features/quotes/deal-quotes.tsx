import { Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { Section } from '../../components/section';
import { queryString } from '../../lib/api';
import { formatMoney } from './money';
import { QuoteStatusBadge } from './quote-status';
import { useQuotes } from './use-quotes';

/** A deal's quotes, and a way to write one for it (its company comes along). */
export function DealQuotes({ deal }: { deal: { id: string; name: string; companyId: string | null } }) {
  const canWrite = useCan('records:write');
  const query = useQuotes({ dealId: deal.id });
  const quotes = query.data?.data ?? [];
  const newQuote = `/quotes${queryString({ new: 1, dealId: deal.id, companyId: deal.companyId, title: deal.name })}`;
  return (
    <Section
      title={`Quotes${query.data ? ` · ${quotes.length}` : ''}`}
      testId="deal-quotes"
      actions={
        canWrite && (
          <Link className="record-link" to={newQuote} style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
            Create quote
          </Link>
        )
      }
    >
      {query.error && <ErrorAlert error={query.error} title="Could not load quotes" />}
      {query.isPending && <Skeleton height={32} />}
      {query.data && quotes.length === 0 && (
        <Text size="sm" c="dimmed">
          No quotes for this deal yet.
        </Text>
      )}
      <Stack gap={6}>
        {quotes.map((q) => (
          <Group key={q.id} justify="space-between" gap="xs" wrap="nowrap">
            <Link className="record-link" to={`/quotes/${q.id}`} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {q.number} · {q.title}
            </Link>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(q.total, q.currency)}
              </Text>
              <QuoteStatusBadge status={q.status} />
            </Group>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

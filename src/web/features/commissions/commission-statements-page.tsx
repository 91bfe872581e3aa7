import { Badge, Group, Paper, Select, Skeleton, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPercentage } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import type { Statement } from '../../../contract/commissions';
import { useCan, useCurrentSession } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { api, queryString } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { isPeriod, periodLabel, periodOf } from '../forecast/period';
import { PeriodPicker } from '../forecast/period-picker';
import { formatMoney } from '../quotes/money';
import { useMembers } from '../settings/use-members';
import { BASIS_LABELS } from './use-commissions';

/** /commissions?period=2026-11&userId=…: what one person earned in a month or quarter. */
export function CommissionStatementsPage() {
  useDocumentTitle('Commissions · Rapport');
  const session = useCurrentSession();
  const seesAll = useCan('deals:all');
  const members = useMembers();
  const [params, setParams] = useSearchParams();
  const period = isPeriod(params.get('period')) ? params.get('period')! : periodOf('month');
  const userId = (seesAll && params.get('userId')) || session.user.id;
  const set = (k: string, v: string | null) =>
    setParams((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
      return p;
    });
  const query = useQuery({
    queryKey: ['commission-statement', period, userId],
    queryFn: () => api.get<Statement>(`/api/v1/commissions/statements${queryString({ period, userId })}`),
  });
  const lines = query.data?.lines ?? [];
  return (
    <>
      <PageHeader title="Commission statements" description="Each won deal or payment received in the period, the rule applied, and the commission." />
      <Group mb="md" gap="sm">
        <PeriodPicker value={period} onChange={(p) => set('period', p)} />
        {seesAll && <Select aria-label="Person" data={members.options} value={userId} onChange={(v) => set('userId', v)} allowDeselect={false} searchable w={220} comboboxProps={{ withinPortal: true }} />}
      </Group>
      {query.error && <ErrorAlert error={query.error} title="Could not load the statement" />}
      {query.isPending && <Skeleton height={160} />}
      {query.data && (
        <Group gap="sm" mb="md">
          {query.data.totals.map((t) => (
            <Paper key={t.currency} withBorder radius="md" p="sm" miw={200}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Commission · {t.currency}
              </Text>
              <Text size="xl" fw={700} data-testid="commission-total">
                {formatMoney(t.commission, t.currency)}
              </Text>
              <Text size="xs" c="dimmed">
                on {formatMoney(t.base, t.currency)}
              </Text>
            </Paper>
          ))}
        </Group>
      )}
      {query.data && lines.length === 0 && (
        <EmptyState
          icon={<IconPercentage size={28} />}
          title={`No commission in ${periodLabel(period)}`}
          description={
            <>
              Won deals and payments received in the period earn commission under the rules in <Link to="/settings/commissions">Settings → Commissions</Link>.
            </>
          }
        />
      )}
      {lines.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>For</Table.Th>
                <Table.Th ta="right">Base</Table.Th>
                <Table.Th ta="right">Rate</Table.Th>
                <Table.Th ta="right">Commission</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={`${l.ruleId}-${l.dealId ?? l.paymentId}`} data-testid="statement-line">
                  <Table.Td>{formatDate(l.date)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="sm" mr={6} style={{ textTransform: 'none' }}>
                      {BASIS_LABELS[l.basis]}
                    </Badge>
                    {l.dealId && (
                      <Link className="record-link" to={`/deals/${l.dealId}`}>
                        Deal
                      </Link>
                    )}
                    {l.invoiceId && (
                      <Link className="record-link" to={`/invoices/${l.invoiceId}`}>
                        Invoice
                      </Link>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(l.base, l.currency)}</Table.Td>
                  <Table.Td ta="right">{l.ratePercent} %</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatMoney(l.commission, l.currency)}
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

import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChartBar, IconPencil, IconPercentage, IconTarget } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Forecast } from '../../../contract/forecast';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { api, queryString } from '../../lib/api';
import { plural } from '../../lib/format';
import { formatMoney } from '../quotes/money';
import { useMembers } from '../settings/use-members';
import { ForecastChart } from './forecast-chart';
import { isPeriod, periodLabel, periodOf } from './period';
import { PeriodPicker } from './period-picker';
import { QuotaModal } from './quota-modal';

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** /forecast?period=2026-Q4&ownerId=…: what is won, what is likely, what is possible, against quota. */
export function ForecastPage() {
  useDocumentTitle('Forecast · Rapport');
  const canManage = useCan('sales:manage');
  const members = useMembers();
  const [params, setParams] = useSearchParams();
  const period = isPeriod(params.get('period')) ? params.get('period')! : periodOf('month');
  const ownerId = params.get('ownerId');
  const [currencyChoice, setCurrency] = useState<string | null>(null);
  const [quotaFor, setQuotaFor] = useState<{ userId: string | null; current: number | null } | null>(null);
  const set = (k: string, v: string | null) =>
    setParams((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
      return p;
    });
  const query = useQuery({
    queryKey: ['forecast', period, ownerId],
    queryFn: () => api.get<Forecast>(`/api/v1/forecast${queryString({ period, ownerId })}`),
  });
  const currencies = query.data?.totals.map((t) => t.currency) ?? [];
  const currency = currencyChoice && currencies.includes(currencyChoice) ? currencyChoice : (currencies[0] ?? 'EUR');
  const totals = query.data?.totals.find((t) => t.currency === currency);
  const rows = (query.data?.rows ?? []).filter((r) => r.currency === currency);
  const ownerName = (id: string | null) => (id ? (members.byId.get(id)?.name ?? members.byId.get(id)?.email ?? 'Someone') : 'No owner');
  const money = (v: number) => formatMoney(v, currency);
  return (
    <>
      <PageHeader
        title="Forecast"
        description="Deals closing in the period: won, weighted by stage probability, and best case, against quota."
        actions={
          <>
            <Button component={Link} to={`/commissions?period=${period}`} variant="default" leftSection={<IconPercentage size={16} />}>
              Commission statements
            </Button>
            {canManage && (
              <Button variant="light" leftSection={<IconTarget size={16} />} onClick={() => setQuotaFor({ userId: ownerId, current: null })}>
                Set quota
              </Button>
            )}
          </>
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <PeriodPicker value={period} onChange={(p) => set('period', p)} />
        <Select
          aria-label="Owner"
          placeholder="All owners"
          data={members.options}
          value={ownerId}
          onChange={(v) => set('ownerId', v)}
          clearable
          searchable
          w={200}
          comboboxProps={{ withinPortal: true }}
        />
        {currencies.length > 1 && <SegmentedControl size="xs" value={currency} onChange={setCurrency} data={currencies} />}
      </Group>
      {query.error && <ErrorAlert error={query.error} title="Could not load the forecast" />}
      {query.isPending && <Skeleton height={300} />}
      {query.data && !totals && (
        <EmptyState icon={<IconChartBar size={28} />} title={`Nothing closes in ${periodLabel(period)}`} description="Deals with a close date in this period, and quotas set for it, show here." />
      )}
      {totals && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Figure label="Won" value={money(totals.won)} hint={plural(totals.wonCount, 'won deal')} testId="forecast-won" />
            <Figure label="Weighted pipeline" value={money(totals.weighted)} hint={plural(totals.openCount, 'open deal')} testId="forecast-weighted" />
            <Figure label="Best case" value={money(totals.bestCase)} hint="Won + every open deal" testId="forecast-best" />
            <Figure
              label="Quota"
              value={totals.quota === null ? '—' : money(totals.quota)}
              hint={totals.attainmentPercent === null ? 'No quota set' : `${totals.attainmentPercent} % attained`}
              testId="forecast-quota"
            />
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <ForecastChart currency={currency} rows={rows.map((r) => ({ owner: ownerName(r.ownerId), won: r.won, weighted: r.weighted, bestCase: r.bestCase, quota: r.quota }))} />
          </Paper>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th ta="right">Won</Table.Th>
                  <Table.Th ta="right">Weighted</Table.Th>
                  <Table.Th ta="right">Best case</Table.Th>
                  <Table.Th ta="right">Quota</Table.Th>
                  <Table.Th ta="right">Attained</Table.Th>
                  <Table.Th w={48} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.ownerId}-${r.currency}`} data-testid="forecast-row">
                    <Table.Td>
                      {ownerName(r.ownerId)}
                      <Text size="xs" c="dimmed">
                        {r.wonCount} won · {r.openCount} open
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{money(r.won)}</Table.Td>
                    <Table.Td ta="right">{money(r.weighted)}</Table.Td>
                    <Table.Td ta="right">{money(r.bestCase)}</Table.Td>
                    <Table.Td ta="right">{r.quota === null ? '—' : money(r.quota)}</Table.Td>
                    <Table.Td ta="right">{r.attainmentPercent === null ? '—' : `${r.attainmentPercent} %`}</Table.Td>
                    <Table.Td>
                      {canManage && r.ownerId && (
                        <Tooltip label="Set quota" withArrow>
                          <ActionIcon variant="subtle" aria-label={`Set quota for ${ownerName(r.ownerId)}`} onClick={() => setQuotaFor({ userId: r.ownerId, current: r.quota })}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {quotaFor && <QuotaModal period={period} userId={quotaFor.userId} currency={currency} current={quotaFor.current} onClose={() => setQuotaFor(null)} />}
    </>
  );
}

import { useMantineTheme } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { currencyExponent, formatMoney } from '../quotes/money';

export type ChartRow = { owner: string; won: number; weighted: number; bestCase: number; quota: number | null };

/** Won, weighted pipeline and best case per owner, beside their quota, in one currency. */
export function ForecastChart({ rows, currency }: { rows: ChartRow[]; currency: string }) {
  const theme = useMantineTheme();
  const unit = 10 ** currencyExponent(currency);
  // The chart scales in whole units; the tooltip shows the exact minor-unit figures.
  const data = rows.map((r) => ({ ...r, won: r.won / unit, weighted: r.weighted / unit, bestCase: r.bestCase / unit, quota: r.quota === null ? null : r.quota / unit }));
  const money = (v: unknown) => formatMoney(Math.round(Number(v) * unit), currency);
  const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
  return (
    <div style={{ width: '100%', height: 300 }} data-testid="forecast-chart">
      <ResponsiveContainer>
        <BarChart data={data} maxBarSize={56} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="owner" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={(v: number) => compact.format(v)} tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v) => money(v)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="won" name="Won" fill={theme.colors.teal[6]} radius={[3, 3, 0, 0]} />
          <Bar dataKey="weighted" name="Weighted pipeline" fill={theme.colors.blue[5]} radius={[3, 3, 0, 0]} />
          <Bar dataKey="bestCase" name="Best case" fill={theme.colors.blue[2]} radius={[3, 3, 0, 0]} />
          <Bar dataKey="quota" name="Quota" fill={theme.colors.gray[5]} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type Row = {
  dialect: string;
  scenario: string;
  value: number;
  unit: string;
  p50?: number;
  p99?: number;
  baseline?: number;
  baselineP99?: number;
  higherIsBetter: boolean;
  errors?: number;
};

const fmt = (n: number | undefined, digits = 1) =>
  n === undefined ? '' : n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(digits);

/** Ratio to the baseline, oriented so that 1.0 means "as fast as raw" and less is slower. */
export function ratio(r: Row): number | undefined {
  if (!r.baseline || !r.value) return undefined;
  return r.higherIsBetter ? r.value / r.baseline : r.baseline / r.value;
}

export function printTable(rows: Row[], meta: Record<string, unknown>) {
  console.log(`\nRapport benchmark — ${meta.contacts} contacts, commit ${meta.commit}, ${meta.cores} cores (${meta.cpu}), Node ${meta.node}`);
  const header = ['db', 'scenario', 'result', 'p50 ms', 'p99 ms', 'baseline', 'base p99', 'vs raw', 'errors'];
  const body = rows.map((r) => [
    r.dialect,
    r.scenario,
    `${fmt(r.value)} ${r.unit}`,
    fmt(r.p50, 2),
    fmt(r.p99, 2),
    r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit}`,
    fmt(r.baselineP99, 2),
    ratio(r) === undefined ? '' : `${(ratio(r)! * 100).toFixed(0)}%`,
    r.errors ? String(r.errors) : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  console.log(`\n(vs raw: the product's speed as a share of the hand-written baseline; 100% = as fast as raw.) Total ${Number(meta.seconds).toFixed(0)} s.`);
}

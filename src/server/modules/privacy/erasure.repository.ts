import { sql } from 'kysely';
import type { WorkspaceDb } from '../../db/scoped';
import type { ScrubTable } from './erasure.catalog';
import { type Identity, redactor } from './redact';

type Row = Record<string, unknown>;
const CHUNK = 500;

const keyOf = (t: ScrubTable, row: Row) => t.key.map((k) => String(row[k])).join('\u0000');

/** Rows of `t` whose `column` is one of `ids` (the rows about the person), chunked for SQLite's parameter limit. */
async function rowsByIds(tx: WorkspaceDb, t: ScrubTable, column: string, ids: string[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = await (tx.selectFrom(t.table) as any).selectAll().where(column, 'in', ids.slice(i, i + CHUNK)).execute();
    out.push(...part);
  }
  return out;
}

/** Rows of `t` where any text or JSON column mentions one of the strong identifiers (case-insensitive). */
async function rowsMentioning(tx: WorkspaceDb, t: ScrubTable, needles: string[]): Promise<Row[]> {
  const columns = [...t.text, ...t.json];
  if (needles.length === 0 || columns.length === 0) return [];
  // JSON columns are compared as their text, which both databases produce with a cast.
  return (tx.selectFrom(t.table) as any)
    .selectAll()
    .where((eb: any) => eb.or(columns.flatMap((c) => needles.map((n) => tx.dialect.contains(sql`cast(${sql.ref(c)} as text)`, n)))))
    .execute();
}

export type Rewrite = (row: Row, db: WorkspaceDb) => Row | null;

/**
 * Removes the person's identifiers from one table: rows about them (`related`) lose every
 * identifier, first names included; any other row of the workspace loses the strong ones. A
 * `rewrite` may replace whole columns of a row (the person's own record). Returns rows changed.
 */
export async function scrubTable(
  tx: WorkspaceDb,
  t: ScrubTable,
  opts: { identity: Identity; related?: { column: string; ids: string[] }; rewrite?: Rewrite },
): Promise<number> {
  const candidates = new Map<string, { row: Row; related: boolean }>();
  if (opts.related && opts.related.ids.length) {
    for (const row of await rowsByIds(tx, t, opts.related.column, opts.related.ids)) candidates.set(keyOf(t, row), { row, related: true });
  }
  for (const row of await rowsMentioning(tx, t, opts.identity.strong)) {
    const k = keyOf(t, row);
    if (!candidates.has(k)) candidates.set(k, { row, related: false });
  }
  const strongOnly = redactor(opts.identity, { weak: false });
  const all = redactor(opts.identity, { weak: true });
  const json = tx.dialect.json;
  let changed = 0;
  for (const { row, related } of candidates.values()) {
    const r = related ? all : strongOnly;
    const set: Row = {};
    for (const c of t.text) {
      if (!related && t.names?.includes(c)) continue;
      const v = row[c];
      if (typeof v === 'string' && r.text(v) !== v) set[c] = r.text(v);
    }
    for (const c of t.json) {
      if (row[c] === null || row[c] === undefined) continue;
      const value = json.read<unknown>(row[c], null);
      const next = r.json(value);
      if (JSON.stringify(next) !== JSON.stringify(value)) set[c] = json.write(next);
    }
    const merged = { ...row, ...set };
    Object.assign(set, opts.rewrite?.(merged, tx) ?? {});
    if (Object.keys(set).length === 0) continue;
    let q = (tx.updateTable(t.table) as any).set(set);
    for (const k of t.key) q = q.where(k, '=', row[k]);
    await q.execute();
    changed++;
  }
  return changed;
}

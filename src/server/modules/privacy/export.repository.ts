import type { TenantTable } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

type Row = Record<string, unknown>;
const CHUNK = 500;

/** Every row of `table` whose `column` is one of `values`, oldest first by `order`. */
export async function rowsWhereIn(db: WorkspaceDb, table: TenantTable, column: string, values: string[], order = 'created_at'): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const part = await (db.selectFrom(table) as any).selectAll().where(column, 'in', values.slice(i, i + CHUNK)).orderBy(order).execute();
    out.push(...part);
  }
  return out;
}

/** A stored row as it goes out: camelCase keys, JSON columns parsed, the workspace left out. */
export function presentRow(db: WorkspaceDb, row: Row, jsonColumns: string[]): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'workspace_id' || k === 'rowid') continue;
    const key = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    out[key] = jsonColumns.includes(k) ? db.dialect.json.read<unknown>(v, null) : typeof v === 'bigint' ? Number(v) : v;
  }
  return out;
}

import type { WorkspaceDb } from '../../db/scoped';
import type { CompanySourceRow, ContactSourceRow, DuplicateObject } from './duplicates.repository';

// This module's own table; WorkspaceDb scopes it like any other.
const RUNS = 'duplicate_scan_runs' as any;

/** An unfinished scan: its start, the records it covers, and the last record of its last committed batch. */
export type ScanRun = {
  started_at: string;
  since: string | null;
  after_updated_at: string | null;
  after_id: string | null;
  done: number;
  total: number;
};
export type ScanCursor = { updatedAt: string; id: string } | null;

const COLUMNS = { contacts: ['id', 'updated_at', 'first_name', 'last_name', 'company_id', 'emails', 'phones'], companies: ['id', 'updated_at', 'name', 'domain'] } as const;

/** Live records changed since `since` (all when null), after `cursor` in (updated_at, id) order: the live updated index. */
export async function changedBatch<T extends DuplicateObject>(
  db: WorkspaceDb,
  table: T,
  since: string | null,
  cursor: ScanCursor,
  limit: number,
): Promise<((T extends 'contacts' ? ContactSourceRow : CompanySourceRow) & { updated_at: string })[]> {
  let q = (db.selectFrom(table) as any).select(COLUMNS[table]).where('deleted_at', 'is', null);
  if (since) q = q.where('updated_at', '>=', since);
  if (cursor) q = q.where((eb: any) => eb(eb.refTuple('updated_at', 'id'), '>', eb.tuple(cursor.updatedAt, cursor.id)));
  return q.orderBy('updated_at').orderBy('id').limit(limit).execute();
}

/** How many live records changed since `since`, counting no further than `cap` when given. */
export async function countChanged(db: WorkspaceDb, table: DuplicateObject, since: string | null, cap?: number): Promise<number> {
  const changed = () => {
    const q = db.selectFrom(table).where('deleted_at', 'is', null);
    return since ? q.where('updated_at', '>=', since) : q;
  };
  // At most `cap` ids: stops early instead of walking a whole workspace to say "many".
  if (cap !== undefined) return (await changed().select('id').limit(cap).execute()).length;
  const row = await changed()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findRun(db: WorkspaceDb, objectType: DuplicateObject, opts: { lock?: boolean } = {}): Promise<ScanRun | null> {
  let q = db.selectFrom(RUNS).select(['started_at', 'since', 'after_updated_at', 'after_id', 'done', 'total']).where('object_type', '=', objectType);
  // Two workers on one scan take its batches in turn instead of both doing the same one.
  if (opts.lock && db.dialect.name === 'postgres') q = q.forUpdate();
  const row = (await q.executeTakeFirst()) as ScanRun | undefined;
  return row ? { ...row, done: Number(row.done), total: Number(row.total) } : null;
}

/** Starts a scan unless one is already under way (a concurrent start keeps the first). */
export async function startRun(tx: WorkspaceDb, objectType: DuplicateObject, run: Pick<ScanRun, 'started_at' | 'since' | 'total'>): Promise<void> {
  await tx
    .insertInto(RUNS, { object_type: objectType, ...run, after_updated_at: null, after_id: null, done: 0 } as any)
    .onConflict((oc: any) => oc.columns(['workspace_id', 'object_type']).doNothing())
    .execute();
}

export async function advanceRun(tx: WorkspaceDb, objectType: DuplicateObject, after: { updatedAt: string; id: string }, done: number, total: number): Promise<void> {
  await tx
    .updateTable(RUNS)
    .set({ after_updated_at: after.updatedAt, after_id: after.id, done, total } as any)
    .where('object_type', '=', objectType)
    .execute();
}

export async function endRun(tx: WorkspaceDb, objectType: DuplicateObject): Promise<void> {
  await tx.deleteFrom(RUNS).where('object_type', '=', objectType).execute();
}

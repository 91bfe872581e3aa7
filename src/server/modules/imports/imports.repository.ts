import { sql } from 'kysely';
import type { ImportRow, ImportRowRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export type LedgerRow = Omit<ImportRowRow, 'workspace_id'>;
/** Rows by outcome, and the companies a contacts import created (not rows of the file). */
export type Counts = { created: number; updated: number; skipped: number; errors: number; companies: number };

/**
 * A company a contacts import created is kept in the ledger under the negative of the line that
 * first named it: row numbers below zero never meet a line of the file. Pages of them start here.
 */
export const COMPANY_LEDGER_START = -(2 ** 31);
export const COMPANY_CREATED = 'company_created';

/** The import and its file, stored a piece at a time as the pieces are read. */
export async function insertImport(db: WorkspaceDb, row: Omit<ImportRow, 'workspace_id'>, pieces: AsyncIterable<Buffer>): Promise<void> {
  await db.insertInto('imports', row).execute();
  let seq = 0;
  for await (const content of pieces) await db.insertInto('import_file_chunks', { import_id: row.id, seq: seq++, content }).execute();
}

export const findImport = (db: WorkspaceDb, id: string) => db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();

/** The stored file a piece at a time (one piece in memory); imports made before pieces are one piece. */
export async function* importPieces(db: WorkspaceDb, id: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const row = await db.selectFrom('import_file_chunks').select('content').where('import_id', '=', id).where('seq', '=', seq).executeTakeFirst();
    if (!row) break;
    yield Buffer.from(row.content as Uint8Array);
  }
  const whole = await db.selectFrom('import_files').select('content').where('import_id', '=', id).executeTakeFirst();
  if (whole) yield Buffer.from(whole.content as Uint8Array);
}

/** The beginning of the stored file (its first piece). */
export async function importHead(db: WorkspaceDb, id: string): Promise<Buffer> {
  for await (const piece of importPieces(db, id)) return piece;
  return Buffer.alloc(0);
}

export const listImports = (db: WorkspaceDb, params: { objectType?: string; limit: number }) => {
  let q = db.selectFrom('imports').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(params.limit);
  if (params.objectType) q = q.where('object_type', '=', params.objectType);
  return q.execute();
};

export async function setImport(db: WorkspaceDb, id: string, changes: Partial<Pick<ImportRow, 'status' | 'rows_total' | 'failure' | 'job_id' | 'updated_at'>>): Promise<void> {
  await db.updateTable('imports').set(changes).where('id', '=', id).execute();
}

/**
 * Moves the checkpoint from `from` to `to` and adds the chunk's counts. Fenced on `from`: a
 * second runner of the same import (one that lost its lease) updates nothing and rolls back.
 */
export async function advanceCheckpoint(db: WorkspaceDb, id: string, from: number, to: number, c: Counts, at: string): Promise<boolean> {
  const res = await db
    .updateTable('imports')
    .set({
      rows_done: to,
      created_count: sql`created_count + ${c.created}`,
      updated_count: sql`updated_count + ${c.updated}`,
      skipped_count: sql`skipped_count + ${c.skipped}`,
      error_count: sql`error_count + ${c.errors}`,
      companies_created_count: sql`companies_created_count + ${c.companies}`,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('rows_done', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertLedger(db: WorkspaceDb, rows: LedgerRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('import_rows', rows.slice(i, i + 500)).execute();
}

/** The ledger in row order, a page at a time (keyset on the row number). */
export async function ledgerPage(db: WorkspaceDb, importId: string, opts: { after: number; outcomes: string[]; limit: number }): Promise<LedgerRow[]> {
  return db
    .selectFrom('import_rows')
    .select(['import_id', 'row_no', 'outcome', 'record_id', 'before', 'raw', 'message'])
    .where('import_id', '=', importId)
    .where('outcome', 'in', opts.outcomes)
    .where('row_no', '>', opts.after)
    .orderBy('row_no')
    .limit(opts.limit)
    .execute();
}

export async function saveMapping(db: WorkspaceDb, row: { object_type: string; name: string; mapping: string; updated_at: string }): Promise<void> {
  await db.deleteFrom('import_mappings').where('object_type', '=', row.object_type).where('name', '=', row.name).execute();
  await db.insertInto('import_mappings', row).execute();
}

export const listMappings = (db: WorkspaceDb, objectType: string) =>
  db.selectFrom('import_mappings').select(['name', 'mapping', 'updated_at']).where('object_type', '=', objectType).orderBy('name').execute();

export async function deleteImport(db: WorkspaceDb, id: string): Promise<void> {
  await db.deleteFrom('import_rows').where('import_id', '=', id).execute();
  await db.deleteFrom('import_files').where('import_id', '=', id).execute();
  await db.deleteFrom('import_file_chunks').where('import_id', '=', id).execute();
  await db.deleteFrom('imports').where('id', '=', id).execute();
}

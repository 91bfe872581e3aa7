import { sql } from 'kysely';
import type { WorkspaceDb } from '../../db/scoped';

// The queries that find what belongs to one person: the records linked to a contact, by table.

export const findContactRow = (db: WorkspaceDb, id: string) => db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();

/** Leads converted into the contact, and leads with one of its email addresses (the same person, not yet converted). */
export async function leadsOf(db: WorkspaceDb, contactId: string, emails: string[]) {
  const ci = emails.map((e) => db.dialect.ciValue(e));
  return db
    .selectFrom('leads')
    .selectAll()
    .where((eb) => (ci.length ? eb.or([eb('converted_contact_id', '=', contactId), eb(db.dialect.ci(sql.ref('email')), 'in', ci)]) : eb('converted_contact_id', '=', contactId)))
    .execute();
}

export async function dealIdsOf(db: WorkspaceDb, contactId: string): Promise<string[]> {
  const rows = await db.selectFrom('deal_contacts').select('deal_id').where('contact_id', '=', contactId).execute();
  return rows.map((r) => r.deal_id);
}

/** Activities or tasks linked to any of these records. */
export async function linkedSources(db: WorkspaceDb, source: 'activity' | 'task', objectIds: string[]): Promise<string[]> {
  if (objectIds.length === 0) return [];
  const rows = await db.selectFrom('record_links').select('source_id').distinct().where('source_type', '=', source).where('object_id', 'in', objectIds).execute();
  return rows.map((r) => r.source_id);
}

export async function quoteIdsOf(db: WorkspaceDb, contactId: string): Promise<string[]> {
  return (await db.selectFrom('quotes').select('id').where('contact_id', '=', contactId).execute()).map((r) => r.id);
}

export async function invoiceIdsOf(db: WorkspaceDb, contactId: string, quoteIds: string[]): Promise<string[]> {
  let q = db.selectFrom('invoices').select('id');
  q = quoteIds.length ? q.where((eb) => eb.or([eb('contact_id', '=', contactId), eb('quote_id', 'in', quoteIds)])) : q.where('contact_id', '=', contactId);
  return (await q.execute()).map((r) => r.id);
}

export async function commentIdsOn(db: WorkspaceDb, objectIds: string[]): Promise<string[]> {
  if (objectIds.length === 0) return [];
  return (await db.selectFrom('comments').select('id').where('object_id', 'in', objectIds).execute()).map((r) => r.id);
}

/** Imports whose ledger holds a row for one of these records, with their status. */
export async function importsTouching(db: WorkspaceDb, recordIds: string[]): Promise<{ id: string; status: string }[]> {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('imports')
    .select(['id', 'status'])
    .where('id', 'in', (eb) => eb.selectFrom('import_rows').select('import_id').where('import_rows.workspace_id', '=', db.workspaceId).where('record_id', 'in', recordIds))
    .execute();
}

/** The uploaded files of finished imports: only a running import reads its file again. */
export async function deleteImportFiles(db: WorkspaceDb, importIds: string[]): Promise<number> {
  if (importIds.length === 0) return 0;
  // Files uploaded before chunked storage are one row; newer ones are stored in pieces.
  const whole = await db.deleteFrom('import_files').where('import_id', 'in', importIds).executeTakeFirst();
  const pieces = await db.deleteFrom('import_file_chunks').where('import_id', 'in', importIds).executeTakeFirst();
  return Number(whole.numDeletedRows) + Number(pieces.numDeletedRows);
}

export const wasErased = async (db: WorkspaceDb, contactId: string) =>
  (await db.selectFrom('events').select('id').where('object_id', '=', contactId).where('action', '=', 'erased').executeTakeFirst()) !== undefined;

export async function deleteContactEmails(db: WorkspaceDb, contactId: string): Promise<number> {
  return Number((await db.deleteFrom('contact_emails').where('contact_id', '=', contactId).executeTakeFirst()).numDeletedRows);
}

/**
 * SQLite's full-text index keeps a deleted row's words in its segments until they are merged,
 * readable in search_fts_data; 'optimize' merges them and drops those words for good.
 * PostgreSQL's tsvector is a column of the row itself and changes with it.
 */
export async function compactSearchIndex(db: WorkspaceDb): Promise<void> {
  if (db.dialect.name !== 'sqlite') return;
  await db.raw(() => sql`insert into search_fts(search_fts) values ('optimize')`);
}

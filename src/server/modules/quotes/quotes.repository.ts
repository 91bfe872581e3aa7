import { sql } from 'kysely';
import type { QuoteLineRow, QuoteRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export const findQuote = (db: WorkspaceDb, id: string) => db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirst();

export async function quoteLines(db: WorkspaceDb, quoteIds: string[]): Promise<Map<string, QuoteLineRow[]>> {
  const out = new Map<string, QuoteLineRow[]>(quoteIds.map((id) => [id, []]));
  if (quoteIds.length === 0) return out;
  const rows = await db.selectFrom('quote_lines').selectAll().where('quote_id', 'in', quoteIds).orderBy('position').execute();
  for (const r of rows) out.get(r.quote_id)?.push(r);
  return out;
}

export async function listQuotes(db: WorkspaceDb, q: { status?: string; dealId?: string; contactId?: string; companyId?: string; beforeId?: string; limit: number }) {
  let query = db.selectFrom('quotes').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  if (q.dealId) query = query.where('deal_id', '=', q.dealId);
  if (q.contactId) query = query.where('contact_id', '=', q.contactId);
  if (q.companyId) query = query.where('company_id', '=', q.companyId);
  if (q.beforeId) query = query.where('id', '<', q.beforeId);
  return query.orderBy('id', 'desc').limit(q.limit).execute();
}

export const insertQuote = (tx: WorkspaceDb, row: Omit<QuoteRow, 'workspace_id'>) => tx.insertInto('quotes', row).execute();

export async function replaceLines(tx: WorkspaceDb, quoteId: string, lines: Omit<QuoteLineRow, 'workspace_id' | 'quote_id'>[]) {
  await tx.deleteFrom('quote_lines').where('quote_id', '=', quoteId).execute();
  for (let i = 0; i < lines.length; i += 200) await tx.insertInto('quote_lines', lines.slice(i, i + 200).map((l) => ({ ...l, quote_id: quoteId }))).execute();
}

/** Changes a quote if it is still at `version` (and in one of `statuses`); false when it is not. */
export async function updateQuoteIf(tx: WorkspaceDb, id: string, cond: { version?: number; statuses?: string[] }, set: Partial<QuoteRow>): Promise<boolean> {
  let q = tx.updateTable('quotes').set(set).where('id', '=', id);
  if (cond.version !== undefined) q = q.where('version', '=', cond.version);
  if (cond.statuses) q = q.where('status', 'in', cond.statuses);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Names for the PDF: the contact, the company and the owner. */
export async function partyNames(db: WorkspaceDb, q: { contactId: string | null; companyId: string | null }) {
  const contact = q.contactId ? await db.selectFrom('contacts').select(['full_name', 'email']).where('id', '=', q.contactId).executeTakeFirst() : undefined;
  const company = q.companyId ? await db.selectFrom('companies').select(['name', 'addresses']).where('id', '=', q.companyId).executeTakeFirst() : undefined;
  const [workspace] = await db.raw<{ name: string }>((ws) => sql`select name from workspaces where id = ${ws}`);
  return { contact, company, workspaceName: workspace?.name ?? '' };
}

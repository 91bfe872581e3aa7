import { sql } from 'kysely';
import type { InvoiceLineRow, InvoiceRow, PaymentRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export const findInvoice = (db: WorkspaceDb, id: string) => db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();

export async function linesOf(db: WorkspaceDb, ids: string[]): Promise<Map<string, InvoiceLineRow[]>> {
  const out = new Map<string, InvoiceLineRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('invoice_lines').selectAll().where('invoice_id', 'in', ids).orderBy('position').execute();
  for (const r of rows) out.get(r.invoice_id)?.push(r);
  return out;
}

export async function paymentsOf(db: WorkspaceDb, ids: string[]): Promise<Map<string, PaymentRow[]>> {
  const out = new Map<string, PaymentRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('payments').selectAll().where('invoice_id', 'in', ids).orderBy('paid_on').orderBy('id').execute();
  for (const r of rows) out.get(r.invoice_id)?.push(r);
  return out;
}

export type InvoiceFilter = { status?: 'open' | 'paid' | 'overdue'; contactId?: string; companyId?: string; beforeId?: string; today: string; limit?: number };

/** Invoices newest first; the status is derived from the balance and the due date, as the API shows it. */
export async function listInvoices(db: WorkspaceDb, f: InvoiceFilter) {
  let q = db.selectFrom('invoices').selectAll();
  if (f.contactId) q = q.where('contact_id', '=', f.contactId);
  if (f.companyId) q = q.where('company_id', '=', f.companyId);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  if (f.status === 'paid') q = q.where(sql`paid >= total` as any);
  if (f.status === 'open') q = q.where(sql`paid < total` as any).where('due_date', '>=', f.today);
  if (f.status === 'overdue') q = q.where(sql`paid < total` as any).where('due_date', '<', f.today);
  q = q.orderBy('id', 'desc');
  if (f.limit) q = q.limit(f.limit);
  return q.execute();
}

export const insertInvoice = (tx: WorkspaceDb, row: Omit<InvoiceRow, 'workspace_id'>) => tx.insertInto('invoices', row).execute();

export async function insertLines(tx: WorkspaceDb, rows: Omit<InvoiceLineRow, 'workspace_id'>[]) {
  for (let i = 0; i < rows.length; i += 200) await tx.insertInto('invoice_lines', rows.slice(i, i + 200)).execute();
}

export const updateInvoice = (tx: WorkspaceDb, id: string, set: Partial<InvoiceRow>) => tx.updateTable('invoices').set(set).where('id', '=', id).execute();

/** Adds a payment unless it would take more than the balance; the check and the write are one statement. */
export async function addToPaid(tx: WorkspaceDb, id: string, amount: number, at: string): Promise<boolean> {
  const res = await tx
    .updateTable('invoices')
    .set({ paid: sql`paid + ${amount}` as any, updated_at: at })
    .where('id', '=', id)
    .where(sql`paid + ${amount} <= total` as any)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const insertPayment = (tx: WorkspaceDb, row: Omit<PaymentRow, 'workspace_id'>) => tx.insertInto('payments', row).execute();

/** Payments received in [start, end) on invoices owned by `ownerId`. */
export function paymentsInPeriod(db: WorkspaceDb, ownerId: string, start: string, end: string) {
  return db
    .selectFrom('payments')
    .innerJoin('invoices', (j) => j.onRef('invoices.id', '=', 'payments.invoice_id').onRef('invoices.workspace_id', '=', 'payments.workspace_id'))
    .select(['payments.id', 'payments.invoice_id', 'payments.amount', 'payments.paid_on', 'invoices.currency'])
    .where('invoices.owner_id', '=', ownerId)
    .where('payments.paid_on', '>=', start)
    .where('payments.paid_on', '<', end)
    .orderBy('payments.paid_on')
    .orderBy('payments.id')
    .execute();
}

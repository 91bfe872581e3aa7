import type { Invoice, InvoiceQuery, InvoiceUpdate, PaymentCreate } from '../../../contract/invoices';
import type { Quote, QuoteAccept } from '../../../contract/quotes';
import type { InvoiceLineRow, InvoiceRow, PaymentRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { recordEvents } from '../../platform/events/events.repository';
import { AppError, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import { addDays, dayOf } from '../../platform/periods';
import { existingIds } from '../../platform/records/references.repository';
import { copyLine, toLine } from '../quotes/quote-lines';
import { findQuote, quoteLines } from '../quotes/quotes.repository';
import { nextNumber } from './counters.repository';
import * as repo from './invoices.repository';

export const invoiceNumber = (n: number) => `INV-${String(n).padStart(5, '0')}`;

/** open / paid / overdue: derived when read, from the balance and the due date against today. */
export const invoiceStatus = (r: { total: number; paid: number; due_date: string }, today: string): Invoice['status'] =>
  Number(r.paid) >= Number(r.total) ? 'paid' : r.due_date < today ? 'overdue' : 'open';

/** Invoices issued from accepted quotes, their payments, and the purchase history they make up. */
export function createInvoicesService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  const today = () => dayOf(clock.now());

  const toInvoice = (r: InvoiceRow, lines: InvoiceLineRow[], payments: PaymentRow[], day: string): Invoice => ({
    id: r.id,
    number: Number(r.number),
    displayNumber: invoiceNumber(Number(r.number)),
    quoteId: r.quote_id,
    dealId: r.deal_id,
    contactId: r.contact_id,
    companyId: r.company_id,
    ownerId: r.owner_id,
    currency: r.currency,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    status: invoiceStatus(r, day),
    subtotal: Number(r.subtotal),
    discountTotal: Number(r.discount_total),
    netTotal: Number(r.net_total),
    taxTotal: Number(r.tax_total),
    total: Number(r.total),
    paid: Number(r.paid),
    balance: Number(r.total) - Number(r.paid),
    notes: r.notes,
    lines: lines.map(toLine),
    payments: payments.map((p) => ({ id: p.id, invoiceId: p.invoice_id, amount: Number(p.amount), date: p.paid_on, method: p.method, reference: p.reference, createdAt: p.created_at })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  async function present(db: WorkspaceDb, rows: InvoiceRow[]): Promise<Invoice[]> {
    const ids = rows.map((r) => r.id);
    const [lines, payments] = await Promise.all([repo.linesOf(db, ids), repo.paymentsOf(db, ids)]);
    const day = today();
    return rows.map((r) => toInvoice(r, lines.get(r.id)!, payments.get(r.id)!, day));
  }

  async function load(db: WorkspaceDb, id: string): Promise<Invoice> {
    const row = isId(id) ? await repo.findInvoice(db, id) : undefined;
    if (!row) throw notFound('Invoice');
    return (await present(db, [row]))[0];
  }

  async function purchases(db: WorkspaceDb, filter: { contactId?: string; companyId?: string }) {
    const data = await present(db, await repo.listInvoices(db, { ...filter, today: today() }));
    const totals = new Map<string, { currency: string; invoiced: number; paid: number; balance: number }>();
    for (const inv of data) {
      const t = totals.get(inv.currency) ?? { currency: inv.currency, invoiced: 0, paid: 0, balance: 0 };
      t.invoiced += inv.total;
      t.paid += inv.paid;
      t.balance += inv.balance;
      totals.set(inv.currency, t);
    }
    return { data, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
  }

  return {
    /** Issues the invoice of an accepted quote inside the acceptance's transaction; returns its id. */
    async issueFromQuote(tx: WorkspaceDb, ctx: Ctx, quote: Quote, input: QuoteAccept): Promise<string> {
      const issueDate = input.issueDate ?? today();
      const dueDate = input.dueDate ?? addDays(issueDate, input.paymentTermsDays ?? 30);
      if (dueDate < issueDate) throw new AppError('validation_failed', 'dueDate: must not be before the issue date', { field: 'dueDate' });
      const lines = (await quoteLines(tx, [quote.id])).get(quote.id)!;
      const quoteRow = (await findQuote(tx, quote.id))!;
      const at = clock.now().toISOString();
      const id = newId();
      const number = await nextNumber(tx, 'invoice');
      await repo.insertInvoice(tx, {
        id,
        number,
        quote_id: quote.id,
        deal_id: quote.dealId,
        contact_id: quote.contactId,
        company_id: quote.companyId,
        owner_id: quote.ownerId,
        currency: quote.currency,
        issue_date: issueDate,
        due_date: dueDate,
        subtotal: quoteRow.subtotal,
        discount_total: quoteRow.discount_total,
        net_total: quoteRow.net_total,
        tax_total: quoteRow.tax_total,
        total: quoteRow.total,
        paid: 0,
        notes: quote.notes,
        created_by: ctx.userId,
        created_at: at,
        updated_at: at,
      });
      await repo.insertLines(tx, lines.map((l) => ({ ...copyLine(l), invoice_id: id })));
      await recordEvents(tx, ctx, [
        { action: 'created', objectType: 'invoice', objectId: id, changes: { number: { before: null, after: invoiceNumber(number) }, total: { before: null, after: quote.total }, quoteId: { before: null, after: quote.id } } },
      ]);
      return id;
    },

    async list(ctx: Ctx, q: InvoiceQuery) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const rows = await repo.listInvoices(db, { ...q, beforeId: q.cursor && isId(q.cursor) ? q.cursor : undefined, today: today(), limit: q.limit + 1 });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      return { data: await present(db, page), nextCursor: more ? page[page.length - 1].id : null };
    },

    async get(ctx: Ctx, id: string) {
      requirePermission(ctx, 'records:read');
      return load(scoped(ctx), id);
    },

    async update(ctx: Ctx, id: string, input: InvoiceUpdate): Promise<Invoice> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      await db.transaction(async (tx) => {
        const before = await load(tx, id);
        if (input.dueDate !== undefined && input.dueDate < before.issueDate) throw new AppError('validation_failed', 'dueDate: must not be before the issue date', { field: 'dueDate' });
        const set: Partial<InvoiceRow> = { updated_at: clock.now().toISOString() };
        if (input.dueDate !== undefined) set.due_date = input.dueDate;
        if (input.notes !== undefined) set.notes = input.notes;
        await repo.updateInvoice(tx, id, set);
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        if (input.dueDate !== undefined && input.dueDate !== before.dueDate) changes.dueDate = { before: before.dueDate, after: input.dueDate };
        if (input.notes !== undefined && input.notes !== before.notes) changes.notes = { before: before.notes, after: input.notes };
        if (Object.keys(changes).length) await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'invoice', objectId: id, changes }]);
      });
      return load(db, id);
    },

    async addPayment(ctx: Ctx, id: string, input: PaymentCreate): Promise<Invoice> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      await db.transaction(async (tx) => {
        const before = await load(tx, id);
        const at = clock.now().toISOString();
        if (!(await repo.addToPaid(tx, id, input.amount, at))) {
          throw new AppError('validation_failed', `amount: more than the balance of ${before.balance}`, { field: 'amount' });
        }
        const payment = { id: newId(), invoice_id: id, amount: input.amount, paid_on: input.date, method: input.method, reference: input.reference ?? null, created_by: ctx.userId, created_at: at };
        await repo.insertPayment(tx, payment);
        const after = await load(tx, id);
        await recordEvents(tx, ctx, [
          {
            action: 'payment_recorded',
            objectType: 'invoice',
            objectId: id,
            changes: { paid: { before: before.paid, after: after.paid }, status: { before: before.status, after: after.status }, paymentId: { before: null, after: payment.id } },
          },
        ]);
      });
      return load(db, id);
    },

    /** A contact's or company's purchase history: its invoices with lines, newest first, and totals per currency. */
    async purchases(ctx: Ctx, objectType: 'contacts' | 'companies', id: string) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      if (!isId(id) || !(await existingIds(db, objectType, [id])).has(id)) throw notFound(objectType === 'contacts' ? 'Contact' : 'Company');
      return purchases(db, objectType === 'contacts' ? { contactId: id } : { companyId: id });
    },
  };
}
export type InvoicesService = ReturnType<typeof createInvoicesService>;

import type { Quote, QuoteAccept, QuoteCreate, QuoteQuery, QuoteUpdate } from '../../../contract/quotes';
import type { QuoteLineRow, QuoteRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { recordEvents } from '../../platform/events/events.repository';
import { AppError, FieldErrors, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import { sumLines } from '../../platform/money';
import { dayOf } from '../../platform/periods';
import { existingIds, memberIds } from '../../platform/records/references.repository';
import { nextNumber } from '../invoices/counters.repository';
import type { InvoicesService } from '../invoices/invoices.service';
import { findPriceList, listPriceLists } from '../products/products.repository';
import { renderQuotePdf } from './quote-pdf';
import { lineColumns, resolveLines, toLine } from './quote-lines';
import * as repo from './quotes.repository';

export const quoteNumber = (n: number) => `Q-${String(n).padStart(5, '0')}`;

const toQuote = (r: QuoteRow, lines: QuoteLineRow[]): Quote => ({
  id: r.id,
  version: r.version,
  number: quoteNumber(Number(r.number)),
  title: r.title,
  status: r.status as Quote['status'],
  dealId: r.deal_id,
  contactId: r.contact_id,
  companyId: r.company_id,
  ownerId: r.owner_id,
  priceListId: r.price_list_id,
  currency: r.currency,
  validUntil: r.valid_until,
  notes: r.notes,
  lines: lines.map(toLine),
  subtotal: Number(r.subtotal),
  discountTotal: Number(r.discount_total),
  netTotal: Number(r.net_total),
  taxTotal: Number(r.tax_total),
  total: Number(r.total),
  invoiceId: r.invoice_id,
  sentAt: r.sent_at,
  acceptedAt: r.accepted_at,
  rejectedAt: r.rejected_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const EDITABLE = ['draft'];
const OPEN = ['draft', 'sent'];

/** Quotes with server-computed lines and totals; sent, rejected, or accepted into an invoice. */
export function createQuotesService(scoped: (ctx: Ctx) => WorkspaceDb, invoices: InvoicesService, clock: Clock) {
  async function load(db: WorkspaceDb, id: string): Promise<Quote> {
    const row = isId(id) ? await repo.findQuote(db, id) : undefined;
    if (!row) throw notFound('Quote');
    return toQuote(row, (await repo.quoteLines(db, [row.id])).get(row.id)!);
  }

  /** Checks what a quote refers to and settles its price list and currency. */
  async function settle(db: WorkspaceDb, input: QuoteCreate | QuoteUpdate, base: Quote | null, errors: FieldErrors) {
    for (const [field, table] of [
      ['dealId', 'deals'],
      ['contactId', 'contacts'],
      ['companyId', 'companies'],
    ] as const) {
      const id = input[field];
      if (id && !(await existingIds(db, table, [id])).has(id)) errors.add(field, `no such record in ${table}`);
    }
    if (input.ownerId && !(await memberIds(db, [input.ownerId])).has(input.ownerId)) errors.add('ownerId', 'is not a member of this workspace');
    let priceListId = input.priceListId !== undefined ? input.priceListId : (base?.priceListId ?? null);
    let currency = input.currency ?? base?.currency ?? null;
    if (!base && input.priceListId === undefined && !input.currency) {
      const fallback = (await listPriceLists(db)).find((l) => l.is_default === 1);
      priceListId = fallback?.id ?? null;
    }
    if (priceListId) {
      const list = await findPriceList(db, priceListId);
      if (!list) errors.add('priceListId', 'no such price list in this workspace');
      else if (input.currency && input.currency !== list.currency) errors.add('currency', `the price list is in ${list.currency}`);
      else currency = list.currency;
    }
    if (!currency) errors.add('currency', 'is required without a price list');
    return { priceListId, currency: currency ?? '' };
  }

  const now = () => clock.now().toISOString();

  async function transition(ctx: Ctx, id: string, from: string[], to: 'sent' | 'rejected', stamp: 'sent_at' | 'rejected_at'): Promise<Quote> {
    requirePermission(ctx, 'records:write');
    const db = scoped(ctx);
    await db.transaction(async (tx) => {
      const q = await load(tx, id);
      const at = now();
      if (!(await repo.updateQuoteIf(tx, id, { version: q.version, statuses: from }, { status: to, [stamp]: at, version: q.version + 1, updated_at: at }))) {
        throw new AppError('conflict', `status: a ${q.status} quote cannot become ${to}`, { field: 'status' });
      }
      await recordEvents(tx, ctx, [{ action: to, objectType: 'quote', objectId: id, changes: { status: { before: q.status, after: to } } }]);
    });
    return load(db, id);
  }

  return {
    async list(ctx: Ctx, q: QuoteQuery) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const rows = await repo.listQuotes(db, { ...q, beforeId: q.cursor && isId(q.cursor) ? q.cursor : undefined, limit: q.limit + 1 });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      const lines = await repo.quoteLines(db, page.map((r) => r.id));
      return { data: page.map((r) => toQuote(r, lines.get(r.id)!)), nextCursor: more ? page[page.length - 1].id : null };
    },

    async get(ctx: Ctx, id: string) {
      requirePermission(ctx, 'records:read');
      return load(scoped(ctx), id);
    },

    async create(ctx: Ctx, input: QuoteCreate): Promise<Quote> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      const errors = new FieldErrors();
      const { priceListId, currency } = await settle(db, input, null, errors);
      const lines = await resolveLines(db, input.lines ?? [], priceListId, errors);
      errors.throwIfAny();
      let ownerId = input.ownerId ?? null;
      if (input.ownerId === undefined && input.dealId) ownerId = (await db.selectFrom('deals').select('owner_id').where('id', '=', input.dealId).executeTakeFirst())?.owner_id ?? null;
      if (input.ownerId === undefined && !ownerId) ownerId = ctx.userId;
      const totals = sumLines(lines);
      const id = newId();
      const at = now();
      await db.transaction(async (tx) => {
        const row: Omit<QuoteRow, 'workspace_id'> = {
          id,
          number: await nextNumber(tx, 'quote'),
          title: input.title.trim(),
          status: 'draft',
          deal_id: input.dealId ?? null,
          contact_id: input.contactId ?? null,
          company_id: input.companyId ?? null,
          owner_id: ownerId,
          price_list_id: priceListId,
          currency,
          valid_until: input.validUntil ?? null,
          notes: input.notes ?? null,
          subtotal: totals.subtotal,
          discount_total: totals.discountTotal,
          net_total: totals.netTotal,
          tax_total: totals.taxTotal,
          total: totals.total,
          invoice_id: null,
          sent_at: null,
          accepted_at: null,
          rejected_at: null,
          version: 1,
          created_by: ctx.userId,
          created_at: at,
          updated_at: at,
        };
        await repo.insertQuote(tx, row);
        await repo.replaceLines(tx, id, lines.map((l, i) => lineColumns(l, i)));
        await recordEvents(tx, ctx, [{ action: 'created', objectType: 'quote', objectId: id, changes: { title: { before: null, after: row.title }, total: { before: null, after: row.total } } }]);
      });
      return load(db, id);
    },

    async update(ctx: Ctx, id: string, input: QuoteUpdate, expectedVersion?: number): Promise<Quote> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      await db.transaction(async (tx) => {
        const before = await load(tx, id);
        if (expectedVersion !== undefined && expectedVersion !== before.version) {
          throw new AppError('precondition_failed', `Quote ${id} was changed by someone else (version ${before.version}); reload it and try again`);
        }
        if (!EDITABLE.includes(before.status)) throw new AppError('conflict', `status: a ${before.status} quote cannot be changed`, { field: 'status' });
        const errors = new FieldErrors();
        const { priceListId, currency } = await settle(tx, input, before, errors);
        if (currency !== before.currency && !input.lines && before.lines.length) errors.add('lines', 'send the lines again when the currency changes');
        const lines = input.lines ? await resolveLines(tx, input.lines, priceListId, errors) : null;
        errors.throwIfAny();
        const at = now();
        const set: Partial<QuoteRow> = { price_list_id: priceListId, currency, version: before.version + 1, updated_at: at };
        if (input.title !== undefined) set.title = input.title.trim();
        for (const [k, col] of [
          ['dealId', 'deal_id'],
          ['contactId', 'contact_id'],
          ['companyId', 'company_id'],
          ['ownerId', 'owner_id'],
          ['validUntil', 'valid_until'],
          ['notes', 'notes'],
        ] as const) {
          if (input[k] !== undefined) (set as Record<string, unknown>)[col] = input[k];
        }
        if (lines) {
          const t = sumLines(lines);
          Object.assign(set, { subtotal: t.subtotal, discount_total: t.discountTotal, net_total: t.netTotal, tax_total: t.taxTotal, total: t.total });
          await repo.replaceLines(tx, id, lines.map((l, i) => lineColumns(l, i)));
        }
        if (!(await repo.updateQuoteIf(tx, id, { version: before.version }, set))) throw new AppError('precondition_failed', `Quote ${id} was changed by someone else; reload it and try again`);
        const after = await load(tx, id);
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        for (const k of ['title', 'dealId', 'contactId', 'companyId', 'ownerId', 'priceListId', 'currency', 'validUntil', 'notes', 'total'] as const) {
          if (before[k] !== after[k]) changes[k] = { before: before[k], after: after[k] };
        }
        if (lines) changes.lines = { before: before.lines.length, after: after.lines.length };
        await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'quote', objectId: id, changes }]);
      });
      return load(db, id);
    },

    send: (ctx: Ctx, id: string) => transition(ctx, id, ['draft'], 'sent', 'sent_at'),
    reject: (ctx: Ctx, id: string) => transition(ctx, id, OPEN, 'rejected', 'rejected_at'),

    /** Accepts the quote and issues its invoice, numbered without gaps, in one transaction. */
    async accept(ctx: Ctx, id: string, input: QuoteAccept): Promise<{ quote: Quote; invoiceId: string }> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      const invoiceId = await db.transaction(async (tx) => {
        const q = await load(tx, id);
        if (!OPEN.includes(q.status)) throw new AppError('conflict', `status: a ${q.status} quote cannot be accepted`, { field: 'status' });
        if (q.lines.length === 0) throw new AppError('validation_failed', 'lines: a quote without lines cannot be accepted', { field: 'lines' });
        const at = now();
        // The status in the WHERE makes a second acceptance of the same quote lose (it waits for the row lock, then sees 'accepted').
        if (!(await repo.updateQuoteIf(tx, id, { statuses: OPEN }, { status: 'accepted', accepted_at: at, version: q.version + 1, updated_at: at }))) {
          throw new AppError('conflict', 'status: this quote was accepted or rejected at the same moment', { field: 'status' });
        }
        const invoice = await invoices.issueFromQuote(tx, ctx, q, input);
        await repo.updateQuoteIf(tx, id, {}, { invoice_id: invoice });
        await recordEvents(tx, ctx, [{ action: 'accepted', objectType: 'quote', objectId: id, changes: { status: { before: q.status, after: 'accepted' }, invoiceId: { before: null, after: invoice } } }]);
        return invoice;
      });
      return { quote: await load(db, id), invoiceId };
    },

    async pdf(ctx: Ctx, id: string): Promise<{ quote: Quote; pdf: Buffer }> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const quote = await load(db, id);
      const parties = await repo.partyNames(db, quote);
      const pdf = await renderQuotePdf(
        quote,
        { seller: parties.workspaceName, contactName: parties.contact?.full_name ?? null, contactEmail: parties.contact?.email ?? null, companyName: parties.company?.name ?? null },
        (quote.sentAt ?? quote.createdAt).slice(0, 10) || dayOf(clock.now()),
      );
      return { quote, pdf };
    },
  };
}
export type QuotesService = ReturnType<typeof createQuotesService>;

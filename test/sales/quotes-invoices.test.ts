import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, createCompany, createContact, expectProblem, expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { addMember, signUp } from '../support/harness';
import { type SalesHarness, ok, startSales } from './sales-support';

/** Two price lists and two products, as an admin sets them up. */
async function catalogue(client: Client) {
  const eur = await ok(client.post('/api/v1/price-lists', { name: 'Euro list', currency: 'EUR' }), 201);
  const usd = await ok(client.post('/api/v1/price-lists', { name: 'Dollar list', currency: 'USD' }), 201);
  const widget = await ok(client.post('/api/v1/products', { sku: 'W-1', name: 'Widget', taxRate: '19', prices: [{ priceListId: eur.id, unitPrice: 2001 }, { priceListId: usd.id, unitPrice: 2500 }] }), 201);
  const gadget = await ok(client.post('/api/v1/products', { sku: 'G-1', name: 'Gadget', taxRate: 7.7, prices: [{ priceListId: eur.id, unitPrice: 1999 }] }), 201);
  return { eur, usd, widget, gadget };
}

describe.each(await testDialects())('products, quotes and invoices on %s', (dialect) => {
  let h: SalesHarness;
  beforeAll(async () => {
    h = await startSales(dialect);
  });
  afterAll(async () => h?.close());

  it('keeps products with a SKU, a tax rate and a price per price list; admins only', async () => {
    const { client } = await signUp(h.app);
    const member = await addMember(h.app, client, 'member');
    const { eur, usd, widget } = await catalogue(client);
    expect(eur.isDefault).toBe(true);
    expect(usd.isDefault).toBe(false);
    expect(widget).toMatchObject({ sku: 'W-1', taxRate: '19', active: true });
    expect(widget.prices.map((p: any) => [p.currency, p.unitPrice]).sort()).toEqual([['EUR', 2001], ['USD', 2500]]);
    expectProblem(await member.client.post('/api/v1/products', { sku: 'X', name: 'X' }), 403, 'forbidden');
    expectProblem(await client.post('/api/v1/products', { sku: 'w-1', name: 'Dup' }), 409, 'conflict', 'sku');
    expectProblem(await client.post('/api/v1/products', { sku: 'T', name: 'T', taxRate: '19.0001' }), 400, 'validation_failed', 'taxRate');
    expectProblem(await client.post('/api/v1/products', { sku: 'T', name: 'T', taxRate: 120 }), 400, 'validation_failed', 'taxRate');
    const found = await ok(member.client.get('/api/v1/products?q=widg'));
    expect(found.data.map((p: any) => p.sku)).toEqual(['W-1']);
    const changed = await ok(client.patch(`/api/v1/products/${widget.id}`, { taxRate: '8.875', prices: [{ priceListId: eur.id, unitPrice: 1800 }] }));
    expect(changed).toMatchObject({ taxRate: '8.875', prices: [{ priceListId: eur.id, currency: 'EUR', unitPrice: 1800 }] });
    expect((await auditEvents(client, { objectId: widget.id })).map((e) => e.action)).toEqual(['updated', 'created']);
  });

  it('computes quote totals exactly on the server: per-line rounding half away from zero, then sums', async () => {
    const { client } = await signUp(h.app);
    const { eur, usd, widget, gadget } = await catalogue(client);
    const lines = [
      { productId: widget.id, quantity: '0.5' }, // 10.005 → 10.01; 19% → 1.9019 → 1.90
      { productId: gadget.id, quantity: 3, discountPercent: '12.5' }, // 59.97 − 12.5% = 52.47375 → 52.47; 7.7% → 4.04
      { description: 'Setup', quantity: '0.333', unitPrice: 300 }, // 0.999 → 1.00
      { description: 'Third', quantity: '0.333', unitPrice: 100 }, // 0.333 → 0.33
      { description: 'Third', quantity: '0.333', unitPrice: 100 },
      { description: 'Third', quantity: '0.333', unitPrice: 100 }, // three thirds: 0.99, not 1.00
      { description: 'Tiny', quantity: 1, unitPrice: 25, discountPercent: 10 }, // 0.225 → 0.23
      { description: 'Service', quantity: 2, unitPrice: 1000, discountAmount: 150, taxRate: '20' }, // 18.50 + 3.70
      { description: 'Credit', quantity: 1, unitPrice: -5, discountPercent: 50 }, // −0.025 → −0.03
    ];
    const quote = await ok(client.post('/api/v1/quotes', { title: 'Rounding', lines }), 201);
    expect(quote).toMatchObject({ number: 'Q-00001', status: 'draft', currency: 'EUR', priceListId: eur.id, version: 1 });
    expect(quote.lines.map((l: any) => [l.description, l.quantity, l.unitPrice, l.gross, l.discount, l.net, l.tax, l.total])).toEqual([
      ['Widget', '0.5', 2001, 1001, 0, 1001, 190, 1191],
      ['Gadget', '3', 1999, 5997, 750, 5247, 404, 5651],
      ['Setup', '0.333', 300, 100, 0, 100, 0, 100],
      ['Third', '0.333', 100, 33, 0, 33, 0, 33],
      ['Third', '0.333', 100, 33, 0, 33, 0, 33],
      ['Third', '0.333', 100, 33, 0, 33, 0, 33],
      ['Tiny', '1', 25, 25, 2, 23, 0, 23],
      ['Service', '2', 1000, 2000, 150, 1850, 370, 2220],
      ['Credit', '1', -5, -5, -2, -3, 0, -3],
    ]);
    expect(quote.lines[1]).toMatchObject({ discountPercent: '12.5', taxRate: '7.7' });
    expect(quote.lines[0].taxRate).toBe('19');
    expect({ subtotal: quote.subtotal, discountTotal: quote.discountTotal, netTotal: quote.netTotal, taxTotal: quote.taxTotal, total: quote.total }).toEqual({
      subtotal: 9217,
      discountTotal: 900,
      netTotal: 8317,
      taxTotal: 964,
      total: 9281,
    });

    expectProblem(await client.post('/api/v1/quotes', { title: 'x', lines: [{ description: 'a', quantity: '0.3333', unitPrice: 1 }] }), 400, 'validation_failed', 'lines.0.quantity');
    expectProblem(await client.post('/api/v1/quotes', { title: 'x', lines: [{ description: 'a', quantity: 1, unitPrice: 1, discountPercent: 5, discountAmount: 1 }] }), 400, 'validation_failed', 'lines.0.discountAmount');
    expectProblem(await client.post('/api/v1/quotes', { title: 'x', lines: [{ description: 'a', quantity: 1, unitPrice: 100, discountAmount: 101 }] }), 400, 'validation_failed', 'lines.0.discountAmount');
    expectProblem(await client.post('/api/v1/quotes', { title: 'x', priceListId: usd.id, lines: [{ productId: gadget.id, quantity: 1 }] }), 400, 'validation_failed', 'lines.0.unitPrice');
    expectProblem(await client.post('/api/v1/quotes', { title: 'x', priceListId: usd.id, currency: 'EUR' }), 400, 'validation_failed', 'currency');
    const usdQuote = await ok(client.post('/api/v1/quotes', { title: 'In dollars', priceListId: usd.id, lines: [{ productId: widget.id, quantity: 2 }] }), 201);
    expect(usdQuote).toMatchObject({ number: 'Q-00002', currency: 'USD', subtotal: 5000, taxTotal: 950, total: 5950 });

    // Editing replaces the lines and recomputes; If-Match guards it; a sent quote is frozen.
    expectProblem(await client.patch(`/api/v1/quotes/${quote.id}`, { title: 'Stale' }, { 'if-match': '"7"' }), 412, 'precondition_failed');
    const edited = await ok(client.patch(`/api/v1/quotes/${quote.id}`, { title: 'Two widgets', lines: [{ productId: widget.id, quantity: 2, discountPercent: '0.5' }] }, { 'if-match': '"1"' }));
    // 40.02 less 0.5% = 39.8199 → 39.82; 19% → 7.5658 → 7.57
    expect(edited).toMatchObject({ title: 'Two widgets', version: 2, subtotal: 4002, discountTotal: 20, netTotal: 3982, taxTotal: 757, total: 4739 });
    const sent = await ok(client.post(`/api/v1/quotes/${quote.id}/send`));
    expect(sent).toMatchObject({ status: 'sent', version: 3 });
    expect(sent.sentAt).not.toBeNull();
    expectProblem(await client.patch(`/api/v1/quotes/${quote.id}`, { title: 'Late' }), 409, 'conflict', 'status');
    expect((await auditEvents(client, { objectId: quote.id })).map((e) => e.action)).toEqual(['sent', 'updated', 'created']);
  });

  it('renders a quote as a real PDF', async () => {
    const { client } = await signUp(h.app, { workspaceName: 'Pdf Makers' });
    const ann = await createContact(client, { firstName: 'Ann', lastName: 'Archer' });
    const quote = await ok(client.post('/api/v1/quotes', { title: 'Printed', currency: 'EUR', contactId: ann.id, lines: [{ description: 'Consulting', quantity: '1.5', unitPrice: 12000, taxRate: 19 }] }), 201);
    const res = await client.get(`/api/v1/quotes/${quote.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${quote.number}.pdf"`);
    const body = Buffer.from(res.body as string, 'latin1');
    const text = body.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain(`(Quote ${quote.number})`);
    expect(text).toMatch(/\/Type \/Page\b/);
    expectProblem(await client.get('/api/v1/quotes/01900000-0000-7000-8000-000000000000/pdf'), 404, 'not_found');
  });

  it('accepts a quote into an invoice; payments make it paid; a past due date makes it overdue; purchase history', async () => {
    const { client } = await signUp(h.app);
    const co = await createCompany(client, { name: 'Buyer Inc' });
    const ann = await createContact(client, { firstName: 'Ann', companyId: co.id });
    const lines = [{ description: 'Licence', quantity: 3, unitPrice: 3333, taxRate: '19' }]; // 99.99; 19% → 18.9981 → 19.00
    const q = await ok(client.post('/api/v1/quotes', { title: 'Licences', currency: 'EUR', contactId: ann.id, companyId: co.id, lines }), 201);
    expect(q.total).toBe(11899);
    expectProblem(await client.post(`/api/v1/quotes/${q.id}/accept`, { issueDate: '2026-11-10', dueDate: '2026-11-01' }), 400, 'validation_failed', 'dueDate');
    const accepted = await ok(client.post(`/api/v1/quotes/${q.id}/accept`, { issueDate: '2026-11-10', dueDate: '2999-12-31' }));
    expect(accepted.quote).toMatchObject({ status: 'accepted', invoiceId: accepted.invoiceId });
    expectProblem(await client.post(`/api/v1/quotes/${q.id}/accept`, {}), 409, 'conflict', 'status');
    expectProblem(await client.post(`/api/v1/quotes/${q.id}/reject`), 409, 'conflict', 'status');
    const inv = await ok(client.get(`/api/v1/invoices/${accepted.invoiceId}`));
    expect(inv).toMatchObject({ number: 1, displayNumber: 'INV-00001', quoteId: q.id, contactId: ann.id, companyId: co.id, issueDate: '2026-11-10', dueDate: '2999-12-31', status: 'open' });
    expect([inv.subtotal, inv.taxTotal, inv.total, inv.paid, inv.balance]).toEqual([9999, 1900, 11899, 0, 11899]);
    expect(inv.lines.map((l: any) => [l.description, l.quantity, l.unitPrice, l.net, l.tax, l.total])).toEqual([['Licence', '3', 3333, 9999, 1900, 11899]]);

    const partly = await ok(client.post(`/api/v1/invoices/${inv.id}/payments`, { amount: 5000, date: '2026-11-20', method: 'bank_transfer', reference: 'TX-1' }), 201);
    expect(partly).toMatchObject({ paid: 5000, balance: 6899, status: 'open' });
    expectProblem(await client.post(`/api/v1/invoices/${inv.id}/payments`, { amount: 6900, date: '2026-11-21', method: 'card' }), 400, 'validation_failed', 'amount');
    const paid = await ok(client.post(`/api/v1/invoices/${inv.id}/payments`, { amount: 6899, date: '2026-11-21', method: 'card' }), 201);
    expect(paid).toMatchObject({ paid: 11899, balance: 0, status: 'paid' });
    expect(paid.payments.map((p: any) => [p.amount, p.date, p.method])).toEqual([[5000, '2026-11-20', 'bank_transfer'], [6899, '2026-11-21', 'card']]);
    expect((await auditEvents(client, { objectId: inv.id })).map((e) => e.action)).toEqual(['payment_recorded', 'payment_recorded', 'created']);

    // Overdue: past its due date with a balance left.
    const late = await ok(client.post('/api/v1/quotes', { title: 'Old', currency: 'EUR', contactId: ann.id, lines: [{ description: 'Old work', quantity: 1, unitPrice: 1000 }] }), 201);
    const lateInv = (await ok(client.post(`/api/v1/quotes/${late.id}/accept`, { issueDate: '2020-01-01', paymentTermsDays: 14 }))).invoiceId;
    expect(await ok(client.get(`/api/v1/invoices/${lateInv}`))).toMatchObject({ number: 2, dueDate: '2020-01-15', status: 'overdue', balance: 1000 });
    expect((await ok(client.get('/api/v1/invoices?status=overdue'))).data.map((i: any) => i.id)).toEqual([lateInv]);
    expect((await ok(client.get('/api/v1/invoices?status=paid'))).data.map((i: any) => i.id)).toEqual([inv.id]);
    expect((await ok(client.patch(`/api/v1/invoices/${lateInv}`, { dueDate: '2999-01-01' }))).status).toBe('open');

    // Purchase history: the contact's invoices with their lines, and totals per currency.
    const purchases = await ok(client.get(`/api/v1/contacts/${ann.id}/purchases`));
    expect(purchases.data.map((i: any) => [i.displayNumber, i.lines.map((l: any) => l.description)])).toEqual([['INV-00002', ['Old work']], ['INV-00001', ['Licence']]]);
    expect(purchases.totals).toEqual([{ currency: 'EUR', invoiced: 12899, paid: 11899, balance: 1000 }]);
    const companyPurchases = await ok(client.get(`/api/v1/companies/${co.id}/purchases`));
    expect(companyPurchases.data.map((i: any) => i.id)).toEqual([inv.id]);
    expectProblem(await client.get('/api/v1/contacts/01900000-0000-7000-8000-000000000000/purchases'), 404, 'not_found');
  });

  it('numbers invoices without gaps or duplicates when acceptances run at the same time', async () => {
    const { client } = await signUp(h.app);
    const quotes = [];
    for (let i = 0; i < 8; i++) {
      quotes.push(await ok(client.post('/api/v1/quotes', { title: `Q${i}`, currency: 'EUR', lines: [{ description: 'x', quantity: 1, unitPrice: 100 + i }] }), 201));
    }
    const contested = await ok(client.post('/api/v1/quotes', { title: 'Contested', currency: 'EUR', lines: [{ description: 'y', quantity: 1, unitPrice: 999 }] }), 201);
    const results = await Promise.all([
      ...quotes.map((q) => client.post(`/api/v1/quotes/${q.id}/accept`, {})),
      ...Array.from({ length: 4 }, () => client.post(`/api/v1/quotes/${contested.id}/accept`, {})),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([...Array(9).fill(200), ...Array(3).fill(409)]);
    const invoices = (await ok(client.get('/api/v1/invoices?limit=200'))).data;
    expect(invoices.map((i: any) => i.number).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Each quote became exactly one invoice.
    expect(new Set(invoices.map((i: any) => i.quoteId)).size).toBe(9);
    expect(invoices.filter((i: any) => i.quoteId === contested.id)).toHaveLength(1);
    // The sequence goes on from there.
    const next = await ok(client.post('/api/v1/quotes', { title: 'Next', currency: 'EUR', lines: [{ description: 'z', quantity: 1, unitPrice: 1 }] }), 201);
    const id = (await ok(client.post(`/api/v1/quotes/${next.id}/accept`, {}))).invoiceId;
    expect((await ok(client.get(`/api/v1/invoices/${id}`))).number).toBe(10);
    // Another workspace counts from 1.
    const other = await signUp(h.app);
    const oq = await ok(other.client.post('/api/v1/quotes', { title: 'Theirs', currency: 'EUR', lines: [{ description: 'z', quantity: 1, unitPrice: 1 }] }), 201);
    const oid = (await ok(other.client.post(`/api/v1/quotes/${oq.id}/accept`, {}))).invoiceId;
    expect((await ok(other.client.get(`/api/v1/invoices/${oid}`))).number).toBe(1);
    expectStatus(await other.client.get(`/api/v1/invoices/${oid}`), 200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, createCompany, createContact, expectProblem } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { addMember, createApiKey, signUp } from '../support/harness';
import { type SalesHarness, createDeal, defaultPipeline, ok, put, startSales } from './sales-support';

/** Workspace A, by session and by API key, against every sales id of workspace B: 404, and B unchanged. */
describe.each(await testDialects())('sales tenant isolation on %s', (dialect) => {
  let h: SalesHarness;
  let a: { session: Client; key: Client };
  let b: Record<string, any>;
  let bClient: Client;
  beforeAll(async () => {
    h = await startSales(dialect);
    const ownerA = (await signUp(h.app, { workspaceName: 'A' })).client;
    await defaultPipeline(ownerA);
    a = { session: ownerA, key: await createApiKey(ownerA, 'owner') };

    bClient = (await signUp(h.app, { workspaceName: 'B' })).client;
    const member = await addMember(h.app, bClient, 'member');
    const { pipeline, stage } = await defaultPipeline(bClient);
    const company = await createCompany(bClient, { name: 'Theirs Inc' });
    const contact = await createContact(bClient, { firstName: 'Their', companyId: company.id });
    const lead = await ok(bClient.post('/api/v1/leads', { name: 'Their lead', email: 'lead@theirs.example' }), 201);
    const deal = await createDeal(bClient, { name: 'Their deal', amount: 100, currency: 'EUR', companyId: company.id });
    const priceList = await ok(bClient.post('/api/v1/price-lists', { name: 'Theirs', currency: 'EUR' }), 201);
    const product = await ok(bClient.post('/api/v1/products', { sku: 'T-1', name: 'Their product', prices: [{ priceListId: priceList.id, unitPrice: 100 }] }), 201);
    const quote = await ok(bClient.post('/api/v1/quotes', { title: 'Their quote', contactId: contact.id, companyId: company.id, lines: [{ productId: product.id, quantity: 1 }] }), 201);
    const draft = await ok(bClient.post('/api/v1/quotes', { title: 'Their draft', lines: [{ productId: product.id, quantity: 2 }] }), 201);
    const invoiceId = (await ok(bClient.post(`/api/v1/quotes/${quote.id}/accept`, {}))).invoiceId;
    const rule = await ok(bClient.post('/api/v1/lead-score-rules', { name: 'Any', filter: { field: 'name', op: 'isNotEmpty' }, points: 1 }), 201);
    const commission = await ok(bClient.post('/api/v1/commission-rules', { name: 'Theirs', role: 'member', basis: 'deal_won', ratePercent: '5' }), 201);
    const quota = await ok(put(bClient, '/api/v1/quotas', { userId: member.userId, period: '2026-11', currency: 'EUR', amount: 1000 }));
    b = { pipeline, wonStage: stage('Won'), company, contact, lead, deal, priceList, product, quote, draft, invoiceId, rule, commission, quota, memberId: member.userId };
  });
  afterAll(async () => h?.close());

  const stateOfB = async () => ({
    leads: (await ok(bClient.get('/api/v1/leads?limit=500'))).data.map((x: any) => [x.id, x.version, x.status, x.score]),
    deals: (await ok(bClient.get('/api/v1/deals?limit=500'))).data.map((x: any) => [x.id, x.version, x.stageId]),
    pipelines: (await ok(bClient.get('/api/v1/pipelines'))).data,
    products: (await ok(bClient.get('/api/v1/products'))).data,
    priceLists: (await ok(bClient.get('/api/v1/price-lists'))).data,
    quotes: (await ok(bClient.get('/api/v1/quotes'))).data.map((x: any) => [x.id, x.version, x.status]),
    invoices: (await ok(bClient.get('/api/v1/invoices'))).data.map((x: any) => [x.id, x.paid, x.dueDate]),
    rules: (await ok(bClient.get('/api/v1/lead-score-rules'))).data,
    commissions: (await ok(bClient.get('/api/v1/commission-rules'))).data,
    quotas: (await ok(bClient.get('/api/v1/quotas'))).data,
    events: (await auditEvents(bClient)).length,
  });

  for (const via of ['session', 'key'] as const) {
    it(`answers 404 to every sales id of another workspace (${via})`, async () => {
      const c = a[via];
      const before = await stateOfB();
      const calls: [string, () => Promise<any>][] = [
        ['get lead', () => c.get(`/api/v1/leads/${b.lead.id}`)],
        ['update lead', () => c.patch(`/api/v1/leads/${b.lead.id}`, { name: 'Hacked' })],
        ['delete lead', () => c.delete(`/api/v1/leads/${b.lead.id}`)],
        ['convert lead', () => c.post(`/api/v1/leads/${b.lead.id}/convert`, {})],
        ['rescore lead', () => c.post(`/api/v1/leads/${b.lead.id}/score`)],
        ['lead timeline', () => c.get(`/api/v1/leads/${b.lead.id}/timeline`)],
        ['get deal', () => c.get(`/api/v1/deals/${b.deal.id}`)],
        ['update deal', () => c.patch(`/api/v1/deals/${b.deal.id}`, { name: 'Hacked' })],
        ['bulk update deals', () => c.patch('/api/v1/deals/bulk', { items: [{ id: b.deal.id, changes: { name: 'Hacked' } }] })],
        ['move deal', () => c.post(`/api/v1/deals/${b.deal.id}/move`, { stageId: b.wonStage })],
        ['deal stage history', () => c.get(`/api/v1/deals/${b.deal.id}/stage-history`)],
        ['delete deal', () => c.delete(`/api/v1/deals/${b.deal.id}`)],
        ['get pipeline', () => c.get(`/api/v1/pipelines/${b.pipeline.id}`)],
        ['board', () => c.get(`/api/v1/pipelines/${b.pipeline.id}/board`)],
        ['update pipeline', () => c.patch(`/api/v1/pipelines/${b.pipeline.id}`, { name: 'Hacked' })],
        ['delete pipeline', () => c.delete(`/api/v1/pipelines/${b.pipeline.id}`)],
        ['get product', () => c.get(`/api/v1/products/${b.product.id}`)],
        ['update product', () => c.patch(`/api/v1/products/${b.product.id}`, { name: 'Hacked' })],
        ['delete product', () => c.delete(`/api/v1/products/${b.product.id}`)],
        ['update price list', () => c.patch(`/api/v1/price-lists/${b.priceList.id}`, { name: 'Hacked' })],
        ['delete price list', () => c.delete(`/api/v1/price-lists/${b.priceList.id}`)],
        ['get quote', () => c.get(`/api/v1/quotes/${b.quote.id}`)],
        ['quote pdf', () => c.get(`/api/v1/quotes/${b.quote.id}/pdf`)],
        ['update quote', () => c.patch(`/api/v1/quotes/${b.draft.id}`, { title: 'Hacked' })],
        ['send quote', () => c.post(`/api/v1/quotes/${b.draft.id}/send`)],
        ['accept quote', () => c.post(`/api/v1/quotes/${b.draft.id}/accept`, {})],
        ['reject quote', () => c.post(`/api/v1/quotes/${b.draft.id}/reject`)],
        ['get invoice', () => c.get(`/api/v1/invoices/${b.invoiceId}`)],
        ['update invoice', () => c.patch(`/api/v1/invoices/${b.invoiceId}`, { dueDate: '2999-01-01' })],
        ['pay invoice', () => c.post(`/api/v1/invoices/${b.invoiceId}/payments`, { amount: 1, date: '2026-11-01', method: 'cash' })],
        ['contact purchases', () => c.get(`/api/v1/contacts/${b.contact.id}/purchases`)],
        ['company purchases', () => c.get(`/api/v1/companies/${b.company.id}/purchases`)],
        ['update score rule', () => c.patch(`/api/v1/lead-score-rules/${b.rule.id}`, { points: 99 })],
        ['delete score rule', () => c.delete(`/api/v1/lead-score-rules/${b.rule.id}`)],
        ['update commission rule', () => c.patch(`/api/v1/commission-rules/${b.commission.id}`, { ratePercent: '99' })],
        ['delete commission rule', () => c.delete(`/api/v1/commission-rules/${b.commission.id}`)],
        ['delete quota', () => c.delete(`/api/v1/quotas/${b.quota.id}`)],
        ['statement of their member', () => c.get(`/api/v1/commissions/statements?period=2026-11&userId=${b.memberId}`)],
      ];
      for (const [name, call] of calls) {
        const res = await call();
        expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(404);
      }
      // References to B's records from A's writes are refused as unknown, never linked.
      expectProblem(await c.post('/api/v1/deals', { name: 'x', companyId: b.company.id }), 400, 'validation_failed', 'companyId');
      expectProblem(await c.post('/api/v1/deals', { name: 'x', stageId: b.wonStage }), 400, 'validation_failed', 'stageId');
      expectProblem(await c.post('/api/v1/deals', { name: 'x', pipelineId: b.pipeline.id }), 400, 'validation_failed', 'pipelineId');
      expectProblem(await c.post('/api/v1/quotes', { title: 'x', currency: 'EUR', lines: [{ productId: b.product.id, quantity: 1, unitPrice: 1 }] }), 400, 'validation_failed', 'lines.0.productId');
      expectProblem(await c.post('/api/v1/quotes', { title: 'x', priceListId: b.priceList.id }), 400, 'validation_failed', 'priceListId');
      expectProblem(await c.post('/api/v1/quotes', { title: 'x', currency: 'EUR', dealId: b.deal.id }), 400, 'validation_failed', 'dealId');
      expectProblem(await c.post('/api/v1/products', { sku: 'Z', name: 'Z', prices: [{ priceListId: b.priceList.id, unitPrice: 1 }] }), 400, 'validation_failed', 'prices.0.priceListId');
      expectProblem(await put(c, '/api/v1/quotas', { userId: b.memberId, period: '2026-11', currency: 'EUR', amount: 1 }), 400, 'validation_failed', 'userId');
      // Lists, search, forecast and statements never show B's rows.
      const ids = JSON.stringify([
        await ok(c.get('/api/v1/leads')),
        await ok(c.get('/api/v1/deals')),
        await ok(c.get('/api/v1/products')),
        await ok(c.get('/api/v1/quotes')),
        await ok(c.get('/api/v1/invoices')),
        await ok(c.get('/api/v1/lead-score-rules')),
        await ok(c.get('/api/v1/commission-rules')),
        await ok(c.get('/api/v1/quotas')),
        await ok(c.get('/api/v1/forecast?period=2026-11')),
        await ok(c.get('/api/v1/search?q=their')),
      ]);
      for (const id of [b.lead.id, b.deal.id, b.product.id, b.quote.id, b.invoiceId, b.rule.id, b.commission.id, b.quota.id, b.memberId]) expect(ids).not.toContain(id);
      expect(await stateOfB()).toEqual(before);
    });
  }
});

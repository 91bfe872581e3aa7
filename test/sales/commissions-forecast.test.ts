import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { addMember, signUp } from '../support/harness';
import { type SalesHarness, createDeal, defaultPipeline, ok, put, startSales } from './sales-support';

/**
 * One workspace with two members' deals, all hand-computed (default pipeline: Qualified 25%,
 * Proposal 50%, Negotiation 75%, Lead in 10%).
 *
 *   owner  deal  amount     stage        close date   in Nov 2026?
 *   A      A1    1000.00 €  Qualified    2026-11-10   open   → weighted 250.00
 *   A      A2     333.33 €  Proposal     2026-11-30   open   → weighted 166.665
 *   A      A3     500.00 €  Won          2026-11-05   won
 *   A      A4     700.00 €  Lost         2026-11-15   no (lost)
 *   A      A5     999.99 €  Negotiation  2026-12-01   no (December)
 *   A      A6     100.01 €  Lead in      2026-10-31   no (October)
 *   A      A7     123.45 $  Negotiation  2026-11-20   open (USD) → weighted 92.5875
 *   A      A8     500.00 €  Won          2026-11-06   no (in the trash)
 *   B      B1     200.05 €  Won          2026-11-30   won
 *   B      B2       0.01 €  Qualified    2026-11-01   open   → weighted 0.0025
 */
describe.each(await testDialects())('forecast and commissions on %s', (dialect) => {
  let h: SalesHarness;
  let admin: Client;
  let a: { client: Client; userId: string };
  let b: { client: Client; userId: string };
  let manager: { client: Client; userId: string };
  beforeAll(async () => {
    h = await startSales(dialect);
    admin = (await signUp(h.app)).client;
    a = await addMember(h.app, admin, 'member');
    b = await addMember(h.app, admin, 'member');
    manager = await addMember(h.app, admin, 'manager');
    const { stage } = await defaultPipeline(admin);
    const deal = (ownerId: string, amount: number, currency: string, s: string, closeDate: string) => createDeal(admin, { name: `${s} ${amount}`, ownerId, amount, currency, stageId: stage(s), closeDate });
    await deal(a.userId, 100000, 'EUR', 'Qualified', '2026-11-10');
    await deal(a.userId, 33333, 'EUR', 'Proposal', '2026-11-30');
    await deal(a.userId, 50000, 'EUR', 'Won', '2026-11-05');
    await deal(a.userId, 70000, 'EUR', 'Lost', '2026-11-15');
    await deal(a.userId, 99999, 'EUR', 'Negotiation', '2026-12-01');
    await deal(a.userId, 10001, 'EUR', 'Lead in', '2026-10-31');
    await deal(a.userId, 12345, 'USD', 'Negotiation', '2026-11-20');
    const trashed = await deal(a.userId, 50000, 'EUR', 'Won', '2026-11-06');
    expectStatus(await admin.delete(`/api/v1/deals/${trashed.id}`), 204);
    await deal(b.userId, 20005, 'EUR', 'Won', '2026-11-30');
    await deal(b.userId, 1, 'EUR', 'Qualified', '2026-11-01');
    await ok(put(admin, '/api/v1/quotas', { userId: a.userId, period: '2026-11', currency: 'EUR', amount: 150000 }));
    await ok(put(admin, '/api/v1/quotas', { userId: a.userId, period: '2026-11', currency: 'EUR', amount: 200000 })); // replaces
    await ok(put(admin, '/api/v1/quotas', { userId: b.userId, period: '2026-11', currency: 'EUR', amount: 30000 }));
  });
  afterAll(async () => h?.close());

  it('forecasts a month per owner and currency: won, weighted pipeline, best case against quota', async () => {
    const f = await ok(manager.client.get('/api/v1/forecast?period=2026-11'));
    expect(f.period).toEqual({ key: '2026-11', start: '2026-11-01', end: '2026-12-01' });
    const row = (ownerId: string, currency: string) => f.rows.find((r: any) => r.ownerId === ownerId && r.currency === currency);
    expect(row(a.userId, 'EUR')).toEqual({
      ownerId: a.userId,
      currency: 'EUR',
      won: 50000,
      pipeline: 133333,
      weighted: 41667, // 2500.00 × 100 + 1666.65 … exactly 41666.50 → 41667
      bestCase: 183333,
      quota: 200000,
      attainmentPercent: '25.00',
      openCount: 2,
      wonCount: 1,
    });
    expect(row(a.userId, 'USD')).toEqual({ ownerId: a.userId, currency: 'USD', won: 0, pipeline: 12345, weighted: 9259, bestCase: 12345, quota: null, attainmentPercent: null, openCount: 1, wonCount: 0 });
    expect(row(b.userId, 'EUR')).toEqual({ ownerId: b.userId, currency: 'EUR', won: 20005, pipeline: 1, weighted: 0, bestCase: 20006, quota: 30000, attainmentPercent: '66.68', openCount: 1, wonCount: 1 });
    expect(f.rows).toHaveLength(3);
    expect(f.totals).toEqual([
      // Σ exact weighted = 4,166,650 + 25 = 4,166,675 hundredths → 41666.75 → 41667
      { currency: 'EUR', won: 70005, pipeline: 133334, weighted: 41667, bestCase: 203339, quota: 230000, attainmentPercent: '30.44', openCount: 3, wonCount: 2 },
      { currency: 'USD', won: 0, pipeline: 12345, weighted: 9259, bestCase: 12345, quota: null, attainmentPercent: null, openCount: 1, wonCount: 0 },
    ]);
  });

  it('forecasts a quarter, and one owner', async () => {
    const q = await ok(admin.get(`/api/v1/forecast?period=2026-Q4&ownerId=${a.userId}`));
    expect(q.period).toEqual({ key: '2026-Q4', start: '2026-10-01', end: '2027-01-01' });
    // + A5 (999.99 € at 75%) and A6 (100.01 € at 10%); no quarterly quota.
    expect(q.rows.find((r: any) => r.currency === 'EUR')).toMatchObject({ won: 50000, pipeline: 243333, weighted: 117666, bestCase: 293333, quota: null, openCount: 4 });
    expect(q.rows.every((r: any) => r.ownerId === a.userId)).toBe(true);
  });

  it('shows a member only their own forecast and quotas', async () => {
    const mine = await ok(a.client.get('/api/v1/forecast?period=2026-11'));
    expect(mine.rows.map((r: any) => [r.ownerId, r.currency])).toEqual([[a.userId, 'EUR'], [a.userId, 'USD']]);
    expectProblem(await a.client.get(`/api/v1/forecast?period=2026-11&ownerId=${b.userId}`), 403, 'forbidden');
    expect((await ok(a.client.get('/api/v1/quotas'))).data.map((x: any) => [x.userId, x.amount])).toEqual([[a.userId, 200000]]);
    expectProblem(await put(a.client, '/api/v1/quotas', { userId: a.userId, period: '2026-11', currency: 'EUR', amount: 1 }), 403, 'forbidden');
    expectProblem(await admin.get('/api/v1/forecast?period=2026-13'), 400, 'validation_failed', 'querystring.period');
  });

  it('computes commission statements exactly: the user’s rule over the role’s, per won deal and per payment', async () => {
    const rule = (body: Record<string, unknown>) => ok(admin.post('/api/v1/commission-rules', body), 201);
    expectProblem(await a.client.post('/api/v1/commission-rules', { name: 'x', role: 'member', basis: 'deal_won', ratePercent: '10' }), 403, 'forbidden');
    await rule({ name: 'Members on wins', role: 'member', basis: 'deal_won', ratePercent: '10' });
    const own = await rule({ name: 'A on wins', userId: a.userId, basis: 'deal_won', ratePercent: '12.5' });
    await rule({ name: 'Members on payments', role: 'member', basis: 'invoice_paid', ratePercent: 2.5 });
    expectProblem(await admin.post('/api/v1/commission-rules', { name: 'Again', userId: a.userId, basis: 'deal_won', ratePercent: '1' }), 409, 'conflict', 'userId');
    expectProblem(await admin.post('/api/v1/commission-rules', { name: 'Both', userId: a.userId, role: 'member', basis: 'invoice_paid', ratePercent: '1' }), 400, 'validation_failed', 'userId');
    expect(own.ratePercent).toBe('12.5');

    // A's invoice: 123.45 €, paid 100.01 € and 10.20 € in November and the rest in December.
    const quote = await ok(a.client.post('/api/v1/quotes', { title: 'A sells', currency: 'EUR', lines: [{ description: 'Work', quantity: 1, unitPrice: 12345 }] }), 201);
    const invoiceId = (await ok(a.client.post(`/api/v1/quotes/${quote.id}/accept`, { issueDate: '2026-11-01' }))).invoiceId;
    for (const [amount, date] of [[10001, '2026-11-15'], [1020, '2026-11-20'], [1324, '2026-12-02']] as const) {
      await ok(a.client.post(`/api/v1/invoices/${invoiceId}/payments`, { amount, date, method: 'bank_transfer' }), 201);
    }

    const sa = await ok(a.client.get('/api/v1/commissions/statements?period=2026-11'));
    expect(sa.userId).toBe(a.userId);
    expect(sa.lines.map((l: any) => [l.basis, l.date, l.currency, l.base, l.ratePercent, l.commission])).toEqual([
      ['deal_won', '2026-11-05', 'EUR', 50000, '12.5', 6250],
      ['invoice_paid', '2026-11-15', 'EUR', 10001, '2.5', 250], // 250.025 → 250
      ['invoice_paid', '2026-11-20', 'EUR', 1020, '2.5', 26], // 25.5 → 26
    ]);
    expect(sa.totals).toEqual([{ currency: 'EUR', base: 61021, commission: 6526 }]);

    expectProblem(await a.client.get(`/api/v1/commissions/statements?period=2026-11&userId=${b.userId}`), 403, 'forbidden');
    const sb = await ok(manager.client.get(`/api/v1/commissions/statements?period=2026-11&userId=${b.userId}`));
    // The role's 10% on 200.05 € = 20.005 → 20.01
    expect(sb.lines.map((l: any) => [l.basis, l.base, l.ratePercent, l.commission])).toEqual([['deal_won', 20005, '10', 2001]]);
    expect(sb.totals).toEqual([{ currency: 'EUR', base: 20005, commission: 2001 }]);
    const december = await ok(a.client.get('/api/v1/commissions/statements?period=2026-12'));
    expect(december.lines.map((l: any) => [l.basis, l.base, l.commission])).toEqual([['invoice_paid', 1324, 33]]); // 33.1 → 33
    // The manager has no rule: an empty statement.
    expect(await ok(manager.client.get('/api/v1/commissions/statements?period=2026-11'))).toMatchObject({ lines: [], totals: [] });
  });
});

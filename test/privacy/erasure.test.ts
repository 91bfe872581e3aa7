import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, filterParam } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, addMember, createApiKey, signUp, startHarness } from '../support/harness';
import { memoryLog, testRunnerOptions } from '../support/interactions';
import { ok } from '../sales/sales-support';
import { columnCount, scanDatabase } from './scan';

const FIRST = 'Zebediah';
const LAST = 'Quillfeather';
const FULL = `${FIRST} ${LAST}`;
const EMAIL = 'zeb.quillfeather@erasure-test.example';
const EMAIL2 = 'zq.home@second-mail.example';
const PHONE = '+442079460123';

describe.each(await testDialects())('Erasure on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const runJobs = () => h.services.createJobRunner(memoryLog().log, testRunnerOptions).runDue();

  async function importCsv(api: Client, csv: string, query = '') {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/imports?objectType=contacts${query}`,
      headers: { authorization: `Bearer ${(api as any).apiKey}`, 'content-type': 'text/csv' },
      payload: Buffer.from(csv, 'utf8'),
    });
    expect(res.statusCode).toBe(202);
    await runJobs();
    return JSON.parse(res.body).id as string;
  }

  /** Sums and counts a person's erasure must not move. */
  async function aggregates(workspaceId: string) {
    const db = h.db.database.db;
    const one = async (q: ReturnType<typeof sql<{ v: unknown }>>) => String((await q.execute(db)).rows[0].v ?? 0);
    return {
      dealAmounts: await one(sql`select sum(amount) as v from deals where workspace_id = ${workspaceId}`),
      invoiceTotals: await one(sql`select sum(total) as v from invoices where workspace_id = ${workspaceId}`),
      invoicePaid: await one(sql`select sum(paid) as v from invoices where workspace_id = ${workspaceId}`),
      quoteTotals: await one(sql`select sum(total) as v from quotes where workspace_id = ${workspaceId}`),
      contacts: await one(sql`select count(*) as v from contacts where workspace_id = ${workspaceId}`),
      activities: await one(sql`select count(*) as v from activities where workspace_id = ${workspaceId}`),
      comments: await one(sql`select count(*) as v from comments where workspace_id = ${workspaceId}`),
      events: await one(sql`select count(*) as v from events where workspace_id = ${workspaceId}`),
    };
  }

  it('leaves the name and email in no column of any table, while sums and counts stay', async () => {
    const { client, workspaceId } = await signUp(h.app);
    const api = await createApiKey(client, 'admin');
    const member = await addMember(h.app, client, 'member');

    // The person arrives by CSV import (so the ledger and the file hold them), next to another person.
    const importId = await importCsv(api, `First Name,Last Name,Email,Phone\n${FIRST},${LAST},${EMAIL},${PHONE}\nAnn,Other,ann.other@erasure-test.example,\n`);
    const found = await ok(client.get(`/api/v1/contacts?filter=${filterParam({ field: 'email', op: 'eq', value: EMAIL })}`));
    expect(found.data).toHaveLength(1);
    const person = found.data[0];
    expect(person.phone).toBe(PHONE);
    // A second import updates them: its ledger keeps their state before, and their raw row.
    await importCsv(api, `Email,Job Title\n${EMAIL},Kite enthusiast\n`, '&dedup=update');

    // Changes, so the audit holds before/after values.
    const updated = await ok(
      client.patch(`/api/v1/contacts/${person.id}`, {
        title: 'Head of Kites',
        emails: [{ email: EMAIL }, { email: EMAIL2, label: 'home' }],
        addresses: [{ street: '1 Feather Lane', city: 'Kiteton', country: 'GB' }],
        description: `${FIRST} prefers calls`,
        tags: ['kites'],
      }),
    );
    await ok(client.patch(`/api/v1/contacts/${person.id}`, { title: 'Chief Kite Officer' }, { 'if-match': `"${updated.version}"` }));
    await ok(client.post(`/api/v1/contacts/${person.id}/consents`, { purpose: 'email', status: 'granted', legalBasis: 'consent', source: 'web form', proof: `Form signed by ${FULL} <${EMAIL}>` }), 201);

    const link = [{ objectType: 'contacts', id: person.id }];
    await ok(client.post('/api/v1/activities', { type: 'email', subject: `Re: kites for ${FULL}`, body: `<p>Hello ${FIRST}, see you soon</p>`, links: link, email: { direction: 'in', from: EMAIL, to: ['sales@acme.example'] } }), 201);
    await ok(client.post('/api/v1/activities', { type: 'meeting', subject: 'Kite fitting', links: link, meeting: { startAt: '2026-11-20T10:00:00Z', endAt: '2026-11-20T11:00:00Z', attendees: [{ name: FULL, email: EMAIL2 }, { name: 'Bob Seller', email: 'bob@acme.example' }] } }), 201);
    // Not linked to them at all: found by their email alone.
    await ok(client.post('/api/v1/activities', { type: 'note', subject: `Forwarded by ${EMAIL}`, body: 'unrelated' }), 201);
    await ok(client.post('/api/v1/comments', { objectType: 'contacts', objectId: person.id, body: `@[Member member](user:${member.userId}) please ring ${FIRST} at ${PHONE}` }), 201);
    await ok(client.post('/api/v1/tasks', { title: `Call ${FULL} back`, description: `Write to ${EMAIL} first`, links: link }), 201);

    // A lead with their email, converted into them with a deal; another deal, a quote, an invoice, a payment.
    const lead = await ok(client.post('/api/v1/leads', { name: FULL, email: EMAIL, phone: PHONE, companyName: 'Kite Works', title: 'Kite buyer' }), 201);
    await ok(client.post(`/api/v1/leads/${lead.id}/convert`, { contactId: person.id, deal: { name: `${LAST} kites`, amount: 125000, currency: 'EUR' } }));
    const deal = await ok(client.post('/api/v1/deals', { name: `${LAST} renewal`, amount: 99999, currency: 'EUR', contactIds: [person.id], description: `Renewal for ${FULL}` }), 201);
    const quote = await ok(client.post('/api/v1/quotes', { title: `Kites for ${FULL}`, contactId: person.id, dealId: deal.id, currency: 'EUR', notes: `Send to ${EMAIL}`, lines: [{ description: `Kite for ${FULL}`, quantity: '2', unitPrice: 1999 }] }), 201);
    const accepted = await ok(client.post(`/api/v1/quotes/${quote.id}/accept`, { issueDate: '2026-11-10', dueDate: '2999-12-31' }));
    await ok(client.post(`/api/v1/invoices/${accepted.invoiceId}/payments`, { amount: 1000, date: '2026-11-11', method: 'bank_transfer', reference: `${LAST} transfer` }), 201);
    await ok(client.post('/api/v1/views', { objectType: 'contacts', name: 'Just Zeb', filter: { field: 'email', op: 'eq', value: EMAIL } }), 201);

    // Someone else who shares the first name, and a record that mentions the person by full name.
    const namesake = await ok(client.post('/api/v1/contacts', { firstName: FIRST, lastName: 'Other', emails: [{ email: 'z.other@erasure-test.example' }], description: `Colleague of ${FULL}` }), 201);

    // Listing duplicates brings their match keys (normalised email, name block) up to date.
    await ok(client.get('/api/v1/contacts/duplicates'));
    const needles = [FULL, EMAIL, EMAIL2, LAST, PHONE, 'zeb.quillfeather', 'zeb quillfeather erasure'];
    const before = await scanDatabase(h.db.database.db, dialect, needles);
    const tablesBefore = new Set(before.map((x) => x.table));
    // The person really is everywhere before the erasure (so the scan below can find them).
    for (const t of ['contacts', 'contact_emails', 'events', 'search_documents', 'activities', 'comments', 'notifications', 'tasks', 'leads', 'deals', 'quotes', 'quote_lines', 'invoices', 'invoice_lines', 'payments', 'import_file_chunks', 'duplicate_keys', 'saved_views', 'import_rows', 'contact_consents']) {
      expect(tablesBefore, t).toContain(t);
    }
    const totalsBefore = await aggregates(workspaceId);
    const invoiceBefore = await ok(client.get(`/api/v1/invoices/${accepted.invoiceId}`));

    expectProblem(await member.client.post(`/api/v1/contacts/${person.id}/erase`, { confirm: 'ERASE' }), 403, 'forbidden');
    expectProblem(await client.post(`/api/v1/contacts/${person.id}/erase`, { confirm: 'Zebediah' }), 400, 'validation_failed', 'confirm');
    expectProblem(await client.post(`/api/v1/contacts/${person.id}/erase`, {}), 400, 'validation_failed', 'confirm');
    const erased = await ok(client.post(`/api/v1/contacts/${person.id}/erase`, { confirm: FULL.toUpperCase() }));
    expect(erased.rows).toMatchObject({ contacts: expect.any(Number), events: expect.any(Number), import_files: expect.any(Number) });

    await ok(client.get('/api/v1/contacts/duplicates'));
    const hits = await scanDatabase(h.db.database.db, dialect, needles);
    expect(hits).toEqual([]);
    expect(await columnCount(h.db.database.db, dialect)).toBeGreaterThan(250);

    expect(await aggregates(workspaceId)).toEqual({ ...totalsBefore, events: String(Number(totalsBefore.events) + 1) });
    const invoiceAfter = await ok(client.get(`/api/v1/invoices/${accepted.invoiceId}`));
    expect({ total: invoiceAfter.total, paid: invoiceAfter.paid, lines: invoiceAfter.lines.map((l: any) => l.total) }).toEqual({
      total: invoiceBefore.total,
      paid: invoiceBefore.paid,
      lines: invoiceBefore.lines.map((l: any) => l.total),
    });

    // What is left: a contact named "Erased contact" still on its deals, and an event without data.
    const after = await ok(client.get(`/api/v1/contacts/${person.id}`));
    expect(after).toMatchObject({ fullName: 'Erased contact', email: null, emails: [], phones: [], addresses: [], description: null, consent: { email: false } });
    expect((await ok(client.get(`/api/v1/deals/${deal.id}`))).contactIds).toEqual([person.id]);
    const history = await ok(client.get(`/api/v1/audit?objectId=${person.id}`));
    const erasedEvent = history.data.find((e: any) => e.action === 'erased');
    expect(erasedEvent).toMatchObject({ changes: {}, actor: { type: 'user' } });
    // The history keeps what changed (field names), not the values.
    const titleChange = history.data.find((e: any) => e.action === 'updated' && e.changes.title);
    expect(titleChange.changes.title).toEqual({ before: '[erased]', after: '[erased]' });
    // The namesake keeps their own name; only the mention of the erased person goes.
    const other = await ok(client.get(`/api/v1/contacts/${namesake.id}`));
    expect(other).toMatchObject({ fullName: `${FIRST} Other`, description: 'Colleague of [erased]' });
    expect((await ok(client.get(`/api/v1/search?q=${LAST}`))).data).toEqual([]);
    expect((await ok(client.get(`/api/v1/search?q=${FIRST}`))).data.map((d: any) => d.id)).toEqual([namesake.id]);
    // The import stays revertable as a record of what happened; its rows hold no values of the person.
    expectStatus(await client.get(`/api/v1/imports/${importId}`), 200);

    expectProblem(await client.post(`/api/v1/contacts/${person.id}/erase`, { confirm: 'ERASE' }), 409, 'conflict');
    expectProblem(await client.post(`/api/v1/contacts/${person.id}/consents`, { purpose: 'email', status: 'granted', legalBasis: 'consent', source: 'web' }), 409, 'conflict');
  });

  it('answers 404 for an unknown contact or another workspace’s contact', async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    const theirs = await ok(b.client.post('/api/v1/contacts', { firstName: 'Theirs', emails: [{ email: 'theirs@erasure-test.example' }] }), 201);
    expectProblem(await a.client.post(`/api/v1/contacts/${theirs.id}/erase`, { confirm: 'ERASE' }), 404, 'not_found');
    expectProblem(await a.client.post('/api/v1/contacts/not-an-id/erase', { confirm: 'ERASE' }), 404, 'not_found');
    expect((await ok(b.client.get(`/api/v1/contacts/${theirs.id}`))).fullName).toBe('Theirs');
  });
});

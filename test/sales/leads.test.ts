import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, countOf, createCompany, createContact, expectProblem, expectStatus, filterParam } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { addMember, signUp } from '../support/harness';
import { type SalesHarness, defaultPipeline, ok, startSales } from './sales-support';

const createLead = (client: Client, input: Record<string, unknown>) => ok(client.post('/api/v1/leads', input), 201);

describe.each(await testDialects())('leads on %s', (dialect) => {
  let h: SalesHarness;
  beforeAll(async () => {
    h = await startSales(dialect);
  });
  afterAll(async () => h?.close());

  it('keeps leads as records: normalised fields, statuses, filters, search, bulk and trash', async () => {
    const { client, userId } = await signUp(h.app);
    const lead = await createLead(client, { name: ' Ann Archer ', email: 'Ann@Acme.Example', phone: '+1 415 555 2671', companyName: 'Acme', source: 'web form' });
    expect(lead).toMatchObject({ name: 'Ann Archer', email: 'ann@acme.example', phone: '+14155552671', status: 'new', ownerId: userId, score: 0, convertedAt: null, version: 1 });
    expectProblem(await client.post('/api/v1/leads', { name: 'x', status: 'converted' }), 400, 'validation_failed', 'status');
    expectProblem(await client.post('/api/v1/leads', { email: 'a@b.example' }), 400, 'validation_failed', 'name');
    const bulk = await ok(client.post('/api/v1/leads/bulk', { items: [{ name: 'Bob', status: 'working' }, { name: 'Cy', status: 'disqualified' }] }), 201);
    expect(bulk.data).toHaveLength(2);
    const working = await ok(client.get(`/api/v1/leads?filter=${filterParam({ field: 'status', op: 'in', value: ['new', 'working'] })}&sort=name`));
    expect(working.data.map((l: any) => l.name)).toEqual(['Ann Archer', 'Bob']);
    const found = await ok(client.get('/api/v1/search?q=acme&type=leads'));
    expect(found.data.map((x: any) => [x.objectType, x.id])).toEqual([['leads', lead.id]]);
    expectStatus(await client.post('/api/v1/leads/bulk-delete', { ids: bulk.data.map((l: any) => l.id) }), 204);
    expect(await countOf(client, 'leads' as any)).toBe(1);
  });

  it('scores leads by admin rules over lead fields and linked activities, on every change', async () => {
    const { client } = await signUp(h.app);
    const member = await addMember(h.app, client, 'member');
    const rule = { name: 'Referral', filter: { field: 'source', op: 'eq', value: 'referral' }, points: 20 };
    expectProblem(await member.client.post('/api/v1/lead-score-rules', rule), 403, 'forbidden');
    expectProblem(await client.post('/api/v1/lead-score-rules', { ...rule, filter: { field: 'nope', op: 'eq', value: 1 } }), 400, 'invalid_filter', 'filter.field');
    expectProblem(await client.post('/api/v1/lead-score-rules', { name: 'x', kind: 'activity', activityType: 'fax', points: 1 }), 400, 'validation_failed', 'activityType');
    const referral = await ok(client.post('/api/v1/lead-score-rules', rule), 201);
    await ok(client.post('/api/v1/lead-score-rules', { name: 'Has company', filter: { field: 'companyName', op: 'isNotEmpty' }, points: 10 }), 201);
    await ok(client.post('/api/v1/lead-score-rules', { name: 'Gmail', filter: { field: 'email', op: 'contains', value: '@gmail.' }, points: -5 }), 201);
    await ok(client.post('/api/v1/lead-score-rules', { name: 'Calls', kind: 'activity', activityType: 'call', points: 3 }), 201);

    const a = await createLead(member.client, { name: 'A', source: 'Referral', companyName: 'Acme' });
    expect(a.score).toBe(30);
    const b = await createLead(member.client, { name: 'B', email: 'b@gmail.com' });
    expect(b.score).toBe(-5);
    // A change rescores, and the new score is recorded as a change.
    const changed = await ok(member.client.patch(`/api/v1/leads/${a.id}`, { source: 'web' }));
    expect(changed.score).toBe(10);
    const events = await auditEvents(client, { objectId: a.id });
    expect(events.some((e) => e.changes.score?.before === 30 && e.changes.score?.after === 10)).toBe(true);
    // Changing a rule rescores every lead at once.
    await ok(client.patch(`/api/v1/lead-score-rules/${referral.id}`, { filter: { field: 'source', op: 'in', value: ['web', 'referral'] }, points: 25 }));
    expect((await ok(client.get(`/api/v1/leads/${a.id}`))).score).toBe(35);
    // Calls linked to the lead add points as they are logged; a note does not count.
    const calls = [];
    for (let i = 0; i < 2; i++) {
      calls.push(await ok(member.client.post('/api/v1/activities', { type: 'call', call: { direction: 'out' }, links: [{ objectType: 'leads', id: b.id }] }), 201));
      expect((await ok(member.client.get(`/api/v1/leads/${b.id}`))).score).toBe(-5 + (i + 1) * 3);
    }
    expectStatus(await member.client.post('/api/v1/activities', { type: 'note', body: 'met at fair', links: [{ objectType: 'leads', id: b.id }] }), 201);
    expect((await ok(member.client.get(`/api/v1/leads/${b.id}`))).score).toBe(1); // -5 + 2 × 3
    // Unlinking or deleting a call takes its points away again.
    await ok(member.client.patch(`/api/v1/activities/${calls[0].id}`, { links: [] }));
    expect((await ok(member.client.get(`/api/v1/leads/${b.id}`))).score).toBe(-2);
    expectStatus(await member.client.delete(`/api/v1/activities/${calls[1].id}`), 204);
    expect((await ok(member.client.get(`/api/v1/leads/${b.id}`))).score).toBe(-5);
    await ok(member.client.patch(`/api/v1/activities/${calls[0].id}`, { links: [{ objectType: 'leads', id: b.id }] }));
    expect((await ok(member.client.post(`/api/v1/leads/${b.id}/score`))).score).toBe(-2);
    expectProblem(await member.client.post('/api/v1/leads/recompute-scores'), 403, 'forbidden');
    expect(await ok(client.post('/api/v1/leads/recompute-scores'))).toEqual({ changed: 0 });
    expect((await ok(client.get('/api/v1/leads?sort=-score'))).data.map((l: any) => [l.name, l.score])).toEqual([['A', 35], ['B', -2]]);
    // The lead's timeline shows its changes and activities.
    const timeline = await ok(client.get(`/api/v1/leads/${b.id}/timeline`));
    expect(timeline.data.filter((i: any) => i.kind === 'activity').map((i: any) => i.type).sort()).toEqual(['call', 'note']);
    expect(timeline.data.some((i: any) => i.kind === 'event' && i.event.changes.score?.after === 1)).toBe(true);
    expectStatus(await client.delete(`/api/v1/lead-score-rules/${referral.id}`), 204);
    expect((await ok(client.get(`/api/v1/leads/${a.id}`))).score).toBe(10);
    // A rule over a custom field that is later deleted stops counting; lead writes go on working.
    const field = await ok(client.post('/api/v1/custom-fields', { objectType: 'leads', key: 'budget', label: 'Budget', type: 'number' }), 201);
    await ok(client.post('/api/v1/lead-score-rules', { name: 'Budget', filter: { field: 'custom.budget', op: 'gte', value: 1000 }, points: 50 }), 201);
    expect((await ok(member.client.patch(`/api/v1/leads/${a.id}`, { custom: { budget: 5000 } }))).score).toBe(60);
    expectStatus(await client.delete(`/api/v1/custom-fields/${field.id}`), 204);
    expect((await ok(member.client.patch(`/api/v1/leads/${a.id}`, { title: 'CEO' }))).score).toBe(10);
    expect((await createLead(member.client, { name: 'C', companyName: 'Cee' })).score).toBe(10);
  });

  it('converts a lead into an existing company (by domain), a new contact and a deal, and links them', async () => {
    const { client } = await signUp(h.app);
    const { stage } = await defaultPipeline(client);
    const acme = await createCompany(client, { name: 'Acme Corporation', domain: 'acme.example' });
    const lead = await createLead(client, { name: 'Ann Marie Archer', email: 'ann@acme.example', phone: '+14155552671', companyName: 'Acme', title: 'CTO' });
    const res = await ok(client.post(`/api/v1/leads/${lead.id}/convert`, { deal: { amount: 250000, currency: 'EUR', stageId: stage('Qualified') } }));
    expect(res).toMatchObject({ companyId: acme.id, companyCreated: false, contactCreated: true });
    expect(res.lead).toMatchObject({ status: 'converted', convertedContactId: res.contactId, convertedCompanyId: acme.id, convertedDealId: res.dealId, version: 2 });
    const contact = await ok(client.get(`/api/v1/contacts/${res.contactId}`));
    expect(contact).toMatchObject({ firstName: 'Ann Marie', lastName: 'Archer', email: 'ann@acme.example', phone: '+14155552671', title: 'CTO', companyId: acme.id });
    const deal = await ok(client.get(`/api/v1/deals/${res.dealId}`));
    expect(deal).toMatchObject({ name: 'Acme deal', amount: 250000, currency: 'EUR', stageId: stage('Qualified'), companyId: acme.id, contactIds: [res.contactId], leadId: lead.id });
    // The lead's history stays reachable from what it became.
    const back = await ok(client.get(`/api/v1/leads?filter=${filterParam({ field: 'convertedContactId', op: 'eq', value: res.contactId })}`));
    expect(back.data.map((l: any) => l.id)).toEqual([lead.id]);
    expect((await auditEvents(client, { objectId: res.contactId })).map((e) => e.action).sort()).toEqual(['converted_from_lead', 'created']);
    expect((await auditEvents(client, { objectId: acme.id })).map((e) => e.action)).toEqual(['converted_from_lead', 'created']);
    expect((await auditEvents(client, { objectId: lead.id }))[0]).toMatchObject({ action: 'converted', changes: { status: { before: 'new', after: 'converted' } } });
    // Once only; and a converted lead keeps its status.
    expectProblem(await client.post(`/api/v1/leads/${lead.id}/convert`, {}), 409, 'conflict');
    expectProblem(await client.patch(`/api/v1/leads/${lead.id}`, { status: 'working' }), 400, 'validation_failed', 'status');
  });

  it('reuses the contact that has the lead’s email, and makes a company from the name and domain', async () => {
    const { client } = await signUp(h.app);
    const bob = await createContact(client, { firstName: 'Robert', emails: [{ email: 'bob@beta.example' }] });
    const lead = await createLead(client, { name: 'Bob B', email: 'BOB@beta.example', companyName: 'Beta GmbH' });
    const res = await ok(client.post(`/api/v1/leads/${lead.id}/convert`, {}));
    expect(res).toMatchObject({ contactId: bob.id, contactCreated: false, companyCreated: true, dealId: null });
    expect(await ok(client.get(`/api/v1/companies/${res.companyId}`))).toMatchObject({ name: 'Beta GmbH', domain: 'beta.example' });
    // A free-mail domain never becomes a company's domain.
    const gmail = await createLead(client, { name: 'Gil', email: 'gil@gmail.com', companyName: 'Gil Consulting' });
    const g = await ok(client.post(`/api/v1/leads/${gmail.id}/convert`, {}));
    expect((await ok(client.get(`/api/v1/companies/${g.companyId}`))).domain).toBeNull();
  });

  it('converts atomically: a failure at the deal leaves no company, contact, deal or event, and the lead unchanged', async () => {
    const { client } = await signUp(h.app);
    const other = await signUp(h.app);
    const { stage: otherStage } = await defaultPipeline(other.client);
    await defaultPipeline(client);
    const lead = await createLead(client, { name: 'Fay Fresh', email: 'fay@fresh.example', companyName: 'Fresh Co' });
    const state = async () => ({
      companies: await countOf(client, 'companies', { trash: false }),
      contacts: await countOf(client, 'contacts'),
      deals: (await ok(client.get('/api/v1/deals?count=true&limit=1'))).total,
      events: (await auditEvents(client)).length,
      lead: await ok(client.get(`/api/v1/leads/${lead.id}`)),
    });
    const before = await state();
    // A stage of another workspace: found nowhere here, so the deal step fails after the
    // company and the contact were written in the same transaction.
    expectProblem(await client.post(`/api/v1/leads/${lead.id}/convert`, { deal: { stageId: otherStage('Won') } }), 400, 'validation_failed', 'stageId');
    expect(await state()).toEqual(before);
    // A contact of another workspace fails the contact step, after the company was written: rolled back too.
    const stranger = await createContact(other.client, { firstName: 'Stranger' });
    expectProblem(await client.post(`/api/v1/leads/${lead.id}/convert`, { contactId: stranger.id }), 400, 'validation_failed', 'contactId');
    expect(await state()).toEqual(before);
    // The same conversion with a valid deal writes all of it.
    const res = await ok(client.post(`/api/v1/leads/${lead.id}/convert`, { deal: { name: 'Fresh start' } }));
    expect(res).toMatchObject({ companyCreated: true, contactCreated: true });
    const after = await state();
    expect([after.companies, after.contacts, after.deals]).toEqual([before.companies + 1, before.contacts + 1, before.deals + 1]);
    expect(after.lead.status).toBe('converted');
  });
});

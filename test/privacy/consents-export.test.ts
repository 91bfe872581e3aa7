import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, addMember, signUp, startHarness } from '../support/harness';
import { ok } from '../sales/sales-support';

describe.each(await testDialects())('Consents and the personal data export on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const consent = (client: Client, id: string, body: Record<string, unknown>) => client.post(`/api/v1/contacts/${id}/consents`, body);

  it('records grants and withdrawals, keeps the marketing flag to the newest one, and shows them on the timeline', async () => {
    const { client } = await signUp(h.app);
    const viewer = await addMember(h.app, client, 'viewer');
    const c = await ok(client.post('/api/v1/contacts', { firstName: 'Cora', lastName: 'Consent', emails: [{ email: 'cora@consent.example' }] }), 201);
    expect(c.consent.email).toBe(false);

    const granted = await ok(consent(client, c.id, { purpose: 'email', status: 'granted', legalBasis: 'consent', source: 'newsletter form', proof: 'checkbox text v3, ip 203.0.113.9' }), 201);
    expect(granted).toMatchObject({ purpose: 'email', status: 'granted', legalBasis: 'consent', proof: 'checkbox text v3, ip 203.0.113.9', contactId: c.id });
    expect((await ok(client.get(`/api/v1/contacts/${c.id}`))).consent.email).toBe(true);
    await ok(consent(client, c.id, { purpose: 'profiling', status: 'granted', legalBasis: 'legitimate_interests', source: 'contract signed' }), 201);

    // An older record entered later is history: it does not overturn the newer grant.
    await ok(consent(client, c.id, { purpose: 'email', status: 'withdrawn', legalBasis: 'consent', source: 'old paper file', recordedAt: '2020-01-01T00:00:00Z' }), 201);
    expect((await ok(client.get(`/api/v1/contacts/${c.id}`))).consent.email).toBe(true);

    const withdrawn = await ok(consent(client, c.id, { purpose: 'email', status: 'withdrawn', legalBasis: 'consent', source: 'unsubscribe link' }), 201);
    const after = await ok(client.get(`/api/v1/contacts/${c.id}`));
    expect(after.consent).toEqual({ email: false, sms: false, phone: false });

    const list = await ok(viewer.client.get(`/api/v1/contacts/${c.id}/consents`));
    expect(list.data).toHaveLength(4);
    expect(list.data[list.data.length - 1].source).toBe('old paper file');
    expect(list.current.map((x: any) => [x.purpose, x.status, x.id])).toEqual([
      ['email', 'withdrawn', withdrawn.id],
      ['profiling', 'granted', expect.any(String)],
    ]);

    const timeline = await ok(client.get(`/api/v1/contacts/${c.id}/timeline`));
    const consentEvents = timeline.data.filter((t: any) => t.kind === 'event' && t.type.startsWith('consent_'));
    expect(consentEvents.map((t: any) => t.type)).toEqual(['consent_withdrawn', 'consent_withdrawn', 'consent_granted', 'consent_granted']);
    expect(consentEvents[0].event.changes).toMatchObject({ purpose: { after: 'email' }, status: { before: 'granted', after: 'withdrawn' }, consent: { before: { email: true }, after: { email: false } } });

    expectProblem(await consent(viewer.client, c.id, { purpose: 'email', status: 'granted', legalBasis: 'consent', source: 'x' }), 403, 'forbidden');
    expectProblem(await consent(client, c.id, { purpose: 'email', status: 'granted', legalBasis: 'because', source: 'x' }), 400, 'validation_failed', 'legalBasis');
    expectProblem(await consent(client, c.id, { purpose: 'email', status: 'withdrawn', legalBasis: 'contract', source: 'x' }), 400, 'validation_failed', 'legalBasis');
    expectProblem(await consent(client, c.id, { purpose: 'Email Marketing', status: 'granted', legalBasis: 'consent', source: 'x' }), 400, 'validation_failed', 'purpose');
    expectProblem(await consent(client, c.id, { purpose: 'email', status: 'granted', legalBasis: 'consent', source: '' }), 400, 'validation_failed', 'source');
    expectProblem(await consent(client, c.id, { purpose: 'email', status: 'granted', legalBasis: 'consent', source: 'x', recordedAt: '2999-01-01T00:00:00Z' }), 400, 'validation_failed', 'recordedAt');
    const other = await signUp(h.app);
    expectProblem(await consent(other.client, c.id, { purpose: 'email', status: 'granted', legalBasis: 'consent', source: 'x' }), 404, 'not_found');
    expectProblem(await other.client.get(`/api/v1/contacts/${c.id}/consents`), 404, 'not_found');
  });

  it('exports everything about the person as a zip of JSON and CSV files', async () => {
    const { client } = await signUp(h.app);
    const member = await addMember(h.app, client, 'member');
    const p = await ok(client.post('/api/v1/contacts', { firstName: 'Esme', lastName: 'Export', emails: [{ email: 'esme@export.example' }], phones: [{ phone: '+14155552671' }] }), 201);
    const someoneElse = await ok(client.post('/api/v1/contacts', { firstName: 'Not', lastName: 'Included' }), 201);
    await ok(client.patch(`/api/v1/contacts/${p.id}`, { title: 'Archivist' }));
    await ok(consent(client, p.id, { purpose: 'sms', status: 'granted', legalBasis: 'consent', source: 'shop till', proof: 'signature, "receipt" 42' }), 201);
    await ok(client.post('/api/v1/activities', { type: 'call', subject: 'Export call', links: [{ objectType: 'contacts', id: p.id }], call: { direction: 'out', durationSeconds: 60 } }), 201);
    await ok(client.post('/api/v1/activities', { type: 'call', subject: 'Someone else’s call', links: [{ objectType: 'contacts', id: someoneElse.id }], call: { direction: 'out' } }), 201);
    await ok(client.post('/api/v1/comments', { objectType: 'contacts', objectId: p.id, body: 'Asked for her data' }), 201);
    await ok(client.post('/api/v1/tasks', { title: 'Send Esme her data', links: [{ objectType: 'contacts', id: p.id }] }), 201);
    const deal = await ok(client.post('/api/v1/deals', { name: 'Archive deal', amount: 5000, currency: 'EUR', contactIds: [p.id] }), 201);
    const lead = await ok(client.post('/api/v1/leads', { name: 'Esme Export', email: 'esme@export.example', source: 'fair' }), 201);

    expectProblem(await member.client.get(`/api/v1/contacts/${p.id}/export.zip`), 403, 'forbidden');
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/contacts/${p.id}/export.zip`, headers: { cookie: `rapport_session=${client.cookie('rapport_session')}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="personal-data-Esme-Export-\d{4}-\d\d-\d\d\.zip"/);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files).sort();
    for (const base of ['contact', 'consents', 'activities', 'comments', 'tasks', 'deals', 'quotes', 'invoices', 'leads', 'import-rows', 'history']) {
      expect(names).toContain(`${base}.json`);
      expect(names).toContain(`${base}.csv`);
    }
    const json = (name: string) => JSON.parse(strFromU8(files[name]));
    expect(json('contact.json')).toMatchObject({ id: p.id, fullName: 'Esme Export', title: 'Archivist', emails: [{ email: 'esme@export.example' }], phones: [{ phone: '+14155552671' }] });
    expect(json('activities.json').map((a: any) => a.subject)).toEqual(['Export call']);
    expect(json('comments.json').map((c: any) => c.body)).toEqual([expect.stringContaining('Asked for her data')]);
    expect(json('tasks.json').map((t: any) => t.title)).toEqual(['Send Esme her data']);
    expect(json('deals.json')).toEqual([expect.objectContaining({ id: deal.id, amount: 5000, contactIds: [p.id] })]);
    expect(json('leads.json').map((l: any) => l.id)).toEqual([lead.id]);
    const history = json('history.json');
    expect(history.map((e: any) => e.action)).toEqual(expect.arrayContaining(['created', 'updated', 'consent_granted', 'personal_data_exported']));
    expect(history.every((e: any) => [p.id, deal.id, lead.id].includes(e.objectId))).toBe(true);
    const csv = strFromU8(files['consents.csv']).trim().split('\n');
    expect(csv[0].split(',')).toEqual(expect.arrayContaining(['purpose', 'status', 'legalBasis', 'source', 'proof', 'recordedAt']));
    expect(csv[1]).toContain('"signature, ""receipt"" 42"');
    expect(strFromU8(files['README.txt'])).toContain('activities.json / activities.csv');
    expect(JSON.stringify(Object.values(files).map((f) => strFromU8(f)))).not.toContain('Not Included');

    expectProblem(await client.get('/api/v1/contacts/0190aaaa-0000-7000-8000-000000000000/export.zip'), 404, 'not_found');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, countOf, createContact, createField, expectStatus, listAll } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, createApiKey, signUp, startHarness } from '../support/harness';
import { memoryLog, testRunnerOptions } from '../support/interactions';

describe.each(await testDialects())('CSV import on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const runJobs = () => h.services.createJobRunner(memoryLog().log, testRunnerOptions).runDue();

  /** Uploads bytes as text/csv with an API key (the body is sent as is, Latin-1 included). */
  async function upload(api: Client, body: Buffer | string, query: Record<string, string>) {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/imports?${new URLSearchParams(query)}`,
      headers: { authorization: (api as any).apiKey ? `Bearer ${(api as any).apiKey}` : '', 'content-type': 'text/csv' },
      payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  }

  async function importAndRun(api: Client, body: Buffer | string, query: Record<string, string>) {
    const started = await upload(api, body, query);
    expect(started.status).toBe(202);
    await runJobs();
    const res = await api.get(`/api/v1/imports/${started.body.id}`);
    expectStatus(res, 200);
    return res.body;
  }

  async function workspace() {
    const { client } = await signUp(h.app);
    const api = await createApiKey(client, 'admin');
    return { client, api };
  }

  const messy = Buffer.concat([
    Buffer.from(
      [
        'First Name;Last Name;Email Address;Mobile Phone;Lifecycle Stage;Age',
        'Ann;Lee;ann@import.example;+44 20 7946 0000;Lead;31',
        'Bad;Email;not-an-email;;;',
        '',
        'Wrong;Type;wrong@import.example;;;thirty',
        'Dan;"Do"e";dan@import.example;;;',
        'Short;Row',
        'Unknown;Stage;stage@import.example;;Wizard;',
        '"Multi',
        'Line";Name;multi@import.example;;Customer;40',
        '',
      ].join('\r\n'),
      'utf8',
    ),
    Buffer.from('Zoë;Ünal;zoe@import.example;;;22\r\nLast;Good;last@import.example;;;\r\n', 'latin1'),
  ]);

  it('imports every good row once and reports every bad one with its line and reason', async () => {
    const { client, api } = await workspace();
    await createField(client, { objectType: 'contacts', key: 'age', label: 'Age', type: 'number' });
    const imp = await importAndRun(api, messy, { objectType: 'contacts' });
    expect(imp.format).toEqual({ encoding: 'latin1', delimiter: ';' });
    expect(imp.mapping).toMatchObject({ 'First Name': 'firstName', 'Email Address': 'email', 'Mobile Phone': 'mobile', 'Lifecycle Stage': 'lifecycleStage', Age: 'custom.age' });
    expect(imp).toMatchObject({ status: 'done', created: 4, errorCount: 5, rowsTotal: 9, rowsDone: 9 });
    expect(imp.errors.map((e: any) => e.line)).toEqual([3, 5, 6, 7, 8]);
    expect(imp.errors[0].message).toMatch(/email/);
    expect(imp.errors[1].message).toMatch(/custom\.age.*number/);
    expect(imp.errors[2].message).toMatch(/quot/);
    expect(imp.errors[3].message).toMatch(/columns/);
    expect(imp.errors[4].message).toMatch(/lifecycleStage/);

    const contacts = await listAll(client, 'contacts');
    expect(contacts.map((c: any) => c.fullName).sort()).toEqual(['Ann Lee', 'Last Good', 'Multi\r\nLine Name', 'Zoë Ünal']);
    const ann = contacts.find((c: any) => c.email === 'ann@import.example');
    expect(ann).toMatchObject({ lifecycleStage: 'lead', custom: { age: 31 }, phones: [{ phone: '+442079460000', label: 'mobile' }] });
    expect(await auditEvents(client, { objectType: 'contacts', action: 'created' })).toHaveLength(4);
    expect((await client.get('/api/v1/search?q=zoe')).body.data).toHaveLength(1);

    const csv = await api.get(`/api/v1/imports/${imp.id}/errors.csv`);
    expectStatus(csv, 200);
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('line,error,First Name,Last Name,Email Address,Mobile Phone,Lifecycle Stage,Age,unreadable');
    expect(lines[1]).toMatch(/^3,.*,Bad,Email,not-an-email,/);
  });

  it('dry run reports the same bad rows and writes no record, event or search entry', async () => {
    const { client, api } = await workspace();
    await createField(client, { objectType: 'contacts', key: 'age', label: 'Age', type: 'number' });
    const imp = await importAndRun(api, messy, { objectType: 'contacts', dryRun: 'true' });
    expect(imp).toMatchObject({ status: 'done', dryRun: true, created: 4, errorCount: 5 });
    expect(imp.errors.map((e: any) => e.line)).toEqual([3, 5, 6, 7, 8]);
    expect(await countOf(client, 'contacts')).toBe(0);
    expect(await auditEvents(client, { objectType: 'contacts' })).toHaveLength(0);
    expect((await client.get('/api/v1/search?q=zoe')).body.data).toHaveLength(0);
    expect((await api.post(`/api/v1/imports/${imp.id}/revert`)).status).toBe(409);
  });

  const people = (rows: string[]) => ['Email,First Name,Last Name,Job Title', ...rows].join('\n');

  it('dedup by email: skip leaves matches alone, update changes them, create refuses a taken email', async () => {
    const { client, api } = await workspace();
    const existing = await createContact(client, { firstName: 'Old', lastName: 'Name', title: 'Intern', emails: [{ email: 'kim@dedup.example' }] });
    const file = people(['KIM@dedup.example,Kim,New,CTO', 'new@dedup.example,New,Person,', 'new@dedup.example,Again,Person,']);

    const skip = await importAndRun(api, file, { objectType: 'contacts', dedup: 'skip' });
    expect(skip).toMatchObject({ created: 1, skipped: 2, updated: 0, errorCount: 0 });
    expect((await client.get(`/api/v1/contacts/${existing.id}`)).body).toMatchObject({ firstName: 'Old', title: 'Intern' });
    expect(await countOf(client, 'contacts')).toBe(2);

    const update = await importAndRun(api, file, { objectType: 'contacts', dedup: 'update' });
    expect(update).toMatchObject({ created: 0, updated: 2, skipped: 1 });
    expect((await client.get(`/api/v1/contacts/${existing.id}`)).body).toMatchObject({ firstName: 'Kim', lastName: 'New', title: 'CTO' });
    expect(await countOf(client, 'contacts')).toBe(2);

    const create = await importAndRun(api, people(['kim@dedup.example,Kim,Twin,', 'other@dedup.example,Other,One,']), { objectType: 'contacts', dedup: 'create' });
    expect(create).toMatchObject({ created: 1, errorCount: 1 });
    expect(create.errors[0].message).toMatch(/already belongs to contact/);
    expect(await countOf(client, 'contacts')).toBe(3);
  });

  it('dedup companies by domain, and by an external id kept in a custom field', async () => {
    const { client, api } = await workspace();
    await createField(client, { objectType: 'companies', key: 'crm_id', label: 'CRM id', type: 'text' });
    const first = await importAndRun(api, 'Company Name,Company Domain Name,Industry,Number of Employees,CRM id\nAcme,acme.example,Software,"1,200",A-1\nGlobex,,Energy,15,G-1\n', { objectType: 'companies' });
    expect(first).toMatchObject({ created: 2, errorCount: 0 });
    const byDomain = await importAndRun(api, 'Account Name,Website,Industry\nAcme Inc,https://www.acme.example/about,Retail\n', { objectType: 'companies', dedup: 'update', mapping: JSON.stringify({ 'Account Name': 'name', Website: 'domain', Industry: 'industry' }) });
    expect(byDomain).toMatchObject({ updated: 1, created: 0 });
    const byId = await importAndRun(api, 'Name,CRM id,Employees\nGlobex Corp,g-1,20\n', { objectType: 'companies', dedup: 'update', matchBy: 'custom.crm_id' });
    expect(byId).toMatchObject({ updated: 1, created: 0 });
    const all = await listAll(client, 'companies');
    expect(all.map((c: any) => [c.name, c.industry, c.employees]).sort()).toEqual([
      ['Acme Inc', 'Retail', 1200],
      ['Globex Corp', 'Energy', 20],
    ]);
  });

  it('revert trashes what the import created and restores what it updated, as a whole', async () => {
    const { client, api } = await workspace();
    const existing = await createContact(client, { firstName: 'Pat', title: 'Before', emails: [{ email: 'pat@revert.example' }] });
    const imp = await importAndRun(api, people(['pat@revert.example,Patricia,Smith,After', 'fresh@revert.example,Fresh,One,']), { objectType: 'contacts', dedup: 'update' });
    expect(imp).toMatchObject({ created: 1, updated: 1 });
    expect(await countOf(client, 'contacts')).toBe(2);
    const res = await api.post(`/api/v1/imports/${imp.id}/revert`);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ status: 'reverted', restored: 1, removed: 1 });
    expect(await countOf(client, 'contacts')).toBe(1);
    expect((await client.get(`/api/v1/contacts/${existing.id}`)).body).toMatchObject({ firstName: 'Pat', lastName: null, title: 'Before' });
    expect((await client.get('/api/v1/search?q=fresh')).body.data).toHaveLength(0);
    expect((await api.post(`/api/v1/imports/${imp.id}/revert`)).status).toBe(409);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createContact, expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { importTools } from '../support/imports';
import { type Harness, startHarness } from '../support/harness';

describe.each(await testDialects())('CSV import of leads and deals on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const { workspace, importAndRun } = importTools(() => h);
  const importCsv = (api: Client, csv: string, query: Record<string, string>) => importAndRun(api, csv, query);

  const all = async (client: Client, path: string) => (await client.get(`/api/v1/${path}?limit=200`)).body.data as any[];

  it('imports leads with suggested columns, reports bad rows, dedups by email and reverts', async () => {
    const { client, api } = await workspace();
    const csv = [
      'First Name,Last Name,Email,Company,Job Title,Lead Source,Lead Status,Tags',
      'Ann,Lee,ann@leads.example,Acme,CTO,Web form,Working,"hot, q1"',
      'Bo,,bo@leads.example,,,Referral,Open,',
      'Cy,Bad,not-an-email,,,,,',
      'Di,Odd,di@leads.example,,,,Sleeping,',
      ',,,Nameless Inc,,,,',
    ].join('\n');
    const imp = await importCsv(api, csv, { objectType: 'leads' });
    expect(imp.mapping).toEqual({ 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', Company: 'companyName', 'Job Title': 'title', 'Lead Source': 'source', 'Lead Status': 'status', Tags: 'tags' });
    expect(imp).toMatchObject({ status: 'done', created: 2, errorCount: 3 });
    expect(imp.errors.map((e: any) => [e.line, e.message.split(':')[0]])).toEqual([
      [4, 'email'],
      [5, 'status'],
      [6, 'name'],
    ]);
    const leads = await all(client, 'leads');
    expect(leads.find((l) => l.email === 'ann@leads.example')).toMatchObject({ name: 'Ann Lee', companyName: 'Acme', title: 'CTO', source: 'Web form', status: 'working', tags: ['hot', 'q1'] });
    expect(leads.find((l) => l.email === 'bo@leads.example')).toMatchObject({ name: 'Bo', status: 'new' });

    const again = await importCsv(api, 'Name,Email,Lead Source\nAnn Lee-Smith,ANN@leads.example,Event\nEve,eve@leads.example,Event\n', { objectType: 'leads', dedup: 'update' });
    expect(again).toMatchObject({ updated: 1, created: 1, errorCount: 0 });
    expect((await all(client, 'leads')).find((l) => l.email === 'ann@leads.example')).toMatchObject({ name: 'Ann Lee-Smith', source: 'Event' });
    expectStatus(await api.post(`/api/v1/imports/${again.id}/revert`), 200);
    const after = await all(client, 'leads');
    expect(after.map((l) => l.name).sort()).toEqual(['Ann Lee', 'Bo']);
    expect(after.find((l) => l.email === 'ann@leads.example').source).toBe('Web form');
  });

  it('imports deals: pipeline and stage by name, company by name or domain, contact by email, amounts as exact minor units', async () => {
    const { client, api } = await workspace();
    const acme = await createCompany(client, { name: 'Acme', domain: 'acme.example' });
    const globex = await createCompany(client, { name: 'Globex' });
    const ann = await createContact(client, { firstName: 'Ann', emails: [{ email: 'ann@acme.example' }] });
    const renewals = await client.post('/api/v1/pipelines', { name: 'Renewals', stages: [{ name: 'Due', probability: 50 }, { name: 'Signed', probability: 100, kind: 'won' }] });
    expectStatus(renewals, 201);
    const csv = [
      'Deal Name,Amount,Currency,Close Date,Pipeline,Deal Stage,Account Name,Company Domain,Contact Email',
      'Rockets,"1,234.56",EUR,31.03.2027,,Proposal,,acme.example,ann@acme.example',
      'Yen deal,150000,JPY,2027-01-15,,,Globex,,',
      'Euro style,"12.345,67",EUR,,Renewals,Signed,,,',
      'Thousands,"12.345",USD,,,,,,',
      'Too precise,"1.2345",USD,,,,,,',
      'No stage,10,USD,,,Nope,,,',
      'No company,10,USD,,,,Initech,,',
      'No pipeline,10,USD,,Upsell,,,,',
      'No contact,10,USD,,,,,,nobody@acme.example',
      'Bad date,10,USD,31.31.2027,,,,,',
    ].join('\n');
    const imp = await importCsv(api, csv, { objectType: 'deals' });
    expect(imp.mapping).toMatchObject({ 'Deal Name': 'name', Amount: 'amount', 'Close Date': 'closeDate', Pipeline: 'pipeline', 'Deal Stage': 'stage', 'Account Name': 'companyName', 'Company Domain': 'companyDomain', 'Contact Email': 'contactEmail' });
    expect(imp).toMatchObject({ status: 'done', created: 4, errorCount: 6 });
    expect(imp.errors.map((e: any) => [e.line, e.message])).toEqual([
      [6, 'amount: "1.2345" has more decimals than USD has (2)'],
      [7, 'stage: "Nope" is not a stage of pipeline "Sales pipeline"'],
      [8, 'companyName: there is no company named "Initech"'],
      [9, 'pipeline: there is no pipeline named "Upsell"'],
      [10, 'contactEmail: no contact has the email nobody@acme.example'],
      [11, expect.stringMatching(/^closeDate: "31.31.2027" is not a date/)],
    ]);
    const deals = await all(client, 'deals');
    const by = (n: string) => deals.find((d) => d.name === n);
    expect(by('Rockets')).toMatchObject({ amount: 123456, currency: 'EUR', closeDate: '2027-03-31', stage: { name: 'Proposal' }, companyId: acme.id, contactIds: [ann.id] });
    expect(by('Yen deal')).toMatchObject({ amount: 150000, currency: 'JPY', companyId: globex.id, stage: { name: 'Lead in' } });
    expect(by('Euro style')).toMatchObject({ amount: 1234567, pipelineId: renewals.body.id, stage: { name: 'Signed', kind: 'won' } });
    expect(by('Thousands')).toMatchObject({ amount: 1234500, currency: 'USD' });

    // Dedup by name: the same file again skips the four.
    const again = await importCsv(api, csv, { objectType: 'deals' });
    expect(again).toMatchObject({ created: 0, skipped: 4, errorCount: 6 });
    expectStatus(await api.post(`/api/v1/imports/${imp.id}/revert`), 200);
    expect(await all(client, 'deals')).toEqual([]);
  });
});

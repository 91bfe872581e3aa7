import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/cli/commands/import';
import { runImport } from '../../src/server/modules/imports/import-runner';
import { systemCtx } from '../../src/server/platform/context';
import { auditEvents, countOf, createCompany, createContact, createField, expectStatus, listAll } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { importTools } from '../support/imports';
import { type Harness, startHarness } from '../support/harness';

// A contacts import makes the companies its rows name that are not here yet, as the big CRMs'
// imports do: once per name, through the companies service, in the ledger so a revert undoes it.
describe.each(await testDialects())('contacts import creating companies on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const { runJobs, workspace, importAndRun: run } = importTools(() => h);
  const importAndRun = (api: Client, body: string, query: Record<string, string> = {}, type = 'text/csv') => run(api, body, { objectType: 'contacts', ...query }, type);

  /** Two companies already here; the file names them in another case, and two that are not here. */
  async function setUp() {
    const ws = await workspace();
    const acme = await createCompany(ws.client, { name: 'Acme' });
    const globex = await createCompany(ws.client, { name: 'Globex' });
    const kept = await createContact(ws.client, { firstName: 'Kept', emails: [{ email: 'kept@co.example' }] });
    return { ...ws, acme, globex, kept };
  }
  const file = [
    'First Name,Email,Company',
    'Ann,ann@co.example,ACME', // line 2: an existing company, other case
    'Bob,bob@co.example,Initech', // line 3: first spelling of a new one
    'Cat,cat@co.example,INITECH',
    'Dan,dan@co.example,  initech  ',
    'Eve,eve@co.example,Hooli', // line 6
    'Fay,fay@co.example,globex',
    'Gus,gus@co.example,',
    'Bad,not-an-email,Badco', // a bad row makes no company
    'Kept,kept@co.example,Skipco', // a skipped row neither
  ].join('\n');
  const companyOf = async (client: Client) => new Map((await listAll(client, 'contacts')).map((c: any) => [c.firstName, c.company?.name ?? null]));

  it('creates each missing company once (first spelling), links every contact, reuses the existing ones, and counts them', async () => {
    const { client, api, acme, globex } = await setUp();
    const imp = await importAndRun(api, file);
    expect(imp).toMatchObject({ status: 'done', createCompanies: true, created: 7, skipped: 1, errorCount: 1, companiesCreated: 2, rowsTotal: 9, rowsDone: 9 });
    expect(imp.errors).toEqual([{ line: 9, message: expect.stringMatching(/email/) }]);

    const companies = await listAll(client, 'companies');
    expect(companies.map((c: any) => c.name).sort()).toEqual(['Acme', 'Globex', 'Hooli', 'Initech']);
    const byName = new Map(companies.map((c: any) => [c.name, c.id]));
    expect(byName.get('Acme')).toBe(acme.id);
    expect(byName.get('Globex')).toBe(globex.id);
    const contacts = await listAll(client, 'contacts');
    const idOf = (n: string) => contacts.find((c: any) => c.firstName === n)?.companyId ?? null;
    expect(['Ann', 'Bob', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus', 'Kept'].map(idOf)).toEqual([acme.id, byName.get('Initech'), byName.get('Initech'), byName.get('Initech'), byName.get('Hooli'), globex.id, null, null]);

    // Made as the API makes them: events, audit and search.
    const made = await auditEvents(client, { objectType: 'companies', action: 'created' });
    expect(made).toHaveLength(4);
    const hits = (await client.get('/api/v1/search?q=hooli')).body.data;
    expect(hits.filter((x: any) => x.objectType === 'companies')).toMatchObject([{ id: byName.get('Hooli'), title: 'Hooli' }]);
    // The bad rows' report knows nothing of the companies.
    const csv = String((await api.get(`/api/v1/imports/${imp.id}/errors.csv`)).body).trim().split('\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/^9,/);
    expectStatus(await api.get(`/api/v1/imports/${imp.id}/errors?after=0`), 200);
    expect((await api.get(`/api/v1/imports/${imp.id}/errors`)).body.data.map((e: any) => e.line)).toEqual([9]);
    expect((await api.get('/api/v1/imports?objectType=contacts')).body.data[0]).toMatchObject({ id: imp.id, companiesCreated: 2 });
  });

  it('createCompanies=false leaves rows naming a missing company unlinked, as before', async () => {
    const { client, api, acme } = await setUp();
    const imp = await importAndRun(api, file, { createCompanies: 'false' });
    expect(imp).toMatchObject({ createCompanies: false, created: 7, companiesCreated: 0 });
    expect(await countOf(client, 'companies')).toBe(2);
    const company = await companyOf(client);
    expect([company.get('Ann'), company.get('Bob'), company.get('Eve'), company.get('Fay')]).toEqual(['Acme', null, null, 'Globex']);
    expect((await listAll(client, 'contacts')).find((c: any) => c.firstName === 'Ann').companyId).toBe(acme.id);
  });

  it('a dry run creates nothing but reports the count; the real run after it makes them', async () => {
    const { client, api } = await setUp();
    const dry = await importAndRun(api, file, { dryRun: 'true' });
    expect(dry).toMatchObject({ dryRun: true, created: 7, companiesCreated: 2, errorCount: 1 });
    expect(dry.errors.map((e: any) => e.line)).toEqual([9]);
    expect(await countOf(client, 'companies')).toBe(2);
    expect(await countOf(client, 'companies', { trash: true })).toBe(0);
    expect(await auditEvents(client, { objectType: 'companies', action: 'created' })).toHaveLength(2);
    expect((await client.get('/api/v1/search?q=hooli')).body.data).toHaveLength(0);

    const rerun = await api.post(`/api/v1/imports/${dry.id}/rerun`, { dryRun: false });
    expect(rerun.status).toBe(202);
    await runJobs();
    expect((await api.get(`/api/v1/imports/${rerun.body.id}`)).body).toMatchObject({ dryRun: false, createCompanies: true, companiesCreated: 2, created: 7 });
    expect(await countOf(client, 'companies')).toBe(4);

    // The option carries over to the real run.
    const off = await setUp();
    const dryOff = await importAndRun(off.api, file, { dryRun: 'true', createCompanies: 'false' });
    expect(dryOff).toMatchObject({ createCompanies: false, companiesCreated: 0 });
    const real = await off.api.post(`/api/v1/imports/${dryOff.id}/rerun`, { dryRun: false });
    await runJobs();
    expect((await off.api.get(`/api/v1/imports/${real.body.id}`)).body).toMatchObject({ createCompanies: false, companiesCreated: 0 });
    expect(await countOf(off.client, 'companies')).toBe(2);
  });

  it('revert trashes the contacts and then the companies the import created, and nothing that was there before', async () => {
    const { client, api, acme, kept } = await setUp();
    // Updating an existing contact also links it to a new company; the revert unlinks it again.
    const imp = await importAndRun(api, `${file}\nKept,kept@co.example,Umbrella\n`.replace('Kept,kept@co.example,Skipco\n', ''), { dedup: 'update' });
    expect(imp).toMatchObject({ created: 7, updated: 1, companiesCreated: 3 });
    expect((await client.get(`/api/v1/contacts/${kept.id}`)).body.company).toMatchObject({ name: 'Umbrella' });
    expect(await countOf(client, 'companies')).toBe(5);

    const res = await api.post(`/api/v1/imports/${imp.id}/revert`);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ status: 'reverted', removed: 7, restored: 1, companiesRemoved: 3, companiesCreated: 3 });
    expect(await countOf(client, 'contacts')).toBe(1);
    expect((await client.get(`/api/v1/contacts/${kept.id}`)).body).toMatchObject({ companyId: null, firstName: 'Kept' });
    expect((await listAll(client, 'companies')).map((c: any) => c.name).sort()).toEqual(['Acme', 'Globex']);
    expect((await listAll(client, 'companies', { trash: true })).map((c: any) => c.name).sort()).toEqual(['Hooli', 'Initech', 'Umbrella']);
    expect((await client.get(`/api/v1/companies/${acme.id}`)).body.deletedAt).toBeNull();
    expect(await auditEvents(client, { objectType: 'companies', action: 'deleted' })).toHaveLength(3);
    expect((await client.get('/api/v1/search?q=hooli')).body.data).toHaveLength(0);
  });

  it('a vCard whose card carries ORG creates the company', async () => {
    const { client, api } = await workspace();
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Vera Card', 'N:Card;Vera;;;', 'ORG:Vandelay Industries;Imports', 'EMAIL:vera@vandelay.example', 'END:VCARD', ''].join('\r\n');
    const imp = await importAndRun(api, card, {}, 'text/vcard');
    expect(imp).toMatchObject({ created: 1, companiesCreated: 1, format: { kind: 'vcard' } });
    const [contact] = await listAll(client, 'contacts');
    expect(contact.company).toMatchObject({ name: 'Vandelay Industries' });
  });

  it('a company the service or the schema refuses turns the rows naming it into bad rows; the others import', async () => {
    const { client, api } = await workspace();
    await createField(client, { objectType: 'companies', key: 'tier', label: 'Tier', type: 'text', required: true });
    await createCompany(client, { name: 'Here', custom: { tier: 'gold' } });
    const long = 'L'.repeat(250);
    const imp = await importAndRun(api, ['First Name,Email,Company', 'Ann,ann@r.example,Nowhere', 'Bob,bob@r.example,here', `Cat,cat@r.example,${long}`, 'Dan,dan@r.example,NOWHERE', 'Eve,eve@r.example,'].join('\n'));
    expect(imp).toMatchObject({ created: 2, errorCount: 3, companiesCreated: 0 });
    expect(imp.errors.map((e: any) => [e.line, e.message])).toEqual([
      [2, 'companyName: company "Nowhere" cannot be created (custom.tier: is required)'],
      [4, expect.stringMatching(/^companyName: company "L+" cannot be created \(name: .*200/)],
      [5, 'companyName: company "Nowhere" cannot be created (custom.tier: is required)'],
    ]);
    expect((await companyOf(client)).get('Bob')).toBe('Here');
    expect(await countOf(client, 'companies')).toBe(1);
  });

  it('across chunks: a company made by one chunk is found by the next; a dry run counts it once', async () => {
    const { client, workspaceId } = await workspace();
    const lines = ['First Name,Email,Company'];
    for (let i = 1; i <= 1_200; i++) lines.push(`P${i},p${i}@chunks.example,${i === 1 || i === 1_100 ? 'Spread Co' : i === 900 ? 'Late Co' : ''}`);
    const ctx = systemCtx(workspaceId);
    for (const dryRun of [true, false]) {
      const started = await h.services.imports.start(ctx, { objectType: 'contacts', content: Buffer.from(lines.join('\n')), fileName: 'big.csv', dryRun, enqueue: false });
      const seen: number[] = [];
      await runImport(h.services.scoped, workspaceId, started.id, { chunkBudgetMs: 600_000, onProgress: (done) => seen.push(done) });
      expect(seen).toEqual([0, 500, 1_200]);
      expect(await h.services.imports.get(ctx, started.id)).toMatchObject({ dryRun, created: 1_200, companiesCreated: 2, rowsDone: 1_200 });
    }
    const companies = await listAll(client, 'companies');
    expect(companies.map((c: any) => c.name).sort()).toEqual(['Late Co', 'Spread Co']);
    const spread = companies.find((c: any) => c.name === 'Spread Co').id;
    const linked = await listAll(client, 'contacts', { filter: { field: 'companyId', op: 'eq', value: spread } });
    expect(linked.map((c: any) => c.firstName).sort()).toEqual(['P1', 'P1100']);
  });

  it('the CLI creates companies unless told --no-create-companies', async () => {
    const { client, workspaceId } = await setUp();
    const path = `${await import('node:os').then((os) => os.tmpdir())}/companies-${workspaceId}.csv`;
    await import('node:fs/promises').then((fs) => fs.writeFile(path, file));
    // The command reports on stdout; the test reads what it returns.
    const [log, write] = [console.log, process.stdout.write];
    console.log = () => {};
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      const off = await importFile(h.services, workspaceId, 'contacts', path, { createCompanies: false, progress: false });
      expect(off).toMatchObject({ createCompanies: false, companiesCreated: 0, created: 7 });
      expect(await countOf(client, 'companies')).toBe(2);
      const on = await importFile(h.services, workspaceId, 'contacts', path, { dedup: 'update', progress: false });
      // Updating, the row of the contact that was here (skipped before) names one more.
      expect(on).toMatchObject({ createCompanies: true, companiesCreated: 3, updated: 8 });
    } finally {
      [console.log, process.stdout.write] = [log, write];
    }
    expect((await companyOf(client)).get('Dan')).toBe('Initech');
  });
});

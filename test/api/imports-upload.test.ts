import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, expectProblem, expectStatus, listAll } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, createApiKey, signUp, startHarness } from '../support/harness';
import { memoryLog, testRunnerOptions } from '../support/interactions';

describe.each(await testDialects())('import uploads, rerun and the list of imports on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const runJobs = () => h.services.createJobRunner(memoryLog().log, testRunnerOptions).runDue();
  const auth = (api: Client) => `Bearer ${(api as any).apiKey}`;

  async function workspace() {
    const { client } = await signUp(h.app);
    return { client, api: await createApiKey(client, 'admin') };
  }

  async function post(api: Client, url: string, payload: Buffer, contentType: string) {
    const res = await h.app.inject({ method: 'POST', url, headers: { authorization: auth(api), 'content-type': contentType }, payload });
    return { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) };
  }

  it('takes the file part of a form, with fields around it, and keeps its name', async () => {
    const { client, api } = await workspace();
    const boundary = '----rapportBoundary7MA4YWxkTrZu0gW';
    const csv = 'Email,First Name,Last Name\r\nann@form.example,Ann,Lee\r\nbob@form.example,Bob,Ray\r\n';
    const form = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="note"',
        '',
        'before the file',
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="people.csv"',
        'Content-Type: text/csv',
        '',
        csv,
        `--${boundary}`,
        'Content-Disposition: form-data; name="after"',
        '',
        'x',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const started = await post(api, '/api/v1/imports?objectType=contacts', form, `multipart/form-data; boundary=${boundary}`);
    expect(started.status).toBe(202);
    expect(started.body.fileName).toBe('people.csv');
    await runJobs();
    const done = (await api.get(`/api/v1/imports/${started.body.id}`)).body;
    expect(done).toMatchObject({ status: 'done', created: 2, errorCount: 0 });
    // The CSV ends with its own line break: the part's bytes end exactly before the boundary.
    expect((await listAll(client, 'contacts')).map((c: any) => c.fullName).sort()).toEqual(['Ann Lee', 'Bob Ray']);

    const empty = await post(api, '/api/v1/imports?objectType=contacts', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--${boundary}--\r\n`), `multipart/form-data; boundary=${boundary}`);
    expectProblem(empty, 400, 'validation_failed', 'file');
  });

  it('stores a file of several pieces and reads rows that straddle them', async () => {
    const { client, api } = await workspace();
    // Three rows of ~600 KB each: the 1 MB pieces split rows in the middle.
    const blob = (c: string) => c.repeat(600 * 1024);
    const csv = `Email,First Name,Ballast\nx1@pieces.example,One,${blob('a')}\nx2@pieces.example,Zoë,${blob('é')}\nx3@pieces.example,Three,${blob('c')}\n`;
    const started = await post(api, '/api/v1/imports?objectType=contacts', Buffer.from(csv, 'utf8'), 'text/csv');
    expect(started.status).toBe(202);
    await runJobs();
    const done = (await api.get(`/api/v1/imports/${started.body.id}`)).body;
    expect(done).toMatchObject({ status: 'done', created: 3, rowsTotal: 3, errorCount: 0 });
    expect((await listAll(client, 'contacts')).map((c: any) => c.firstName).sort()).toEqual(['One', 'Three', 'Zoë']);
  });

  it('runs a dry run for real with a fixed mapping, and lists imports newest first', async () => {
    const { client, api } = await workspace();
    const csv = 'E-Mail,Vorname,Position\nkai@rerun.example,Kai,CTO\nbad,Bad,\n';
    const dry = await post(api, '/api/v1/imports?objectType=contacts&dryRun=true', Buffer.from(csv), 'text/csv');
    await runJobs();
    expect((await api.get(`/api/v1/imports/${dry.body.id}`)).body).toMatchObject({ dryRun: true, created: 1, errorCount: 1 });
    expect(await countOf(client, 'contacts')).toBe(0);

    const unknown = await api.post(`/api/v1/imports/${dry.body.id}/rerun`, { mapping: { Nope: 'email' } });
    expectProblem(unknown, 400, 'validation_failed', 'mapping');

    const real = await api.post(`/api/v1/imports/${dry.body.id}/rerun`, { mapping: { 'E-Mail': 'email', Vorname: 'firstName', Position: 'title' }, saveMappingAs: 'German' });
    expectStatus(real, 202);
    expect(real.body).toMatchObject({ dryRun: false, status: 'queued' });
    await runJobs();
    expect((await api.get(`/api/v1/imports/${real.body.id}`)).body).toMatchObject({ status: 'done', created: 1, errorCount: 1 });
    expect((await listAll(client, 'contacts'))[0]).toMatchObject({ firstName: 'Kai', title: 'CTO' });
    expect((await api.get('/api/v1/imports/mappings/contacts')).body.data.map((m: any) => m.name)).toEqual(['German']);

    const list = await api.get('/api/v1/imports?objectType=contacts');
    expectStatus(list, 200);
    expect(list.body.data.map((i: any) => [i.id, i.dryRun])).toEqual([
      [real.body.id, false],
      [dry.body.id, true],
    ]);
    expect((await api.get('/api/v1/imports?objectType=companies')).body.data).toEqual([]);

    // The bad rows page by page, and the stored file previewed again for a new mapping.
    const bad = await api.get(`/api/v1/imports/${dry.body.id}/errors?limit=1`);
    expectStatus(bad, 200);
    expect(bad.body).toEqual({ data: [{ line: 3, message: 'email: "bad" is not an email address', values: { 'E-Mail': 'bad', Vorname: 'Bad', Position: '' } }], nextAfter: 3 });
    expect((await api.get(`/api/v1/imports/${dry.body.id}/errors?after=3`)).body).toEqual({ data: [], nextAfter: null });
    const again = await api.get(`/api/v1/imports/${dry.body.id}/preview`);
    expectStatus(again, 200);
    expect(again.body).toMatchObject({ headers: ['E-Mail', 'Vorname', 'Position'], format: { delimiter: ',' }, sample: [{ 'E-Mail': 'kai@rerun.example' }, { Vorname: 'Bad' }] });
    expect(again.body.saved.map((m: any) => m.name)).toEqual(['German']);
    expect((await api.post('/api/v1/imports/00000000-0000-4000-8000-000000000000/rerun', {})).status).toBe(404);
    // Another workspace sees none of it.
    const other = await workspace();
    expect((await other.api.get('/api/v1/imports')).body.data).toEqual([]);
    expect((await other.api.post(`/api/v1/imports/${dry.body.id}/rerun`, {})).status).toBe(404);
  });

  it('previews the columns, a few rows, the suggested mapping and the fields to map to', async () => {
    const { api } = await workspace();
    const res = await post(api, '/api/v1/imports/preview?objectType=contacts', Buffer.from('First Name\tEmail\tFoo\nAnn\tann@p.example\tx\n'), 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: { encoding: 'utf8', delimiter: '\t' }, headers: ['First Name', 'Email', 'Foo'], mapping: { 'First Name': 'firstName', Email: 'email' }, sample: [{ 'First Name': 'Ann', Email: 'ann@p.example', Foo: 'x' }] });
    expect(res.body.targets).toContainEqual({ key: 'email', label: 'Email' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { App } from '../../src/server/http/types';
import { systemCtx } from '../../src/server/platform/context';
import { scanStep } from '../../src/server/modules/duplicates/duplicate-scan';
import type { Services } from '../../src/server/services';
import { createApiKey, signUp } from '../support/harness';
import { createContact, expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases';
import { memoryLog, testRunnerOptions } from '../support/interactions';

// Small numbers stand in for the real ones (2,000 and 5,000): a backlog above the limit goes to
// the job, which then needs several batches.
const INLINE_LIMIT = 50;
const BATCH = 20;

type Group = { reasons: { kind: string; value: string }[]; records: { id: string }[] };
type Page = { data: Group[]; nextCursor: string | null; scan: { status: 'current' } | { status: 'scanning'; done: number; total: number } };

const idSets = (groups: Group[]) => groups.map((g) => g.records.map((r) => r.id).sort().join(',')).sort();
const set = (...ids: string[]) => [...ids].sort().join(',');

describe.each(await testDialects())('the duplicate key scan on %s', (dialect) => {
  let db: TestDatabase;
  let app: App;
  let services: Services;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const config = loadConfig({}, { webRoot: '/nonexistent', logLevel: 'silent' });
    ({ app, services } = await buildApp({ config, database: db.database, logger: false, signInLimit: 1000, duplicateScan: { inlineLimit: INLINE_LIMIT, batchSize: BATCH } }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const runJobs = () => services.createJobRunner(memoryLog().log, testRunnerOptions).runDue();

  async function duplicates(client: Client): Promise<Page> {
    const res = await client.get('/api/v1/contacts/duplicates?limit=100');
    expectStatus(res, 200);
    expect(res.body.nextCursor).toBeNull();
    return res.body;
  }

  async function scanJobs(client: Client): Promise<{ state: string; runAt: string; payload: { objectType: string } }[]> {
    const res = await client.get('/api/v1/jobs?type=duplicates.scan&limit=100');
    expectStatus(res, 200);
    return res.body.data;
  }

  /** `n` contacts in one bulk call (one timestamp: the scan's cursor goes by id within it), each with its own phone. */
  const phone = (i: number) => `+1415555${String(1000 + i)}`;
  async function bulk(client: Client, n: number, tag: string, extra: (i: number) => Record<string, unknown> = () => ({})) {
    const items = Array.from({ length: n }, (_, i) => ({ firstName: 'Bulk', lastName: `${tag}${i}`, phones: [{ phone: phone(i) }], ...extra(i) }));
    const res = await client.post('/api/v1/contacts/bulk', { items });
    expectStatus(res, 201);
    return res.body.data as { id: string }[];
  }

  it('leaves a large backlog to one job and answers at once with the groups known so far', async () => {
    const { client } = await signUp(app);
    const anna = await createContact(client, { firstName: 'Anna', lastName: 'Berg', emails: [{ email: 'anna.berg@gmail.com' }] });
    const ann = await createContact(client, { firstName: 'Ann', lastName: 'Lind', emails: [{ email: 'annaberg+crm@gmail.com' }] });
    // A small backlog is keyed in the request: a duplicate just made shows at once.
    const first = await duplicates(client);
    expect(first.scan).toEqual({ status: 'current' });
    expect(idSets(first.data)).toEqual([set(anna.id, ann.id)]);
    expect(await scanJobs(client)).toEqual([]);

    // Above the limit: the list does not scan, it queues the job (once) and says how far it is.
    const many = await bulk(client, INLINE_LIMIT + 20, 'big', (i) => (i === 60 ? { phones: [{ phone: phone(5) }] } : {}));
    const scanning = await duplicates(client);
    expect(scanning.scan).toMatchObject({ status: 'scanning', done: 0 });
    expect((scanning.scan as { total: number }).total).toBeGreaterThanOrEqual(INLINE_LIMIT + 20);
    expect(idSets(scanning.data)).toEqual([set(anna.id, ann.id)]);
    expect((await duplicates(client)).scan.status).toBe('scanning');
    expect(await scanJobs(client)).toMatchObject([{ state: 'pending', payload: { objectType: 'contacts' } }]);

    // The worker runs it, several batches in all; then the list is current and has the new group.
    await runJobs();
    expect(await scanJobs(client)).toMatchObject([{ state: 'done' }]);
    const after = await duplicates(client);
    expect(after.scan).toEqual({ status: 'current' });
    expect(idSets(after.data)).toEqual([set(anna.id, ann.id), set(many[5].id, many[60].id)].sort());
    // The records stamped just before the scan began are read again, by one job once nothing
    // stamped then can still be committing: not in the request, and not now.
    expect((await duplicates(client)).scan).toEqual({ status: 'current' });
    const jobs = await scanJobs(client);
    expect(jobs.map((j) => j.state).sort()).toEqual(['done', 'pending']);
    const later = Date.parse(jobs.find((j) => j.state === 'pending')!.runAt) - Date.now();
    expect(later).toBeGreaterThan(20_000);
    expect(later).toBeLessThanOrEqual(30_000);
  });

  it('resumes after its last committed batch, and finds records changed during and after the scan', async () => {
    const { client, workspaceId } = await signUp(app);
    // The oldest two share an email: the first batch keys them.
    const early = await createContact(client, { firstName: 'Early', lastName: 'Bird', phones: [{ phone: '+442079460000' }] });
    const partner = await createContact(client, { firstName: 'Other', lastName: 'Bird', phones: [{ phone: '+44 20 7946 0000' }] });
    await new Promise((r) => setTimeout(r, 5));
    const rest = await bulk(client, INLINE_LIMIT + 20, 'rest');
    const latest = rest[rest.length - 1];

    expect((await duplicates(client)).scan).toEqual({ status: 'scanning', done: 0, total: INLINE_LIMIT + 22 });
    // A worker got through one batch before it died.
    expect(await scanStep(services.scoped(systemCtx(workspaceId)), 'contacts', BATCH)).toBe(false);
    const partial = await duplicates(client);
    expect(partial.scan).toEqual({ status: 'scanning', done: BATCH, total: INLINE_LIMIT + 22 });
    expect(idSets(partial.data)).toEqual([set(early.id, partner.id)]);

    // During the scan: an already keyed record takes the phone of one not keyed yet.
    expectStatus(await client.patch(`/api/v1/contacts/${early.id}`, { phones: [{ phone: phone(rest.length - 1) }] }), 200);
    expect(await scanJobs(client)).toMatchObject([{ state: 'pending' }]);
    await runJobs();
    const done = await duplicates(client);
    expect(done.scan).toEqual({ status: 'current' });
    // Its new key is found and its old one is gone.
    expect(idSets(done.data)).toEqual([set(early.id, latest.id)]);

    // After the scan: a change is picked up by the next list, without a job.
    expectStatus(await client.patch(`/api/v1/contacts/${partner.id}`, { phones: [{ phone: phone(3) }] }), 200);
    const next = await duplicates(client);
    expect(next.scan).toEqual({ status: 'current' });
    expect(idSets(next.data)).toEqual([set(early.id, latest.id), set(partner.id, rest[3].id)].sort());
    expect((await scanJobs(client)).map((j) => j.state).sort()).toEqual(['done', 'pending']);
  });

  it('queues the scan when an import has finished', async () => {
    const { client } = await signUp(app);
    const api = await createApiKey(client, 'admin');
    const csv = 'First Name,Last Name,Phone\nAnn,Lee,+14155550777\nAnna,Lee,+1 415 555 0777\n';
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/imports?objectType=contacts',
      headers: { authorization: `Bearer ${(api as any).apiKey}`, 'content-type': 'text/csv' },
      payload: Buffer.from(csv, 'utf8'),
    });
    expect(res.statusCode).toBe(202);
    await runJobs();
    const jobs = await scanJobs(client);
    expect(jobs.map((j) => `${j.payload.objectType}:${j.state}`).sort()).toEqual(['companies:done', 'contacts:done']);
    // The keys are current: the list has nothing left to do.
    const page = await duplicates(client);
    expect(page.scan).toEqual({ status: 'current' });
    expect(page.data).toHaveLength(1);
  });
});

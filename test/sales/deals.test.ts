import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock';
import { auditEvents, createCompany, createContact, expectProblem, expectStatus, filterParam } from '../support/api';
import { testDialects } from '../support/databases';
import { addMember, signUp } from '../support/harness';
import { type SalesHarness, createDeal, defaultPipeline, ok, startSales } from './sales-support';

describe.each(await testDialects())('deals and pipelines on %s', (dialect) => {
  let h: SalesHarness;
  const clock = new ManualClock('2026-11-02T09:00:00.000Z');
  beforeAll(async () => {
    h = await startSales(dialect, clock);
  });
  afterAll(async () => h?.close());

  it('creates a default pipeline on first use; admins manage pipelines, members may not', async () => {
    const { client } = await signUp(h.app);
    const member = await addMember(h.app, client, 'member');
    const { pipeline } = await defaultPipeline(member.client);
    expect(pipeline.stages.map((s: any) => [s.name, s.probability, s.kind])).toEqual([
      ['Lead in', 10, 'open'],
      ['Qualified', 25, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
    // Asking again does not make a second one.
    expect((await ok(client.get('/api/v1/pipelines'))).data).toHaveLength(1);
    const body = { name: 'Renewals', stages: [{ name: 'Due', probability: 60 }, { name: 'Renewed', probability: 100, kind: 'won' }, { name: 'Churned', probability: 0, kind: 'lost' }] };
    expectProblem(await member.client.post('/api/v1/pipelines', body), 403, 'forbidden');
    const renewals = await ok(client.post('/api/v1/pipelines', body), 201);
    expect(renewals).toMatchObject({ name: 'Renewals', isDefault: false });
    expectProblem(await client.post('/api/v1/pipelines', { name: 'No open', stages: [{ name: 'Won', probability: 100, kind: 'won' }] }), 400, 'validation_failed', 'stages');
    // Reorder and rename a stage, keep ids; a stage with deals cannot be removed.
    const [due, renewed, churned] = renewals.stages;
    const deal = await createDeal(client, { name: 'Renewal A', pipelineId: renewals.id });
    expect(deal.stageId).toBe(due.id);
    expectProblem(await client.patch(`/api/v1/pipelines/${renewals.id}`, { stages: [{ id: renewed.id, name: 'Renewed', probability: 100, kind: 'won' }, { id: churned.id, name: 'Churned', probability: 0, kind: 'lost' }, { name: 'New', probability: 5 }] }), 409, 'conflict', 'stages');
    const changed = await ok(client.patch(`/api/v1/pipelines/${renewals.id}`, { stages: [{ id: due.id, name: 'Due soon', probability: 70 }, { id: renewed.id, name: 'Renewed', probability: 100, kind: 'won' }], isDefault: true }));
    expect(changed.stages.map((s: any) => [s.id, s.name, s.probability])).toEqual([[due.id, 'Due soon', 70], [renewed.id, 'Renewed', 100]]);
    expect(changed.isDefault).toBe(true);
    expect((await ok(client.get('/api/v1/pipelines'))).data.filter((p: any) => p.isDefault).map((p: any) => p.id)).toEqual([renewals.id]);
    expectProblem(await client.delete(`/api/v1/pipelines/${renewals.id}`), 409, 'conflict');
    expect((await auditEvents(client, { objectId: renewals.id })).map((e) => e.action)).toEqual(['updated', 'created']);
  });

  it('keeps deals as records: defaults, contacts, company, validation, trash and saved views', async () => {
    const { client } = await signUp(h.app);
    const co = await createCompany(client, { name: 'Initech' });
    const ann = await createContact(client, { firstName: 'Ann' });
    const { pipeline, stage } = await defaultPipeline(client);
    const deal = await createDeal(client, { name: ' Big one ', amount: 1234567, currency: 'EUR', companyId: co.id, contactIds: [ann.id], closeDate: '2026-12-15' });
    expect(deal).toMatchObject({
      name: 'Big one',
      amount: 1234567,
      currency: 'EUR',
      pipelineId: pipeline.id,
      stageId: stage('Lead in'),
      stage: { name: 'Lead in', probability: 10, kind: 'open' },
      company: { id: co.id, name: 'Initech' },
      contactIds: [ann.id],
      closedAt: null,
      version: 1,
    });
    expectProblem(await client.post('/api/v1/deals', { name: 'x', amount: 1.5 }), 400, 'validation_failed', 'amount');
    expectProblem(await client.post('/api/v1/deals', { name: 'x', currency: 'euro' }), 400, 'validation_failed', 'currency');
    expectProblem(await client.post('/api/v1/deals', { name: 'x', contactIds: ['01900000-0000-7000-8000-000000000000'] }), 400, 'validation_failed', 'contactIds.0');
    expectProblem(await client.post('/api/v1/deals', { name: 'x', stageId: '01900000-0000-7000-8000-000000000000' }), 400, 'validation_failed', 'stageId');
    expectProblem(await client.post('/api/v1/deals', { name: 'x', lostReason: 'price' }), 400, 'validation_failed', 'lostReason');

    // Filter language, custom fields and saved views work on deals as on contacts.
    expectStatus(await client.post('/api/v1/custom-fields', { objectType: 'deals', key: 'segment', label: 'Segment', type: 'select', choices: ['smb', 'ent'] }), 201);
    await createDeal(client, { name: 'Small one', amount: 500, currency: 'EUR', custom: { segment: 'smb' } });
    const q = await ok(client.post('/api/v1/deals/query', { filter: { and: [{ field: 'custom.segment', op: 'eq', value: 'smb' }, { field: 'stageKind', op: 'eq', value: 'open' }] }, count: true }));
    expect(q.data.map((d: any) => d.name)).toEqual(['Small one']);
    expect(q.total).toBe(1);
    const sorted = await ok(client.get(`/api/v1/deals?sort=-amount&filter=${filterParam({ field: 'contactIds', op: 'contains', value: ann.id })}`));
    expect(sorted.data.map((d: any) => d.name)).toEqual(['Big one']);
    expectStatus(await client.post('/api/v1/views', { objectType: 'deals', name: 'SMB', filter: { field: 'custom.segment', op: 'eq', value: 'smb' }, sort: [{ field: 'amount', direction: 'desc' }], columns: ['name', 'amount', 'probability'] }), 201);
    expect((await ok(client.get('/api/v1/views?objectType=deals'))).data.map((v: any) => v.name)).toEqual(['SMB']);

    expect((await client.delete(`/api/v1/deals/${deal.id}`)).status).toBe(204);
    expect((await ok(client.get('/api/v1/deals?trash=true'))).data.map((d: any) => d.id)).toEqual([deal.id]);
    expect((await ok(client.post(`/api/v1/deals/${deal.id}/restore`))).deletedAt).toBeNull();
  });

  it('puts the deals of one bulk call at the end of their columns, in the order given', async () => {
    const { client } = await signUp(h.app);
    const { pipeline, stage } = await defaultPipeline(client);
    await createDeal(client, { name: 'First', amount: 1, currency: 'EUR', stageId: stage('Qualified') });
    const items = ['P1', 'Q1', 'P2', 'Q2', 'Q3'].map((name) => ({ name, amount: 1, currency: 'EUR', stageId: stage(name.startsWith('Q') ? 'Qualified' : 'Proposal') }));
    expectStatus(await client.post('/api/v1/deals/bulk', { items }), 201);
    const board = await ok(client.get(`/api/v1/pipelines/${pipeline.id}/board`));
    const names = (s: string) => board.columns.find((x: any) => x.stage.name === s).deals.map((x: any) => x.name);
    expect(names('Qualified')).toEqual(['First', 'Q1', 'Q2', 'Q3']);
    expect(names('Proposal')).toEqual(['P1', 'P2']);
  });

  it('checks and writes a bulk call of deals as a whole: contacts, stages, history and positions', async () => {
    const { client } = await signUp(h.app);
    const { pipeline, stage } = await defaultPipeline(client);
    const ann = await createContact(client, { firstName: 'Ann' });
    const bob = await createContact(client, { firstName: 'Bob' });
    const missing = '01900000-0000-7000-8000-000000000000';
    // One bad contact and one bad stage among good items: the call names both and writes nothing.
    const bad = [
      { name: 'A', contactIds: [ann.id] },
      { name: 'B', contactIds: [bob.id, missing] },
      { name: 'C', stageId: missing },
    ];
    const refused = await client.post('/api/v1/deals/bulk', { items: bad });
    expectProblem(refused, 400, 'validation_failed', 'items.1.contactIds.1');
    expect(refused.body.errors.map((e: any) => e.field)).toEqual(['items.1.contactIds.1', 'items.2.stageId']);
    expect((await ok(client.get('/api/v1/deals'))).data).toEqual([]);

    clock.set('2026-11-10T09:00:00.000Z');
    const items = [
      { name: 'A', contactIds: [ann.id] },
      { name: 'B', contactIds: [ann.id, bob.id], stageId: stage('Proposal') },
      { name: 'C', pipelineId: pipeline.id },
      { name: 'D', stageId: stage('Proposal') },
    ];
    const created = await ok(client.post('/api/v1/deals/bulk', { items }), 201);
    expect(created.data.map((d: any) => [d.name, d.stage.name, d.contactIds.length])).toEqual([
      ['A', 'Lead in', 1],
      ['B', 'Proposal', 2],
      ['C', 'Lead in', 0],
      ['D', 'Proposal', 0],
    ]);
    const [a, b, c, d] = created.data;

    // A bulk update moves three deals: each leaves its stage once and enters the new one at its end.
    clock.set('2026-11-11T09:00:00.000Z');
    const moves = [
      { id: a.id, changes: { stageId: stage('Proposal') } },
      { id: b.id, changes: { stageId: stage('Won') } },
      { id: c.id, changes: { name: 'C2' } },
      { id: d.id, changes: { stageId: stage('Lead in') } },
    ];
    expectStatus(await client.patch('/api/v1/deals/bulk', { items: moves }), 200);
    const history = async (id: string) => (await ok(client.get(`/api/v1/deals/${id}/stage-history`))).data.map((i: any) => [i.stageName, i.enteredAt, i.leftAt]);
    expect(await history(a.id)).toEqual([
      ['Lead in', '2026-11-10T09:00:00.000Z', '2026-11-11T09:00:00.000Z'],
      ['Proposal', '2026-11-11T09:00:00.000Z', null],
    ]);
    expect(await history(b.id)).toEqual([
      ['Proposal', '2026-11-10T09:00:00.000Z', '2026-11-11T09:00:00.000Z'],
      ['Won', '2026-11-11T09:00:00.000Z', null],
    ]);
    expect(await history(c.id)).toEqual([['Lead in', '2026-11-10T09:00:00.000Z', null]]);
    const board = await ok(client.get(`/api/v1/pipelines/${pipeline.id}/board`));
    const names = (s: string) => board.columns.find((x: any) => x.stage.name === s).deals.map((x: any) => x.name);
    expect(names('Lead in')).toEqual(['C2', 'D']);
    expect(names('Proposal')).toEqual(['A']);
    expect(names('Won')).toEqual(['B']);
  });

  it('shows a board with per-column totals (count, amount, weighted) and moves cards', async () => {
    const { client } = await signUp(h.app);
    const other = await addMember(h.app, client, 'manager');
    const { pipeline, stage } = await defaultPipeline(client);
    const mk = (name: string, amount: number, currency: string, s: string, ownerId?: string) => createDeal(client, { name, amount, currency, stageId: stage(s), ...(ownerId ? { ownerId } : {}) });
    const a = await mk('A', 10001, 'EUR', 'Qualified'); // 25% → 2500.25
    const b = await mk('B', 10003, 'EUR', 'Qualified'); // 25% → 2500.75; Σ 5001 exact
    const c = await mk('C', 99999, 'USD', 'Qualified', other.userId); // 25% → 24999.75
    await mk('D', 333, 'EUR', 'Proposal'); // 50% → 166.5
    await mk('E', 5000, 'EUR', 'Won');

    const board = await ok(client.get(`/api/v1/pipelines/${pipeline.id}/board`));
    const col = (name: string) => board.columns.find((x: any) => x.stage.name === name);
    expect(board.columns.map((x: any) => x.stage.name)).toEqual(['Lead in', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    expect(col('Qualified').count).toBe(3);
    expect(col('Qualified').totals).toEqual([
      { currency: 'EUR', count: 2, amount: 20004, weightedAmount: 5001 },
      { currency: 'USD', count: 1, amount: 99999, weightedAmount: 25000 },
    ]);
    expect(col('Proposal').totals).toEqual([{ currency: 'EUR', count: 1, amount: 333, weightedAmount: 167 }]);
    expect(col('Won').totals).toEqual([{ currency: 'EUR', count: 1, amount: 5000, weightedAmount: 5000 }]);
    expect(col('Lead in')).toMatchObject({ count: 0, totals: [], deals: [] });
    expect(col('Qualified').deals.map((x: any) => x.name)).toEqual(['A', 'B', 'C']);

    // Owner filter and the filter language narrow cards and totals alike.
    const mine = await ok(client.get(`/api/v1/pipelines/${pipeline.id}/board?ownerId=${other.userId}`));
    expect(mine.columns.find((x: any) => x.stage.name === 'Qualified').totals).toEqual([{ currency: 'USD', count: 1, amount: 99999, weightedAmount: 25000 }]);
    const big = await ok(client.get(`/api/v1/pipelines/${pipeline.id}/board?filter=${filterParam({ field: 'amount', op: 'gt', value: 10002 })}`));
    expect(big.columns.find((x: any) => x.stage.name === 'Qualified').deals.map((x: any) => x.name)).toEqual(['B', 'C']);

    // Pages of one column.
    const page1 = await ok(client.get(`/api/v1/pipelines/${pipeline.id}/board?stageId=${stage('Qualified')}&limit=2`));
    expect(page1.columns).toHaveLength(1);
    expect(page1.columns[0].deals.map((x: any) => x.name)).toEqual(['A', 'B']);
    const page2 = await ok(client.get(`/api/v1/pipelines/${pipeline.id}/board?stageId=${stage('Qualified')}&limit=2&cursor=${page1.columns[0].nextCursor}`));
    expect(page2.columns[0].deals.map((x: any) => x.name)).toEqual(['C']);
    expect(page2.columns[0].nextCursor).toBeNull();

    // Drag C to the top of its column, then A between D and nothing in Proposal, then B to Proposal's top.
    await ok(client.post(`/api/v1/deals/${c.id}/move`, { stageId: stage('Qualified'), position: 0 }));
    const movedA = await ok(client.post(`/api/v1/deals/${a.id}/move`, { stageId: stage('Proposal'), position: 1, version: a.version }));
    expect(movedA).toMatchObject({ stageId: stage('Proposal'), version: 2 });
    await ok(client.post(`/api/v1/deals/${b.id}/move`, { stageId: stage('Proposal'), position: 0 }));
    const after = await ok(client.get(`/api/v1/pipelines/${pipeline.id}/board`));
    const names = (s: string) => after.columns.find((x: any) => x.stage.name === s).deals.map((x: any) => x.name);
    expect(names('Qualified')).toEqual(['C']);
    expect(names('Proposal')).toEqual(['B', 'D', 'A']);
    expect(after.columns.find((x: any) => x.stage.name === 'Proposal').totals).toEqual([{ currency: 'EUR', count: 3, amount: 20337, weightedAmount: 10169 }]);
    // A stale version is refused and changes nothing.
    expectProblem(await client.post(`/api/v1/deals/${a.id}/move`, { stageId: stage('Won'), version: 1 }), 412, 'precondition_failed');
    expect((await ok(client.get(`/api/v1/deals/${a.id}`))).stageId).toBe(stage('Proposal'));
    // The move is a recorded change of the stage.
    const events = await auditEvents(client, { objectId: a.id });
    expect(events[0]).toMatchObject({ action: 'updated', changes: { stageId: { before: stage('Qualified'), after: stage('Proposal') } } });
  });

  it('keeps the stage history with the time spent in each stage; won and lost close the deal', async () => {
    const { client } = await signUp(h.app);
    const { stage } = await defaultPipeline(client);
    clock.set('2026-11-02T09:00:00.000Z');
    const deal = await createDeal(client, { name: 'Timed', amount: 100, currency: 'EUR' });
    clock.advance(3 * 86_400_000); // 3 days in Lead in
    await ok(client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Proposal') }));
    clock.advance(90 * 60_000); // 90 minutes in Proposal
    await ok(client.patch(`/api/v1/deals/${deal.id}`, { stageId: stage('Lead in') }));
    clock.advance(45_000); // 45 s back in Lead in
    const lost = await ok(client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Lost'), lostReason: 'Price' }));
    expect(lost).toMatchObject({ stage: { kind: 'lost' }, lostReason: 'Price', closedAt: '2026-11-05T10:30:45.000Z', closeDate: '2026-11-05' });
    clock.advance(10_000);
    const history = await ok(client.get(`/api/v1/deals/${deal.id}/stage-history`));
    expect(history.data.map((i: any) => [i.stageName, i.enteredAt, i.leftAt, i.seconds])).toEqual([
      ['Lead in', '2026-11-02T09:00:00.000Z', '2026-11-05T09:00:00.000Z', 259_200],
      ['Proposal', '2026-11-05T09:00:00.000Z', '2026-11-05T10:30:00.000Z', 5_400],
      ['Lead in', '2026-11-05T10:30:00.000Z', '2026-11-05T10:30:45.000Z', 45],
      ['Lost', '2026-11-05T10:30:45.000Z', null, 10],
    ]);
    expect(history.totals).toEqual([
      { stageId: stage('Lead in'), stageName: 'Lead in', seconds: 259_245 },
      { stageId: stage('Proposal'), stageName: 'Proposal', seconds: 5_400 },
      { stageId: stage('Lost'), stageName: 'Lost', seconds: 10 },
    ]);
    // Back to an open stage: reopened, the lost reason goes.
    const reopened = await ok(client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Negotiation') }));
    expect(reopened).toMatchObject({ closedAt: null, lostReason: null });
    // Won with a close date given keeps that date.
    const won = await ok(client.patch(`/api/v1/deals/${deal.id}`, { stageId: stage('Won'), closeDate: '2026-10-31' }));
    expect(won).toMatchObject({ closeDate: '2026-10-31', stage: { kind: 'won' } });
    expect(won.closedAt).not.toBeNull();
  });

  it('lets a member see and change only the deals they own; managers see all; viewers only read', async () => {
    const { client: owner } = await signUp(h.app);
    const member = await addMember(h.app, owner, 'member');
    const member2 = await addMember(h.app, owner, 'member');
    const manager = await addMember(h.app, owner, 'manager');
    const viewer = await addMember(h.app, owner, 'viewer');
    const { pipeline, stage } = await defaultPipeline(owner);
    const own = await createDeal(member.client, { name: 'Mine', amount: 100, currency: 'EUR' });
    expect(own.ownerId).toBe(member.userId);
    const theirs = await createDeal(owner, { name: 'Theirs', amount: 200, currency: 'EUR', ownerId: member2.userId });

    expect((await ok(member.client.get('/api/v1/deals?count=true'))).data.map((d: any) => d.name)).toEqual(['Mine']);
    expectProblem(await member.client.get(`/api/v1/deals/${theirs.id}`), 404, 'not_found');
    expectProblem(await member.client.patch(`/api/v1/deals/${theirs.id}`, { name: 'Taken' }), 404, 'not_found');
    expectProblem(await member.client.post(`/api/v1/deals/${theirs.id}/move`, { stageId: stage('Won') }), 404, 'not_found');
    expectProblem(await member.client.delete(`/api/v1/deals/${theirs.id}`), 404, 'not_found');
    expectProblem(await member.client.get(`/api/v1/deals/${theirs.id}/stage-history`), 404, 'not_found');
    expectProblem(await member.client.get(`/api/v1/deals/${theirs.id}/timeline`), 404, 'not_found');
    expectProblem(await member.client.get(`/api/v1/activities?objectType=deals&objectId=${theirs.id}`), 404, 'not_found');
    // HEAD runs the same handler: it must not tell a hidden deal's history from a missing one.
    expect((await member.client.request('HEAD', `/api/v1/deals/${theirs.id}/timeline`)).status).toBe(404);
    expect((await member.client.request('HEAD', `/api/v1/activities?objectType=deals&objectId=${theirs.id}`)).status).toBe(404);
    expect((await member.client.request('HEAD', `/api/v1/deals/${own.id}/timeline`)).status).toBe(200);
    expect((await ok(member.client.get(`/api/v1/deals/${own.id}/timeline`))).data.map((i: any) => i.type)).toEqual(['created']);
    expect((await ok(owner.get(`/api/v1/deals/${theirs.id}/timeline`))).data.map((i: any) => i.type)).toEqual(['created']);
    expectProblem(await member.client.patch('/api/v1/deals/bulk', { items: [{ id: theirs.id, changes: { name: 'x' } }] }), 404, 'not_found');
    expectProblem(await member.client.post('/api/v1/deals', { name: 'For someone', ownerId: member2.userId }), 403, 'forbidden');
    expectProblem(await member.client.patch(`/api/v1/deals/${own.id}`, { ownerId: member2.userId }), 403, 'forbidden');
    expect((await ok(member.client.patch(`/api/v1/deals/${own.id}`, { name: 'Mine, renamed' }))).name).toBe('Mine, renamed');
    const board = await ok(member.client.get(`/api/v1/pipelines/${pipeline.id}/board`));
    expect(board.columns.flatMap((c: any) => c.deals.map((d: any) => d.name))).toEqual(['Mine, renamed']);
    expect(board.columns[0].totals).toEqual([{ currency: 'EUR', count: 1, amount: 100, weightedAmount: 10 }]);
    // Nothing of the other deal changed.
    expect((await ok(owner.get(`/api/v1/deals/${theirs.id}`))).version).toBe(1);

    expect((await ok(manager.client.get('/api/v1/deals'))).data.map((d: any) => d.name).sort()).toEqual(['Mine, renamed', 'Theirs']);
    expect((await ok(manager.client.patch(`/api/v1/deals/${theirs.id}`, { ownerId: member.userId }))).ownerId).toBe(member.userId);
    expect((await ok(member.client.get(`/api/v1/deals/${theirs.id}`))).name).toBe('Theirs');

    expect((await ok(viewer.client.get('/api/v1/deals'))).data).toHaveLength(2);
    expectProblem(await viewer.client.post('/api/v1/deals', { name: 'Nope' }), 403, 'forbidden');
    expectProblem(await viewer.client.post(`/api/v1/deals/${own.id}/move`, { stageId: stage('Won') }), 403, 'forbidden');
  });
});

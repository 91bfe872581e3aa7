import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, createCompany, createContact, expectProblem, expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, addMember, signUp, startHarness } from '../support/harness';

const XSS = [
  '<p>Hello<script>alert(1)</script></p>',
  '<img src=x onerror="alert(2)">',
  '<a href="javascript:alert(3)">click</a>',
  '<a href=" JaVaScRiPt:alert(4)">again</a>',
  '<p onclick="alert(5)" style="x">styled</p>',
  '<iframe src="https://evil.example"></iframe><svg onload=alert(6)></svg>',
].join('');
const expectHarmless = (text: string) => expect(text.toLowerCase()).not.toMatch(/<script|onerror|onclick|onload|javascript:|<iframe|<svg|style=/);

async function timeline(client: Client, path: string, query = '') {
  const res = await client.get(`/api/v1/${path}/timeline${query}`);
  expectStatus(res, 200);
  return res.body as { data: any[]; nextCursor: string | null };
}

describe.each(await testDialects())('activities and timelines on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('logs each type of activity with its details, linked to several records', async () => {
    const { client } = await signUp(h.app);
    const company = await createCompany(client, { name: 'Initech' });
    const peter = await createContact(client, { firstName: 'Peter' });
    const links = [
      { objectType: 'contacts', id: peter.id },
      { objectType: 'companies', id: company.id },
    ];
    const inputs = [
      { type: 'email', subject: 'TPS reports', body: '<p>Did you get the memo?</p>', email: { direction: 'out', from: 'me@initech.example', to: ['peter@initech.example'], cc: [] } },
      { type: 'call', call: { direction: 'in', durationSeconds: 300, outcome: 'connected' } },
      { type: 'meeting', subject: 'Review', meeting: { startAt: '2030-01-10T09:00:00+01:00', endAt: '2030-01-10T10:00:00+01:00', attendees: [{ name: 'Bill', email: 'Bill@Initech.example' }], location: 'Room 1' } },
      { type: 'chat', body: 'hi there', chat: { channel: 'website' } },
      { type: 'social', social: { network: 'linkedin', handle: 'peter-g', direction: 'in' } },
      { type: 'note', body: '<p>Likes <strong>staplers</strong></p>' },
    ];
    for (const input of inputs) {
      const res = await client.post('/api/v1/activities', { ...input, links });
      expectStatus(res, 201);
      expect(res.body).toMatchObject({ type: input.type, links: expect.arrayContaining(links) });
      expect(res.headers.location).toBe(`/api/v1/activities/${res.body.id}`);
    }
    // The answer to a create is what a read gives back: links once each, in the order reads give.
    const [milton, bob] = [await createContact(client, { firstName: 'Milton' }), await createContact(client, { firstName: 'Bob' })];
    const twice = [milton, bob, milton].map((c) => ({ objectType: 'contacts', id: c.id }));
    const logged = await client.post('/api/v1/activities', { ...inputs[2], links: twice });
    expect(logged.body.links.map((l: any) => l.id)).toEqual([milton.id, bob.id].sort());
    expect(logged.body).toEqual((await client.get(`/api/v1/activities/${logged.body.id}`)).body);
    const meeting = (await client.get(`/api/v1/activities?objectType=contacts&objectId=${peter.id}&type=meeting`)).body.data[0];
    expect(meeting).toMatchObject({
      occurredAt: '2030-01-10T08:00:00.000Z',
      meeting: { startAt: '2030-01-10T08:00:00.000Z', endAt: '2030-01-10T09:00:00.000Z', attendees: [{ name: 'Bill', email: 'bill@initech.example' }], location: 'Room 1' },
    });
    const call = (await client.get(`/api/v1/activities?objectType=companies&objectId=${company.id}&type=call`)).body.data[0];
    expect(call.call).toEqual({ direction: 'in', durationSeconds: 300, outcome: 'connected' });
    expect(call.email).toBeUndefined();

    const patched = await client.patch(`/api/v1/activities/${call.id}`, { call: { direction: 'in', durationSeconds: 600 }, links: [links[0]] });
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({ call: { durationSeconds: 600 }, links: [links[0]] });
    expect((await client.get(`/api/v1/activities?objectType=companies&objectId=${company.id}&type=call`)).body.data).toEqual([]);
    expectStatus(await client.delete(`/api/v1/activities/${call.id}`), 204);
    expectProblem(await client.get(`/api/v1/activities/${call.id}`), 404, 'not_found');
    const events = await auditEvents(client, { objectType: 'activity', objectId: call.id });
    expect(events.map((e) => e.action)).toEqual(['deleted', 'updated', 'created']);
    expect(events[1].changes.call).toEqual({ before: { direction: 'in', durationSeconds: 300, outcome: 'connected' }, after: { direction: 'in', durationSeconds: 600 } });
  });

  it('refuses activities without their details, with details of another type, or linked to nothing real', async () => {
    const { client } = await signUp(h.app);
    const peter = await createContact(client, { firstName: 'Peter' });
    expectProblem(await client.post('/api/v1/activities', { type: 'call' }), 400, 'validation_failed', 'call');
    expectProblem(await client.post('/api/v1/activities', { type: 'note', body: 'x', call: { direction: 'in' } }), 400, 'validation_failed', 'call');
    expectProblem(await client.post('/api/v1/activities', { type: 'note' }), 400, 'validation_failed', 'body');
    expectProblem(await client.post('/api/v1/activities', { type: 'note', body: '<script>only()</script>' }), 400, 'validation_failed', 'body');
    expectProblem(await client.post('/api/v1/activities', { type: 'call', call: { direction: 'sideways' } }), 400, 'validation_failed', 'call.direction');
    expectProblem(
      await client.post('/api/v1/activities', { type: 'meeting', meeting: { startAt: '2030-01-10T10:00:00Z', endAt: '2030-01-10T09:00:00Z' } }),
      400,
      'validation_failed',
      'meeting.endAt',
    );
    const other = await signUp(h.app);
    const stranger = await createContact(other.client, { firstName: 'Elsewhere' });
    expectProblem(
      await client.post('/api/v1/activities', { type: 'note', body: 'x', links: [{ objectType: 'contacts', id: peter.id }, { objectType: 'contacts', id: stranger.id }] }),
      400,
      'validation_failed',
      'links.1.id',
    );
    const viewer = await addMember(h.app, client, 'viewer');
    expectProblem(await viewer.client.post('/api/v1/activities', { type: 'note', body: 'x' }), 403, 'forbidden');
    expectStatus(await viewer.client.get(`/api/v1/contacts/${peter.id}/timeline`), 200);
    expectProblem(await other.client.get(`/api/v1/contacts/${peter.id}/timeline`), 404, 'not_found');
    expect((await client.get('/api/v1/activities')).body.data).toEqual([]);
  });

  it('removes scripts, event handlers and javascript: links from notes and comments on write', async () => {
    const { client } = await signUp(h.app);
    const peter = await createContact(client, { firstName: 'Peter' });
    const note = await client.post('/api/v1/activities', { type: 'note', body: XSS, links: [{ objectType: 'contacts', id: peter.id }] });
    expectStatus(note, 201);
    expectHarmless(note.body.body);
    expect(note.body.body).toContain('<p>Hello</p>');
    expect(note.body.body).toContain('>click</a>');
    const email = await client.post('/api/v1/activities', { type: 'email', body: XSS, email: { direction: 'in', from: 'x@example.com' }, links: [{ objectType: 'contacts', id: peter.id }] });
    expectHarmless(email.body.body);
    const comment = await client.post('/api/v1/comments', { objectType: 'contacts', objectId: peter.id, body: XSS });
    expectStatus(comment, 201);
    expectHarmless(comment.body.body);
    const edited = await client.patch(`/api/v1/comments/${comment.body.id}`, { body: `${XSS}<p>edited</p>` });
    expectHarmless(edited.body.body);

    // What is stored is what was returned: no later read brings anything back.
    expectHarmless(JSON.stringify((await client.get(`/api/v1/activities/${note.body.id}`)).body));
    expectHarmless(JSON.stringify((await client.get(`/api/v1/comments?objectType=contacts&objectId=${peter.id}`)).body));
    expectHarmless(JSON.stringify(await timeline(client, `contacts/${peter.id}`, '?type=note,email,comment')));
    const stored = await h.db.database.db.selectFrom('activities').select('body').execute();
    const storedComments = await h.db.database.db.selectFrom('comments').select('body').execute();
    for (const r of [...stored, ...storedComments]) expectHarmless(String(r.body));
  });

  it('merges activities, comments and changes newest first, by page and by type', async () => {
    const { client } = await signUp(h.app);
    const company = await createCompany(client, { name: 'Initech' });
    const peter = await createContact(client, { firstName: 'Peter', companyId: company.id });
    const log = async (type: string, occurredAt: string, extra: Record<string, unknown>) => {
      const res = await client.post('/api/v1/activities', { type, occurredAt, links: [{ objectType: 'contacts', id: peter.id }], ...extra });
      expectStatus(res, 201);
      return res.body.id as string;
    };
    const email = await log('email', '2020-01-01T09:00:00Z', { email: { direction: 'in', from: 'peter@initech.example' } });
    const call = await log('call', '2020-01-03T09:00:00Z', { call: { direction: 'out' } });
    const future = await log('note', '2999-01-01T00:00:00Z', { body: 'far ahead' });
    const comment = (await client.post('/api/v1/comments', { objectType: 'contacts', objectId: peter.id, body: 'first comment' })).body.id;
    expectStatus(await client.patch(`/api/v1/contacts/${peter.id}`, { title: 'Engineer' }), 200);
    const later = (await client.post('/api/v1/comments', { objectType: 'contacts', objectId: peter.id, body: 'second comment' })).body.id;
    await log('note', '2020-01-02T09:00:00Z', { body: 'about the company only', links: [{ objectType: 'companies', id: company.id }] });

    const all = await timeline(client, `contacts/${peter.id}`);
    const created = all.data.find((i) => i.kind === 'event' && i.type === 'created');
    const updated = all.data.find((i) => i.kind === 'event' && i.type === 'updated');
    expect(all.data.map((i) => i.id)).toEqual([future, later, updated.id, comment, created.id, call, email]);
    expect(all.nextCursor).toBeNull();
    expect(updated.event.changes.title).toEqual({ before: null, after: 'Engineer' });
    expect(all.data[1]).toMatchObject({ kind: 'comment', type: 'comment', comment: { body: 'second comment', objectId: peter.id } });
    expect(all.data.at(-1)).toMatchObject({ kind: 'activity', type: 'email', at: '2020-01-01T09:00:00.000Z', activity: { email: { from: 'peter@initech.example' } } });

    for (const limit of [1, 2, 3]) {
      const walked: string[] = [];
      let cursor = '';
      for (let i = 0; i < 20; i++) {
        const page = await timeline(client, `contacts/${peter.id}`, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.data.length).toBeLessThanOrEqual(limit);
        walked.push(...page.data.map((d) => d.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(walked).toEqual(all.data.map((i) => i.id));
    }

    expect((await timeline(client, `contacts/${peter.id}`, '?type=call,comment')).data.map((i) => i.id)).toEqual([later, comment, call]);
    expect((await timeline(client, `contacts/${peter.id}`, '?type=event')).data.map((i) => i.type)).toEqual(['updated', 'created']);
    expect((await timeline(client, `contacts/${peter.id}`, '?type=meeting')).data).toEqual([]);
    expectProblem(await client.get(`/api/v1/contacts/${peter.id}/timeline?type=calls`), 400, 'validation_failed', 'querystring.type');
    expectProblem(await client.get(`/api/v1/contacts/${peter.id}/timeline?cursor=nonsense`), 400, 'invalid_cursor', 'cursor');
    expect((await timeline(client, `companies/${company.id}`, '?type=note,event')).data.map((i) => i.type)).toEqual(['created', 'note']);

    // A trashed contact keeps its history, and the trashing is part of it.
    expectStatus(await client.delete(`/api/v1/contacts/${peter.id}`), 204);
    expect((await timeline(client, `contacts/${peter.id}`, '?type=event&limit=1')).data[0]).toMatchObject({ kind: 'event', type: 'deleted' });
  });
});

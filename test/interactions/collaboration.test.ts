import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createContact, expectProblem, expectStatus } from '../support/api';
import { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, addMember, createApiKey, signUp, startHarness } from '../support/harness';
import { parseIcs, prop, unescapeText } from '../support/ics-check';

const mention = (name: string, id: string) => `@[${name}](user:${id})`;

describe.each(await testDialects())('comments, mentions, notifications and the calendar feed on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('notifies each member mentioned in a comment, but not its author, and newly mentioned ones on edit', async () => {
    const ann = await signUp(h.app, { name: 'Ann' });
    const bob = await addMember(h.app, ann.client, 'member');
    const cat = await addMember(h.app, ann.client, 'viewer');
    const dan = await addMember(h.app, ann.client, 'member');
    const peter = await createContact(ann.client, { firstName: 'Peter', lastName: 'Gibbons' });

    const body = `<p>${mention('Bob', bob.userId)} and ${mention('Cat', cat.userId)}, see this (cc ${mention('Ann', ann.userId)} ${mention('Bob', bob.userId)})</p>`;
    const created = await ann.client.post('/api/v1/comments', { objectType: 'contacts', objectId: peter.id, body });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ objectType: 'contacts', objectId: peter.id, authorId: ann.userId, body });
    expect([...created.body.mentions].sort()).toEqual([bob.userId, cat.userId, ann.userId].sort());

    for (const who of [bob, cat]) {
      const list = await who.client.get('/api/v1/notifications');
      expectStatus(list, 200);
      expect(list.body.unreadCount).toBe(1);
      expect(list.body.data).toEqual([
        expect.objectContaining({ type: 'mention', title: 'Ann mentioned you on Peter Gibbons', objectType: 'contacts', objectId: peter.id, actorId: ann.userId, readAt: null }),
      ]);
    }
    expect((await ann.client.get('/api/v1/notifications')).body.data).toEqual([]);
    expect((await dan.client.get('/api/v1/notifications/unread-count')).body).toEqual({ unreadCount: 0 });

    const edited = await ann.client.patch(`/api/v1/comments/${created.body.id}`, { body: `${body} ${mention('Dan', dan.userId)}` });
    expectStatus(edited, 200);
    expect((await dan.client.get('/api/v1/notifications/unread-count')).body).toEqual({ unreadCount: 1 });
    expect((await bob.client.get('/api/v1/notifications/unread-count')).body).toEqual({ unreadCount: 1 });

    // Only members can be mentioned; only the author edits; the author or an admin deletes.
    const outsider = await signUp(h.app);
    expectProblem(await ann.client.post('/api/v1/comments', { objectType: 'contacts', objectId: peter.id, body: mention('X', outsider.userId) }), 400, 'validation_failed', 'body');
    expectProblem(await ann.client.post('/api/v1/comments', { objectType: 'companies', objectId: peter.id, body: 'x' }), 400, 'validation_failed', 'objectId');
    expectProblem(await bob.client.patch(`/api/v1/comments/${created.body.id}`, { body: 'mine now' }), 403, 'forbidden');
    expectProblem(await cat.client.post('/api/v1/comments', { objectType: 'contacts', objectId: peter.id, body: 'viewers read' }), 403, 'forbidden');
    expectProblem(await bob.client.delete(`/api/v1/comments/${created.body.id}`), 403, 'forbidden');
    const list = await cat.client.get(`/api/v1/comments?objectType=contacts&objectId=${peter.id}`);
    expect(list.body.data.map((c: any) => c.id)).toEqual([created.body.id]);
    expectStatus(await ann.client.delete(`/api/v1/comments/${created.body.id}`), 204);
    expect((await cat.client.get(`/api/v1/comments?objectType=contacts&objectId=${peter.id}`)).body.data).toEqual([]);
  });

  it('lists notifications by page and marks one or all read, for their owner only', async () => {
    const ann = await signUp(h.app, { name: 'Ann' });
    const bob = await addMember(h.app, ann.client, 'member');
    const acme = await createCompany(ann.client, { name: 'Acme' });
    for (let i = 0; i < 5; i++) {
      expectStatus(await ann.client.post('/api/v1/comments', { objectType: 'companies', objectId: acme.id, body: `${i}: ${mention('Bob', bob.userId)}` }), 201);
    }
    const first = await bob.client.get('/api/v1/notifications?limit=2');
    expect(first.body).toMatchObject({ unreadCount: 5 });
    expect(first.body.data).toHaveLength(2);
    const second = await bob.client.get(`/api/v1/notifications?limit=10&cursor=${first.body.nextCursor}`);
    expect(second.body.data).toHaveLength(3);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.data, ...second.body.data].map((n: any) => n.id);
    expect(new Set(ids).size).toBe(5);

    expectProblem(await ann.client.post(`/api/v1/notifications/${ids[0]}/read`), 404, 'not_found');
    const read = await bob.client.post(`/api/v1/notifications/${ids[0]}/read`);
    expectStatus(read, 200);
    expect(read.body.readAt).not.toBeNull();
    expect((await bob.client.get('/api/v1/notifications?unread=true')).body).toMatchObject({ unreadCount: 4, data: expect.any(Array) });
    expect((await bob.client.get('/api/v1/notifications?unread=true')).body.data.map((n: any) => n.id)).not.toContain(ids[0]);
    expect((await bob.client.post('/api/v1/notifications/read-all')).body).toEqual({ updated: 4 });
    expect((await bob.client.get('/api/v1/notifications/unread-count')).body).toEqual({ unreadCount: 0 });
    expectProblem(await (await createApiKey(ann.client, 'member')).get('/api/v1/notifications'), 403, 'forbidden');
  });

  it('serves each person’s tasks and meetings as a valid iCalendar feed at a secret, rotatable address', async () => {
    const ann = await signUp(h.app, { name: 'Ann' });
    const bob = await addMember(h.app, ann.client, 'member');
    const bobEmail = bob.email.toUpperCase();
    const soon = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const longTitle = `Quote, revision; final\\really — ${'déjà vu '.repeat(12)}end`;
    expectStatus(await ann.client.post('/api/v1/tasks', { title: longTitle, description: 'Line one\nLine two', dueAt: soon(24), assigneeId: bob.userId }), 201);
    expectStatus(await ann.client.post('/api/v1/tasks', { title: 'Not Bob’s', dueAt: soon(24), assigneeId: ann.userId }), 201);
    expectStatus(await ann.client.post('/api/v1/tasks', { title: 'Done already', dueAt: soon(24), assigneeId: bob.userId, status: 'done' }), 201);
    const meeting = await ann.client.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'Kick-off',
      body: '<p>Agenda: <b>scope</b></p>',
      meeting: { startAt: soon(48), endAt: soon(49), attendees: [{ name: 'Bob', email: bobEmail }], location: 'Room 4, 2nd floor' },
    });
    expectStatus(meeting, 201);
    expectStatus(await ann.client.post('/api/v1/activities', { type: 'meeting', subject: 'Ann alone', meeting: { startAt: soon(50), endAt: soon(51) } }), 201);

    expect((await bob.client.get('/api/v1/calendar/feed')).body).toEqual({ active: false, createdAt: null });
    const feed = await bob.client.post('/api/v1/calendar/feed');
    expectStatus(feed, 201);
    const path = new URL(feed.body.url).pathname;
    expect(path).toMatch(/^\/api\/v1\/calendar\/cal_[\w-]+\.ics$/);
    expect((await bob.client.get('/api/v1/calendar/feed')).body.active).toBe(true);

    const anonymous = new Client(h.app);
    const res = await anonymous.get(path);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/calendar');
    const cal = parseIcs(res.body);
    expect(prop(cal, 'VERSION')).toBe('2.0');
    expect(prop(cal, 'PRODID')).toBeTruthy();
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    expect(events.map((e) => unescapeText(prop(e, 'SUMMARY')!)).sort()).toEqual(['Kick-off', `Task: ${longTitle}`].sort());
    for (const e of events) {
      expect(prop(e, 'UID')).toMatch(/@rapport$/);
      expect(prop(e, 'DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
      expect(prop(e, 'DTSTART')).toMatch(/^\d{8}T\d{6}Z$/);
      expect(prop(e, 'DTEND')! > prop(e, 'DTSTART')!).toBe(true);
    }
    const task = events.find((e) => prop(e, 'SUMMARY')!.startsWith('Task'))!;
    expect(unescapeText(prop(task, 'DESCRIPTION')!)).toBe('Line one\nLine two');
    const kickoff = events.find((e) => prop(e, 'SUMMARY') === 'Kick-off')!;
    expect(unescapeText(prop(kickoff, 'LOCATION')!)).toBe('Room 4, 2nd floor');
    expect(unescapeText(prop(kickoff, 'DESCRIPTION')!)).toBe('Agenda: scope');
    expect(new Set(events.map((e) => prop(e, 'UID'))).size).toBe(events.length);
    // Ann created the meeting: it is in her calendar too.
    const annFeed = await ann.client.post('/api/v1/calendar/feed');
    const annCal = parseIcs((await anonymous.get(new URL(annFeed.body.url).pathname)).body);
    expect(annCal.children.map((e) => prop(e, 'SUMMARY')).sort()).toEqual(['Ann alone', 'Kick-off', 'Task: Not Bob’s'].sort());

    const rotated = await bob.client.post('/api/v1/calendar/feed');
    expect(rotated.body.url).not.toBe(feed.body.url);
    expectProblem(await anonymous.get(path), 404, 'not_found');
    expect((await anonymous.get(new URL(rotated.body.url).pathname)).status).toBe(200);
    expectStatus(await bob.client.delete('/api/v1/calendar/feed'), 204);
    expectProblem(await anonymous.get(new URL(rotated.body.url).pathname), 404, 'not_found');
    expectProblem(await anonymous.get('/api/v1/calendar/feed'), 401, 'unauthenticated');
  });
});

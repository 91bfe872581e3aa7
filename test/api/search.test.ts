import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createContact, expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, signUp, startHarness } from '../support/harness';

describe.each(await testDialects())('search on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const titles = async (client: Client, q: string, extra = '') => {
    const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
    expectStatus(res, 200);
    return res.body.data.map((d: any) => d.title) as string[];
  };

  it('finds contacts and companies by name prefixes, email, phone digits and domain', async () => {
    const { client } = await signUp(h.app);
    const acme = await createCompany(client, { name: 'Acme Rockets', domain: 'acme-rockets.example', industry: 'Aerospace', phones: [{ phone: '+33 1 42 68 53 00' }] });
    await createCompany(client, { name: 'Globex', website: 'https://www.globex.example/about' });
    const ada = await createContact(client, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      title: 'Analyst',
      emails: [{ email: 'countess@engines.example' }],
      phones: [{ phone: '+1 (415) 555-2671' }],
      companyId: acme.id,
    });
    await createContact(client, { firstName: 'Charles', lastName: 'Babbage', emails: [{ email: 'charles@engines.example' }] });
    await createContact(client, { firstName: 'Grace', lastName: 'Hopper' });

    // Two and three letters are enough, in any case, anywhere in the name.
    expect(await titles(client, 'lo')).toEqual(['Ada Lovelace']);
    expect(await titles(client, 'LOV')).toEqual(['Ada Lovelace']);
    expect(await titles(client, 'ad')).toEqual(['Ada Lovelace']);
    expect(await titles(client, 'ba')).toEqual(['Charles Babbage']);
    expect(await titles(client, 'ada lov')).toEqual(['Ada Lovelace']);
    expect(await titles(client, 'ada hop')).toEqual([]);
    // Email: whole, local part, domain.
    expect(await titles(client, 'countess@engines.example')).toEqual(['Ada Lovelace']);
    expect(await titles(client, 'countess')).toEqual(['Ada Lovelace']);
    expect((await titles(client, 'engines.example')).sort()).toEqual(['Ada Lovelace', 'Charles Babbage']);
    // A whole address finds its holder only, not another person with the same local part, and a
    // partly typed domain narrows as it goes.
    await createContact(client, { firstName: 'Other', lastName: 'Countess', emails: [{ email: 'countess@mills.example' }] });
    expect(await titles(client, 'COUNTESS@mills.example')).toEqual(['Other Countess']);
    expect(await titles(client, 'countess@eng')).toEqual(['Ada Lovelace']);
    expect(await titles(client, 'countess@')).toHaveLength(2);
    // Phone: as stored, as digits, as people type it without the country code.
    expect(await titles(client, '+14155552671')).toEqual(['Ada Lovelace']);
    expect(await titles(client, '4155552671')).toEqual(['Ada Lovelace']);
    expect(await titles(client, '415 555 2671')).toEqual(['Ada Lovelace']);
    expect(await titles(client, '(415) 555-2671')).toEqual(['Ada Lovelace']);
    expect(await titles(client, '+1 415-555-2671')).toEqual(['Ada Lovelace']);
    expect(await titles(client, '142685300')).toEqual(['Acme Rockets']);
    // Company domain, and a domain taken from the website.
    expect(await titles(client, 'acme-rockets.example')).toEqual(['Acme Rockets']);
    expect(await titles(client, 'globex.example')).toEqual(['Globex']);
    expect(await titles(client, 'rock')).toEqual(['Acme Rockets']);
    // Characters with meaning to the engines are just characters.
    expect(await titles(client, '"ada* -(lov:')).toEqual(['Ada Lovelace']);
    expect(await titles(client, '***')).toEqual([]);
    expect(await titles(client, "'; drop table contacts; --")).toEqual([]);

    const hit = (await client.get('/api/v1/search?q=lovelace')).body.data[0];
    expect(hit).toMatchObject({ objectType: 'contacts', id: ada.id, title: 'Ada Lovelace', subtitle: 'Analyst · countess@engines.example' });
    expect(typeof hit.rank).toBe('number');
    const co = (await client.get('/api/v1/search?q=acme')).body.data[0];
    expect(co).toMatchObject({ objectType: 'companies', id: acme.id, subtitle: 'acme-rockets.example · Aerospace' });

    expect(await titles(client, 'engines', '&type=companies')).toEqual([]);
    expect((await titles(client, 'a', '&limit=1')).length).toBeLessThanOrEqual(1);
    expect((await titles(client, 'engines', '&type=contacts&limit=1')).length).toBe(1);
  });

  it('ranks a name match above a match elsewhere', async () => {
    const { client } = await signUp(h.app);
    // "Morgan" is one contact's surname and only the email of the other.
    await createContact(client, { firstName: 'Pat', lastName: 'Smith', emails: [{ email: 'morgan@mail.example' }] });
    await createContact(client, { firstName: 'Alex', lastName: 'Morgan' });
    const res = await client.get('/api/v1/search?q=morgan');
    expect(res.body.data.map((d: any) => d.title)).toEqual(['Alex Morgan', 'Pat Smith']);
    const [first, second] = res.body.data;
    expect(first.rank).toBeGreaterThan(second.rank);
  });

  it('answers a short prefix with names that begin with it when there are many, and finds later words when there are few', async () => {
    const { client } = await signUp(h.app);
    const items = Array.from({ length: 14 }, (_, i) => ({ firstName: `Dex${String.fromCharCode(97 + i)}`, lastName: 'Ng' }));
    items.push({ firstName: 'Zoe', lastName: 'Dexter' }, { firstName: 'Ann', lastName: 'Quill' }, { firstName: 'Bo', lastName: 'Quillon' });
    expectStatus(await client.post('/api/v1/contacts/bulk', { items }), 201);
    const many = await titles(client, 'de', '&limit=10');
    expect(many).toHaveLength(10);
    for (const t of many) expect(t.toLowerCase().startsWith('dex')).toBe(true);
    // Fewer names begin with "qu" than a page holds: a surname that begins with it is found too.
    expect((await titles(client, 'qu', '&limit=10')).sort()).toEqual(['Ann Quill', 'Bo Quillon']);
    expect(await titles(client, 'dext')).toEqual(['Zoe Dexter']);
    // A whole email is found even when pieces of it are one or two letters long.
    await createContact(client, { firstName: 'Oona', lastName: "O'Kon", emails: [{ email: "o.j.o'kon.77@mail.example" }] });
    expect(await titles(client, "o.j.o'kon.77@mail.example")).toEqual(["Oona O'Kon"]);
  });

  it('stays in step with creates, updates, deletes and restores, bulk ones included', async () => {
    const { client } = await signUp(h.app);
    const c = await createContact(client, { firstName: 'Quentin', lastName: 'Quokka' });
    expect(await titles(client, 'quo')).toEqual(['Quentin Quokka']);
    expectStatus(await client.patch(`/api/v1/contacts/${c.id}`, { lastName: 'Wombat', emails: [{ email: 'q@marsupial.example' }] }), 200);
    expect(await titles(client, 'quo')).toEqual([]);
    expect(await titles(client, 'wom')).toEqual(['Quentin Wombat']);
    expect(await titles(client, 'marsupial')).toEqual(['Quentin Wombat']);
    expect((await client.delete(`/api/v1/contacts/${c.id}`)).status).toBe(204);
    expect(await titles(client, 'wom')).toEqual([]);
    expectStatus(await client.post(`/api/v1/contacts/${c.id}/restore`), 200);
    expect(await titles(client, 'wom')).toEqual(['Quentin Wombat']);

    const bulk = await client.post('/api/v1/contacts/bulk', { items: [{ firstName: 'Xavier', lastName: 'Xylo' }, { firstName: 'Xena', lastName: 'Xylo' }] });
    expect((await titles(client, 'xyl')).sort()).toEqual(['Xavier Xylo', 'Xena Xylo']);
    const ids = bulk.body.data.map((x: any) => x.id);
    expectStatus(await client.patch('/api/v1/contacts/bulk', { items: [{ id: ids[0], changes: { lastName: 'Yak' } }] }), 200);
    expect(await titles(client, 'xyl')).toEqual(['Xena Xylo']);
    expect(await titles(client, 'yak')).toEqual(['Xavier Yak']);
    expect((await client.post('/api/v1/contacts/bulk-delete', { ids })).status).toBe(204);
    expect(await titles(client, 'xyl')).toEqual([]);
    expect(await titles(client, 'yak')).toEqual([]);
    expect((await client.post('/api/v1/contacts/bulk-restore', { ids })).status).toBe(204);
    expect(await titles(client, 'yak')).toEqual(['Xavier Yak']);

    const co = await createCompany(client, { name: 'Zebra Logistics' });
    expectStatus(await client.patch(`/api/v1/companies/${co.id}`, { name: 'Zebu Freight' }), 200);
    expect(await titles(client, 'zebr')).toEqual([]);
    expect(await titles(client, 'zebu')).toEqual(['Zebu Freight']);
    // A failed write leaves search as it was.
    const bad = await client.post('/api/v1/contacts/bulk', { items: [{ firstName: 'Phantom' }, { firstName: 5 }] });
    expect(bad.status).toBe(400);
    expect(await titles(client, 'phantom')).toEqual([]);
  });

  it('never crosses workspaces', async () => {
    const a = (await signUp(h.app)).client;
    const b = (await signUp(h.app)).client;
    await createContact(a, { firstName: 'Ophelia', lastName: 'Onlyina', emails: [{ email: 'ophelia@a.example' }], phones: [{ phone: '+1 415 555 0199' }] });
    await createCompany(a, { name: 'Onlyina Corp', domain: 'onlyina.example' });
    expect((await titles(a, 'onl')).sort()).toEqual(['Onlyina Corp', 'Ophelia Onlyina']);
    for (const q of ['onl', 'ophelia', 'ophelia@a.example', 'onlyina.example', '4155550199']) {
      expect(await titles(b, q), q).toEqual([]);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createContact, expectProblem, expectStatus, listAll } from '../support/api';
import type { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { importTools } from '../support/imports';
import { type Harness, startHarness } from '../support/harness';

/** The fields a person would check after moving their address book. */
const comparable = (c: any) => ({
  firstName: c.firstName,
  lastName: c.lastName,
  title: c.title,
  company: c.company?.name ?? null,
  emails: c.emails,
  phones: c.phones,
  addresses: c.addresses,
  birthday: c.birthday,
  tags: [...c.tags].sort(),
  description: c.description,
});

describe.each(await testDialects())('vCard import on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const { workspace, importAndRun } = importTools(() => h);
  const importVcf = (api: Client, body: Buffer | string, query: Record<string, string> = {}) => importAndRun(api, body, { objectType: 'contacts', ...query }, 'text/vcard');

  it.each(['3.0', '4.0'])('a vCard %s export imports into a fresh workspace with every field kept', async (version) => {
    const source = await workspace();
    const acme = await createCompany(source.client, { name: 'Ácme; Rockets, Ltd' });
    const people = [
      await createContact(source.client, {
        firstName: 'Zoë',
        lastName: "O'Brien-Müller",
        title: 'Head of R&D, Europe; North',
        companyId: acme.id,
        emails: [
          { email: 'zoe@acme.example', label: 'work' },
          { email: 'zoe.home@mail.example', label: 'home' },
        ],
        phones: [
          { phone: '+44 20 7946 0000', label: 'work' },
          { phone: '+44 7700 900123', label: 'mobile' },
        ],
        addresses: [
          { label: 'work', street: '1 Long Street, Unit 5; Floor 2', city: 'London', region: 'Greater London', postalCode: 'EC1A 1BB', country: 'GB' },
          { label: 'home', street: 'Hauptstraße 3', city: 'München', postalCode: '80331', country: 'DE' },
        ],
        birthday: '1985-04-12',
        tags: ['vip', 'conference, 2026', 'über'],
        description: 'Met at the fair.\nLikes: tea; biscuits, and long notes that go on well beyond seventy-five characters so that the line must fold — twice, even, with ünïcödé in the fold.',
      }),
      await createContact(source.client, { firstName: 'Solo', emails: [{ email: 'solo@acme.example' }] }),
    ];
    const res = await source.client.get(`/api/v1/contacts/export?format=vcf&version=${version}`);
    expectStatus(res, 200);
    const vcf = String(res.body);
    expect(vcf).toMatch(/\r\n /); // folded

    const target = await workspace();
    await createCompany(target.client, { name: 'Ácme; Rockets, Ltd' });
    const imp = await importVcf(target.api, vcf, { fileName: 'contacts.vcf' });
    expect(imp).toMatchObject({ status: 'done', created: 2, errorCount: 0, format: { kind: 'vcard' } });
    const imported = await listAll(target.client, 'contacts');
    const byName = (list: any[], n: string) => list.find((c) => c.firstName === n);
    for (const p of people) {
      const fresh = (await source.client.get(`/api/v1/contacts/${p.id}`)).body;
      expect(comparable(byName(imported, p.firstName))).toEqual(comparable(fresh));
    }
  });

  it('reads an Apple Contacts style vCard 3.0: groups, X-ABLabel, folded lines, escapes, a year-less birthday', async () => {
    const { client, api } = await workspace();
    await createCompany(client, { name: 'Example, Inc.' });
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.0//EN',
      'N:Appleseed;Johnny;Q.;;',
      'FN:Johnny Q. Appleseed',
      'ORG:Example\\, Inc.;Engineering',
      'TITLE:Chief Taster',
      'EMAIL;type=INTERNET;type=WORK;type=pref:johnny@example.com',
      'item1.EMAIL;type=INTERNET:jqa@other.example',
      'item1.X-ABLabel:_$!<Other>!$_',
      'TEL;type=CELL;type=VOICE;type=pref:(408) 555-0101',
      'item2.TEL:+1 408 555 0199',
      'item2.X-ABLabel:Studio',
      'item3.ADR;type=HOME;type=pref:;;1 Infinite Loop\\nBuilding 2;Cupertino;CA;95014;United States',
      'item3.X-ABADR:us',
      'NOTE:Line one\\nLine two\\, with a comma\\; and a semicolon. This note is long enough to be fol',
      ' ded by the exporter at seventy-five octets.',
      'BDAY;X-APPLE-OMIT-YEAR=1604:1604-06-15',
      'CATEGORIES:friends,Apple\\, Inc.',
      'END:VCARD',
      '',
    ].join('\r\n');
    const imp = await importVcf(api, card);
    expect(imp).toMatchObject({ created: 1, errorCount: 0 });
    const [c] = await listAll(client, 'contacts');
    expect(c).toMatchObject({
      firstName: 'Johnny Q.',
      lastName: 'Appleseed',
      title: 'Chief Taster',
      company: { name: 'Example, Inc.' },
      emails: [
        { email: 'johnny@example.com', label: 'work' },
        { email: 'jqa@other.example', label: 'other' },
      ],
      addresses: [{ label: 'home', street: '1 Infinite Loop\nBuilding 2', city: 'Cupertino', region: 'CA', postalCode: '95014', country: 'US' }],
      birthday: null,
      description: 'Line one\nLine two, with a comma; and a semicolon. This note is long enough to be folded by the exporter at seventy-five octets.',
    });
    expect(c.phones.map((p: any) => p.label)).toEqual(['mobile', 'studio']);
    expect(c.tags.sort()).toEqual(['Apple, Inc.', 'friends']);
  });

  it('reads Google-style and vCard 2.1 cards: quoted-printable with soft breaks, Latin-1 and UTF-8 charsets, bare types', async () => {
    const { client, api } = await workspace();
    const file = Buffer.concat([
      Buffer.from(
        [
          'BEGIN:VCARD',
          'VERSION:2.1',
          'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;',
          'TEL;WORK;VOICE:+49 30 123456',
          'TEL;CELL:+49 170 1234567',
          'EMAIL;INTERNET;HOME:juergen@example.de',
          'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Gr=C3=BC=C3=9Fe aus Berlin, die Notiz ist lang und geht =',
          'weiter auf der n=C3=A4chsten Zeile.',
          'ADR;WORK:;;Unter den Linden 1;Berlin;;10117;Germany',
          'END:VCARD',
          '',
        ].join('\r\n'),
      ),
      Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:Lefèvre;Amélie\r\nEMAIL:amelie@example.fr\r\nEND:VCARD\r\n', 'latin1'),
      Buffer.from(
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'FN:Ana Gómez',
          'N:Gómez;Ana;;;',
          'EMAIL;TYPE=INTERNET;TYPE=WORK:ana@empresa.example',
          'TEL;TYPE=CELL:+34 600 000 000',
          'BDAY:1990-02-03',
          'item1.ORG:Empresa SA',
          'CATEGORIES:myContacts,Starred in Android',
          'END:VCARD',
          'BEGIN:VCARD',
          'VERSION:3.0',
          'FN:Broken Email',
          'EMAIL:not an email',
          'END:VCARD',
          'BEGIN:VCARD',
          'VERSION:3.0',
          'FN:No End',
          '',
        ].join('\r\n'),
      ),
    ]);
    const imp = await importVcf(api, file);
    expect(imp).toMatchObject({ created: 3, errorCount: 2 });
    expect(imp.errors.map((e: any) => e.line)).toEqual([26, 31]);
    expect(imp.errors[0].message).toMatch(/not an email/);
    expect(imp.errors[1].message).toMatch(/END:VCARD/);
    const all = await listAll(client, 'contacts');
    const by = (n: string) => all.find((c: any) => c.firstName === n);
    expect(by('Jürgen')).toMatchObject({
      lastName: 'Müller',
      phones: [
        { phone: '+4930123456', label: 'work' },
        { phone: '+491701234567', label: 'mobile' },
      ],
      emails: [{ email: 'juergen@example.de', label: 'home' }],
      description: 'Grüße aus Berlin, die Notiz ist lang und geht weiter auf der nächsten Zeile.',
      addresses: [{ label: 'work', street: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' }],
    });
    expect(by('Amélie')).toMatchObject({ lastName: 'Lefèvre', emails: [{ email: 'amelie@example.fr' }] });
    expect(by('Ana')).toMatchObject({ lastName: 'Gómez', birthday: '1990-02-03', tags: ['myContacts', 'Starred in Android'], emails: [{ email: 'ana@empresa.example', label: 'work' }] });

    const csv = await api.get(`/api/v1/imports/${imp.id}/errors.csv`);
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('line,error,vcard,unreadable');
    expect(String(csv.body)).toContain('FN:Broken Email');
  });

  it('dedups cards by email like CSV rows: skip, then update', async () => {
    const { client, api } = await workspace();
    const existing = await createContact(client, { firstName: 'Kim', title: 'Intern', emails: [{ email: 'kim@dedup.example' }] });
    const card = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kim Lee\r\nN:Lee;Kim;;;\r\nTITLE:CTO\r\nEMAIL;TYPE=work:KIM@dedup.example\r\nEND:VCARD\r\n';
    expect(await importVcf(api, card)).toMatchObject({ skipped: 1, created: 0 });
    expect((await client.get(`/api/v1/contacts/${existing.id}`)).body.title).toBe('Intern');
    const update = await importVcf(api, card, { dedup: 'update' });
    expect(update).toMatchObject({ updated: 1 });
    expect((await client.get(`/api/v1/contacts/${existing.id}`)).body).toMatchObject({ title: 'CTO', lastName: 'Lee' });
    expectStatus(await api.post(`/api/v1/imports/${update.id}/revert`), 200);
    expect((await client.get(`/api/v1/contacts/${existing.id}`)).body.title).toBe('Intern');
  });

  it('refuses a vCard file as companies, naming the file', async () => {
    const { api } = await workspace();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/imports?objectType=companies', headers: { authorization: `Bearer ${(api as any).apiKey}`, 'content-type': 'text/vcard' }, payload: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nEND:VCARD\r\n' });
    expectProblem({ status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) } as any, 400, 'validation_failed', 'file');
  });
});

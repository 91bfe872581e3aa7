import type { Contact } from '../../../contract/contacts';

const escape = (v: string | null | undefined) => (v ?? '').replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/([,;])/g, '\\$1');

/** Lines longer than 75 characters continue on the next line after a space (RFC 6350 §3.2). */
function fold(line: string): string {
  if (line.length <= 75) return line;
  const parts = [line.slice(0, 75)];
  for (let i = 75; i < line.length; i += 74) parts.push(` ${line.slice(i, i + 74)}`);
  return parts.join('\r\n');
}

/** One contact as a vCard 3.0 or 4.0. */
export function toVCard(c: Contact, version: '3.0' | '4.0' = '3.0'): string {
  const type = (label: string | undefined) => (label ? `;TYPE=${escape(label).toLowerCase()}` : '');
  const lines = [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    `UID:${version === '4.0' ? 'urn:uuid:' : ''}${c.id}`,
    `FN:${escape(c.fullName)}`,
    `N:${escape(c.lastName)};${escape(c.firstName)};;;`,
    ...(c.title ? [`TITLE:${escape(c.title)}`] : []),
    ...(c.company ? [`ORG:${escape(c.company.name)}`] : []),
    ...c.emails.map((e) => `EMAIL${type(e.label)}:${escape(e.email)}`),
    ...c.phones.map((p) => `TEL${type(p.label)}:${escape(p.phone)}`),
    ...c.addresses.map((a) => `ADR${type(a.label)}:;;${[a.street, a.city, a.region, a.postalCode, a.country].map(escape).join(';')}`),
    ...(c.birthday ? [`BDAY:${version === '4.0' ? c.birthday.replace(/-/g, '') : c.birthday}`] : []),
    ...(c.tags.length ? [`CATEGORIES:${c.tags.map(escape).join(',')}`] : []),
    ...(c.description ? [`NOTE:${escape(c.description)}`] : []),
    `REV:${c.updatedAt}`,
    'END:VCARD',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

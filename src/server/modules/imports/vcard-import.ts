import { ContactCreate } from '../../../contract/contacts';
import { isEmail } from '../../platform/normalize';
import { type Converted, checked } from './import-check';
import { countryCode } from './import-mapping';
import { type VProperty, components, readVCards, unescapeText } from './vcard-parse';

/** A card as a contact, ready for the record service (or why it cannot be one). */
export type CardItem = { line: number; record: Record<string, string>; converted: Converted } | { line: number; error: string; raw: string };

// vCard TYPE values that carry no label of their own (a phone's "voice", a preferred mark).
const NOT_LABELS = new Set(['voice', 'pref', 'internet', 'x400', 'msg', 'text', 'dom', 'intl', 'postal', 'parcel']);
const LABELS: Record<string, string> = { cell: 'mobile', iphone: 'mobile', main: 'work', fax: 'fax', pager: 'pager' };

/** The label of a typed property: `TYPE=WORK,VOICE` → `work`, `TYPE=CELL` → `mobile`; an Apple `X-ABLabel` of its group wins. */
function labelOf(prop: VProperty, all: VProperty[]): string | undefined {
  const ab = prop.group ? all.find((p) => p.group === prop.group && p.name === 'X-ABLABEL')?.value : undefined;
  if (ab) {
    const m = /^_\$!<(.+)>!\$_$/.exec(ab);
    return (m ? m[1] : ab).toLowerCase().slice(0, 40);
  }
  const types = (prop.params.TYPE ?? []).map((t) => t.toLowerCase()).filter((t) => !NOT_LABELS.has(t));
  // `TYPE=home,fax` is a home fax: the kind of line says more than where it is.
  const t = types.find((x) => x === 'cell' || x === 'fax' || x === 'pager') ?? types[0];
  return t ? (LABELS[t] ?? t).slice(0, 40) : undefined;
}

/** `19850412`, `1985-04-12`, `1985-04-12T00:00:00Z` → `1985-04-12`; a date without a year cannot be kept. */
function birthday(value: string, params: Record<string, string[]>): string | undefined {
  if (params['X-APPLE-OMIT-YEAR']) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The contact a card describes: names, every email and phone with its type, addresses, company, title, notes, birthday, categories. */
export function cardToInput(props: VProperty[]): Converted {
  const one = (name: string) => props.find((p) => p.name === name);
  const input: Record<string, any> = {};
  const n = one('N');
  if (n) {
    const [family, given, additional] = components(n.value);
    const first = [given, additional].filter((x) => x && x.trim()).join(' ').trim();
    if (first) input.firstName = first;
    if (family?.trim()) input.lastName = family.trim();
  }
  const fn = one('FN');
  if (!input.firstName && !input.lastName && fn) {
    const parts = unescapeText(fn.value).trim().split(/\s+/);
    if (parts[0]) input.firstName = parts[0];
    if (parts.length > 1) input.lastName = parts.slice(1).join(' ');
  }
  const emails = props.filter((p) => p.name === 'EMAIL' && p.value.trim());
  const bad = emails.find((e) => !isEmail(unescapeText(e.value).trim()));
  if (bad) return { error: `emails: "${unescapeText(bad.value).trim()}" is not an email address` };
  if (emails.length) input.emails = emails.map((e) => ({ email: unescapeText(e.value).trim(), ...withLabel(labelOf(e, props)) }));
  const phones = props.filter((p) => p.name === 'TEL' && p.value.trim());
  if (phones.length) input.phones = phones.map((p) => ({ phone: unescapeText(p.value).replace(/^tel:/i, '').trim(), ...withLabel(labelOf(p, props)) }));
  const adrs = props.filter((p) => p.name === 'ADR');
  if (adrs.length) {
    input.addresses = adrs
      .map((a) => {
        const [, , street, city, region, postalCode, country] = components(a.value);
        const address: Record<string, string> = {};
        const label = labelOf(a, props);
        if (label) address.label = label;
        const set = (k: string, v: string | undefined) => v && v.trim() && (address[k] = v.trim());
        set('street', street);
        set('city', city);
        set('region', region);
        set('postalCode', postalCode);
        set('country', country ? countryCode(country) : undefined);
        return address;
      })
      .filter((a) => Object.keys(a).some((k) => k !== 'label'));
    if (!input.addresses.length) delete input.addresses;
  }
  const title = one('TITLE');
  if (title && title.value.trim()) input.title = unescapeText(title.value).trim();
  const note = one('NOTE');
  if (note && note.value.trim()) input.description = unescapeText(note.value);
  const bday = one('BDAY');
  const day = bday ? birthday(bday.value, bday.params) : undefined;
  if (day) input.birthday = day;
  const categories = props.filter((p) => p.name === 'CATEGORIES').flatMap((p) => components(p.value, ','));
  const tags = [...new Set(categories.map((t) => t.trim()).filter(Boolean))];
  if (tags.length) input.tags = tags;
  const org = one('ORG');
  const companyName = org ? components(org.value)[0]?.trim() || undefined : undefined;
  if (!input.firstName && !input.lastName && !input.emails) return { error: 'card: has no name (N or FN) and no email' };
  return checked(ContactCreate, input, companyName);
}

const withLabel = (label: string | undefined) => (label ? { label } : {});

/** The cards of a file as import items: a summary of each card (for errors.csv) and its contact. */
export async function* readCardItems(pieces: AsyncIterable<Buffer>): AsyncGenerator<CardItem> {
  for await (const card of readVCards(pieces)) {
    if ('error' in card) {
      yield card;
      continue;
    }
    yield { line: card.line, record: { vcard: card.raw }, converted: cardToInput(card.props) };
  }
}

/** Whether a file is vCard (by its first line), so the import reads it as cards. */
export const isVCard = (head: Buffer) => /^(\uFEFF)?\s*BEGIN:VCARD/i.test(head.subarray(0, 1024).toString('utf8'));

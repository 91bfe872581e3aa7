import type { Contact, ContactCreate, ContactUpdate } from '../../../contract/contacts';
import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../../platform/context';
import { validateCustomValues } from '../../platform/custom-fields/custom-values';
import { AppError } from '../../platform/errors';
import { normalizeEmail } from '../../platform/normalize';
import { assignDefined, checkReferences, cleanTags, linkedCompany, normalizePhones, trimAddresses } from '../../platform/records/record-input';
import { createRecordService } from '../../platform/records/record-service';
import type { PrepareArgs } from '../../platform/records/record-spec';
import { searchableParts } from '../../platform/search/search.repository';
import type { ContactRow } from '../../db/schema';
import { contactFields } from './contacts.fields';
import { contactColumns, contactFromRow, withCompanyName, syncContactEmails } from './contacts.repository';

const emptyContact = (): Contact => ({
  id: '',
  version: 0,
  firstName: null,
  lastName: null,
  fullName: '',
  title: null,
  email: null,
  emails: [],
  phone: null,
  phones: [],
  addresses: [],
  companyId: null,
  company: null,
  ownerId: null,
  lifecycleStage: null,
  tags: [],
  consent: { email: false, sms: false, phone: false },
  birthday: null,
  description: null,
  custom: {},
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
});

const trimOrNull = (v: string | null) => (v === null ? null : v.trim() || null);

async function prepareContact({ input, base, customDefs, errors, refs }: PrepareArgs<Contact, ContactCreate | ContactUpdate>): Promise<Contact> {
  const next: Contact = base ? structuredClone(base) : emptyContact();
  assignDefined(next, input as Partial<Contact>, ['title', 'companyId', 'ownerId', 'lifecycleStage', 'birthday', 'description']);
  if (input.firstName !== undefined) next.firstName = trimOrNull(input.firstName);
  if (input.lastName !== undefined) next.lastName = trimOrNull(input.lastName);
  if (input.title !== undefined) next.title = trimOrNull(input.title);
  if (input.tags !== undefined) next.tags = cleanTags(input.tags);
  if (input.phones !== undefined) next.phones = normalizePhones(input.phones);
  if (input.addresses !== undefined) next.addresses = trimAddresses(input.addresses);
  if (input.consent !== undefined) next.consent = { ...next.consent, ...input.consent };
  if (input.emails !== undefined) {
    const seen = new Set<string>();
    next.emails = [];
    input.emails.forEach((e, i) => {
      const email = normalizeEmail(e.email);
      if (seen.has(email)) errors.add(`emails.${i}.email`, 'is listed twice');
      seen.add(email);
      next.emails.push({ ...e, email });
    });
  }
  next.email = next.emails[0]?.email ?? null;
  next.phone = next.phones[0]?.phone ?? null;
  next.fullName = [next.firstName, next.lastName].filter(Boolean).join(' ') || next.email || '';
  if (!next.firstName && !next.lastName && next.emails.length === 0) {
    errors.add('firstName', 'a contact needs a first name, a last name or an email');
  }
  next.custom = { ...next.custom, ...validateCustomValues(customDefs, input.custom, errors, base ? 'update' : 'create') };
  for (const [k, v] of Object.entries(next.custom)) if (v === null) delete next.custom[k];

  checkReferences(refs, errors, { companyId: input.companyId, ownerId: input.ownerId });
  if (input.companyId !== undefined) next.company = linkedCompany(refs, next.companyId);
  if (input.emails !== undefined) {
    const i = next.emails.findIndex((e) => {
      const holder = refs.emailHolders.get(e.email);
      return holder !== undefined && holder !== base?.id;
    });
    if (i >= 0) {
      const email = next.emails[i].email;
      const holder = refs.emailHolders.get(email);
      throw new AppError('duplicate_email', `${errors.prefix}emails.${i}.email: ${email} already belongs to contact ${holder}`, {
        field: `${errors.prefix}emails.${i}.email`,
        existingId: holder,
      });
    }
  }
  return next;
}

/** Rejects one email on two contacts of the same bulk call, then rewrites the email index. */
async function afterContactWrite(tx: WorkspaceDb, contacts: Contact[], mode: 'create' | 'update'): Promise<void> {
  const owner = new Map<string, number>();
  for (const [i, c] of contacts.entries()) {
    for (const [j, e] of c.emails.entries()) {
      if (owner.has(e.email)) {
        throw new AppError('duplicate_email', `items.${i}.emails.${j}.email: ${e.email} is also on items.${owner.get(e.email)}`, {
          field: `items.${i}.emails.${j}.email`,
        });
      }
      owner.set(e.email, i);
    }
  }
  try {
    await syncContactEmails(tx, contacts, mode === 'create');
  } catch (err) {
    // Two calls adding one email at the same moment both pass the check in prepareContact; the
    // unique key stops the second, which is a duplicate like any other, not a server error.
    if (!tx.dialect.isUniqueViolation(err)) throw err;
    const field = contacts.length > 1 ? 'items' : 'emails';
    throw new AppError('duplicate_email', `${field}: an email was given to another contact at the same moment; reload and try again`, { field });
  }
}

export function createContactsService(scoped: (ctx: Ctx) => WorkspaceDb) {
  return createRecordService<Contact, ContactRow, ContactCreate, ContactUpdate>(
    {
      objectType: 'contacts',
      table: 'contacts',
      label: 'Contact',
      fields: contactFields,
      fromRow: contactFromRow,
      select: withCompanyName,
      references: (input) => ({
        companyIds: [input.companyId],
        ownerIds: [input.ownerId],
        emails: input.emails?.map((e) => normalizeEmail(e.email)),
      }),
      prepare: prepareContact,
      toColumns: contactColumns,
      afterWrite: afterContactWrite,
      searchDocument: (c) => ({
        title: c.fullName,
        subtitle: [c.title, c.email].filter(Boolean).join(' · '),
        body: searchableParts([...c.emails.map((e) => e.email), ...c.phones.map((p) => p.phone)]),
      }),
    },
    scoped,
  );
}
export type ContactsService = ReturnType<typeof createContactsService>;

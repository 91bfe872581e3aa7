import type { Contact, EmailEntry } from '../../../contract/contacts';
import type { Address, PhoneEntry } from '../../../contract/common';
import type { Dialect } from '../../db/dialect';
import type { SelectQueryBuilder } from 'kysely';
import type { ContactRow, DB } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import { sharedColumns, sharedFromRow } from '../../platform/records/record-columns';

export function contactFromRow(dialect: Dialect, r: ContactRow & { company_name?: string | null }): Contact {
  const j = dialect.json;
  return {
    id: r.id,
    version: r.version,
    firstName: r.first_name,
    lastName: r.last_name,
    fullName: r.full_name,
    title: r.title,
    email: r.email,
    emails: j.read<EmailEntry[]>(r.emails, []),
    phone: r.phone,
    phones: j.read<PhoneEntry[]>(r.phones, []),
    addresses: j.read<Address[]>(r.addresses, []),
    companyId: r.company_id,
    company: r.company_id && r.company_name ? { id: r.company_id, name: r.company_name } : null,
    ownerId: r.owner_id,
    lifecycleStage: r.lifecycle_stage,
    consent: { email: r.consent_email === 1, sms: r.consent_sms === 1, phone: r.consent_phone === 1 },
    birthday: r.birthday,
    ...sharedFromRow(dialect, r),
  };
}

export function contactColumns(dialect: Dialect, c: Contact): Partial<ContactRow> {
  const j = dialect.json;
  return {
    first_name: c.firstName,
    last_name: c.lastName,
    full_name: c.fullName,
    title: c.title,
    email: c.emails[0]?.email ?? null,
    emails: j.write(c.emails),
    phone: c.phones[0]?.phone ?? null,
    phones: j.write(c.phones),
    addresses: j.write(c.addresses),
    company_id: c.companyId,
    owner_id: c.ownerId,
    lifecycle_stage: c.lifecycleStage,
    consent_email: c.consent.email ? 1 : 0,
    consent_sms: c.consent.sms ? 1 : 0,
    consent_phone: c.consent.phone ? 1 : 0,
    birthday: c.birthday,
    ...sharedColumns(dialect, c),
  };
}

/** Joins the linked company's name, for every read of contacts. */
export const withCompanyName = <Q extends SelectQueryBuilder<DB, any, any>>(qb: Q): Q =>
  (qb as SelectQueryBuilder<DB, 'contacts', any>)
    .leftJoin('companies as linked_company', (j) =>
      j.onRef('linked_company.id', '=', 'contacts.company_id').onRef('linked_company.workspace_id', '=', 'contacts.workspace_id'),
    )
    .select('linked_company.name as company_name') as unknown as Q;

/** Rewrites the email index of these contacts. */
export async function syncContactEmails(tx: WorkspaceDb, contacts: Contact[], fresh: boolean): Promise<void> {
  const ids = fresh ? [] : contacts.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 500) {
    await tx.deleteFrom('contact_emails').where('contact_id', 'in', ids.slice(i, i + 500)).execute();
  }
  const rows = contacts.flatMap((c) => c.emails.map((e) => ({ email: e.email, contact_id: c.id })));
  for (let i = 0; i < rows.length; i += 500) await tx.insertInto('contact_emails', rows.slice(i, i + 500)).execute();
}

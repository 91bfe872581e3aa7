import type { ConsentRecord } from '../../../contract/privacy';
import type { ContactConsentRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export const consentFromRow = (r: ContactConsentRow): ConsentRecord => ({
  id: r.id,
  contactId: r.contact_id,
  purpose: r.purpose,
  status: r.status as ConsentRecord['status'],
  legalBasis: r.legal_basis,
  source: r.source,
  proof: r.proof,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  createdAt: r.created_at,
});

/** A contact's consent ledger, newest first (by when it was given or withdrawn, then by entry). */
export const consentsOf = (db: WorkspaceDb, contactId: string) =>
  db.selectFrom('contact_consents').selectAll().where('contact_id', '=', contactId).orderBy('recorded_at', 'desc').orderBy('id', 'desc').execute();

export const latestConsent = (db: WorkspaceDb, contactId: string, purpose: string) =>
  db
    .selectFrom('contact_consents')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('purpose', '=', purpose)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();

export const insertConsent = (db: WorkspaceDb, row: Omit<ContactConsentRow, 'workspace_id'>) => db.insertInto('contact_consents', row).execute();

/** Sets one marketing flag of the contact, as a new version. */
export async function setConsentFlag(db: WorkspaceDb, contactId: string, purpose: 'email' | 'sms' | 'phone', on: boolean, version: number, at: string) {
  const column = `consent_${purpose}` as const;
  await db
    .updateTable('contacts')
    .set({ [column]: on ? 1 : 0, version: version + 1, updated_at: at })
    .where('id', '=', contactId)
    .execute();
}

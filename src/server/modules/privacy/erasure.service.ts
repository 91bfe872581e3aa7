import type { EraseRequest, EraseResult } from '../../../contract/privacy';
import type { ContactRow, LeadRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { recordEvents } from '../../platform/events/events.repository';
import { AppError, invalid, notFound } from '../../platform/errors';
import { isId } from '../../platform/ids';
import { removeKeys } from '../duplicates/duplicates.repository';
import { SCRUB_TABLES } from './erasure.catalog';
import { type Rewrite, scrubTable } from './erasure.repository';
import * as repo from './privacy.repository';
import { ERASED, buildIdentity } from './redact';

export const ERASED_CONTACT_NAME = 'Erased contact';
export const ERASED_LEAD_NAME = 'Erased lead';

// Fields of a contact's or lead's history that say nothing about who the person is; every other
// value in their events becomes ERASED (the field names stay, so the history still reads).
const SAFE_EVENT_FIELDS = new Set([
  'ownerId', 'companyId', 'lifecycleStage', 'deletedAt', 'status', 'score', 'convertedAt', 'convertedContactId', 'convertedCompanyId',
  'convertedDealId', 'leadId', 'consent', 'purpose', 'legalBasis', 'recordedAt',
]);

const wipe = (v: unknown) => (v === null || v === undefined ? null : ERASED);

/** The whole-row rewrites for the person's own records and their history. */
function rewrites(subjectIds: Set<string>, contactId: string | null): Partial<Record<string, Rewrite>> {
  return {
    contacts: (row, db) =>
      row.id === contactId
        ? {
            first_name: null, last_name: null, full_name: ERASED_CONTACT_NAME, title: null, email: null, phone: null, birthday: null, description: null,
            emails: db.dialect.json.write([]), phones: db.dialect.json.write([]), addresses: db.dialect.json.write([]), custom: db.dialect.json.write({}),
            consent_email: 0, consent_sms: 0, consent_phone: 0,
          }
        : null,
    leads: (row, db) =>
      subjectIds.has(String(row.id)) ? { name: ERASED_LEAD_NAME, email: null, phone: null, title: null, description: null, custom: db.dialect.json.write({}) } : null,
    events: (row, db) => {
      if (!subjectIds.has(String(row.object_id))) return null;
      const changes = db.dialect.json.read<Record<string, { before?: unknown; after?: unknown }>>(row.changes, {});
      const next = Object.fromEntries(
        Object.entries(changes).map(([k, c]) => [k, SAFE_EVENT_FIELDS.has(k) ? c : { before: wipe(c?.before), after: wipe(c?.after) }]),
      );
      return { changes: db.dialect.json.write(next) };
    },
    search_documents: (row) =>
      subjectIds.has(String(row.record_id)) ? { title: row.object_type === 'contacts' ? ERASED_CONTACT_NAME : ERASED_LEAD_NAME, subtitle: '', body: '' } : null,
    import_rows: (row, db) => {
      if (!subjectIds.has(String(row.record_id))) return null;
      const raw = db.dialect.json.read<Record<string, unknown> | null>(row.raw, null);
      return { before: null, raw: raw && typeof raw === 'object' ? db.dialect.json.write(Object.fromEntries(Object.keys(raw).map((k) => [k, ERASED]))) : row.raw };
    },
    contact_consents: (row) => (row.contact_id === contactId ? { proof: null } : null),
  };
}

/**
 * Removes one person's identifiers from every table of the workspace: their contact (if any),
 * their leads, and whatever is linked to them. Rows, links, amounts and totals stay, so counts
 * and sums do not move. Runs in the caller's transaction; returns rows changed per table.
 */
export async function scrubPerson(tx: WorkspaceDb, person: { contact: ContactRow | null; leads: LeadRow[] }): Promise<Record<string, number>> {
  const contactId = person.contact?.id ?? null;
  const own = contactId ? [contactId] : [];
  const leadIds = person.leads.map((l) => l.id);
  const identity = identityOf(tx, person.contact, person.leads);
  const dealIds = contactId ? await repo.dealIdsOf(tx, contactId) : [];
  const about = [...own, ...leadIds, ...dealIds];
  const activityIds = await repo.linkedSources(tx, 'activity', about);
  const taskIds = await repo.linkedSources(tx, 'task', about);
  const quoteIds = contactId ? await repo.quoteIdsOf(tx, contactId) : [];
  const invoiceIds = contactId ? await repo.invoiceIdsOf(tx, contactId, quoteIds) : [];
  const commentIds = await repo.commentIdsOn(tx, own);
  const imports = await repo.importsTouching(tx, [...own, ...leadIds]);
  const running = imports.find((i) => i.status === 'queued' || i.status === 'running');
  if (running) throw new AppError('conflict', `Import ${running.id} with this person is still running; erase them once it has finished`);

  const allIds = [...about, ...activityIds, ...taskIds, ...quoteIds, ...invoiceIds, ...commentIds];
  const related: Record<string, { column: string; ids: string[] }> = {
    contacts: { column: 'id', ids: own },
    leads: { column: 'id', ids: leadIds },
    deals: { column: 'id', ids: dealIds },
    activities: { column: 'id', ids: activityIds },
    tasks: { column: 'id', ids: taskIds },
    comments: { column: 'id', ids: commentIds },
    notifications: { column: 'object_id', ids: allIds },
    events: { column: 'object_id', ids: allIds },
    search_documents: { column: 'record_id', ids: allIds },
    quotes: { column: 'id', ids: quoteIds },
    quote_lines: { column: 'quote_id', ids: quoteIds },
    invoices: { column: 'id', ids: invoiceIds },
    invoice_lines: { column: 'invoice_id', ids: invoiceIds },
    payments: { column: 'invoice_id', ids: invoiceIds },
    import_rows: { column: 'record_id', ids: [...own, ...leadIds] },
    contact_consents: { column: 'contact_id', ids: own },
  };
  const rewrite = rewrites(new Set([...own, ...leadIds]), contactId);
  const rows: Record<string, number> = {};
  for (const t of SCRUB_TABLES) {
    const n = await scrubTable(tx, t, { identity, related: related[t.table], rewrite: rewrite[t.table] });
    if (n) rows[t.table] = n;
  }
  if (contactId) {
    rows.contact_emails = await repo.deleteContactEmails(tx, contactId);
    // Match keys hold the normalised email and name; the next duplicate scan rebuilds them from what is left.
    await removeKeys(tx, [contactId]);
  }
  rows.import_files = await repo.deleteImportFiles(tx, imports.map((i) => i.id));
  await repo.compactSearchIndex(tx);
  return Object.fromEntries(Object.entries(rows).filter(([, n]) => n > 0));
}

/** Erasure (GDPR Art. 17) of one contact; what is left is "Erased contact" and an `erased` event. */
export function createErasureService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  return {
    async erase(ctx: Ctx, contactId: string, input: EraseRequest): Promise<EraseResult> {
      requirePermission(ctx, 'workspace:manage');
      const db = scoped(ctx);
      return db.transaction(async (tx) => {
        const contact = isId(contactId) ? await repo.findContactRow(tx, contactId) : undefined;
        if (!contact) throw notFound('Contact');
        if (await repo.wasErased(tx, contactId)) throw new AppError('conflict', `Contact ${contactId} was already erased`);
        const confirm = input.confirm.trim().toLowerCase();
        if (confirm !== 'erase' && confirm !== contact.full_name.trim().toLowerCase()) {
          throw invalid('confirm', `type the contact's name (${contact.full_name}) or ERASE to confirm`);
        }
        const emails = [contact.email, ...tx.dialect.json.read<{ email: string }[]>(contact.emails, []).map((e) => e.email)].filter((e): e is string => !!e);
        const leads = await repo.leadsOf(tx, contactId, emails);
        const rows = await scrubPerson(tx, { contact, leads });
        const at = clock.now().toISOString();
        await tx.updateTable('contacts').set({ version: contact.version + 1, updated_at: at }).where('id', '=', contactId).execute();
        // The event says that an erasure happened and by whom; no value of the person's data.
        await recordEvents(tx, ctx, [{ action: 'erased', objectType: 'contacts', objectId: contactId, changes: {} }]);
        return { contactId, erasedAt: at, rows };
      });
    },
  };
}
export type ErasureService = ReturnType<typeof createErasureService>;

function identityOf(db: WorkspaceDb, c: ContactRow | null, leads: LeadRow[]) {
  const j = db.dialect.json;
  const emails = [c?.email ?? null, ...j.read<{ email: string }[]>(c?.emails, []).map((e) => e.email), ...leads.map((l) => l.email)];
  const phones = [c?.phone ?? null, ...j.read<{ phone: string }[]>(c?.phones, []).map((p) => p.phone), ...leads.map((l) => l.phone)];
  const first = [c?.first_name, c?.last_name].filter(Boolean).join(' ');
  const named = (n: string | null | undefined) => (n && n !== ERASED_CONTACT_NAME && n !== ERASED_LEAD_NAME ? n : null);
  return buildIdentity({
    names: [c?.first_name ?? null, c?.last_name ?? null, ...leads.flatMap((l) => (named(l.name) ?? '').split(/\s+/))],
    fullNames: [named(c?.full_name), first, ...leads.map((l) => named(l.name))],
    emails,
    phones,
  });
}

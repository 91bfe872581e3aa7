import { type ConsentCreate, type ConsentList, FLAG_PURPOSES } from '../../../contract/privacy';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { type FieldChange, recordEvents } from '../../platform/events/events.repository';
import { AppError, invalid, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import * as repo from './consents.repository';
import { findContactRow, wasErased } from './privacy.repository';

const isFlag = (p: string): p is (typeof FLAG_PURPOSES)[number] => (FLAG_PURPOSES as readonly string[]).includes(p);

/**
 * Consent records: an append-only ledger per contact. The newest record per purpose is in force;
 * for email, sms and phone it also sets the contact's marketing flag, in the same transaction as
 * the record and its event (so the contact's timeline shows it).
 */
export function createConsentsService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  async function requireContact(db: WorkspaceDb, id: string) {
    const row = isId(id) ? await findContactRow(db, id) : undefined;
    if (!row) throw notFound('Contact');
    return row;
  }

  return {
    async list(ctx: Ctx, contactId: string): Promise<ConsentList> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      await requireContact(db, contactId);
      const data = (await repo.consentsOf(db, contactId)).map(repo.consentFromRow);
      const current = new Map<string, (typeof data)[number]>();
      for (const c of data) if (!current.has(c.purpose)) current.set(c.purpose, c);
      return { data, current: [...current.values()].sort((a, b) => a.purpose.localeCompare(b.purpose)) };
    },

    async record(ctx: Ctx, contactId: string, input: ConsentCreate) {
      requirePermission(ctx, 'records:write');
      const now = clock.now();
      const recordedAt = input.recordedAt ? new Date(input.recordedAt) : now;
      if (recordedAt.getTime() > now.getTime() + 60_000) throw invalid('recordedAt', 'cannot be in the future');
      if (input.legalBasis !== 'consent' && input.status === 'withdrawn') {
        // Withdrawal is a right under consent (Art. 7(3)); other bases end by objection or erasure.
        throw invalid('legalBasis', 'only consent can be withdrawn; record an objection or erase the contact instead');
      }
      const db = scoped(ctx);
      return db.transaction(async (tx) => {
        const contact = await requireContact(tx, contactId);
        if (contact.deleted_at) throw new AppError('conflict', `Contact ${contactId} is in the trash; restore it first`);
        if (await wasErased(tx, contactId)) throw new AppError('conflict', `Contact ${contactId} was erased`);
        const previous = await repo.latestConsent(tx, contactId, input.purpose);
        const at = now.toISOString();
        const row = {
          id: newId(),
          contact_id: contactId,
          purpose: input.purpose,
          status: input.status,
          legal_basis: input.legalBasis,
          source: input.source.trim(),
          proof: input.proof?.trim() || null,
          recorded_at: recordedAt.toISOString(),
          recorded_by: ctx.userId,
          created_at: at,
        };
        await repo.insertConsent(tx, row);
        const changes: Record<string, FieldChange> = {
          purpose: { before: null, after: input.purpose },
          status: { before: previous?.status ?? null, after: input.status },
          legalBasis: { before: previous?.legal_basis ?? null, after: input.legalBasis },
          source: { before: null, after: row.source },
          recordedAt: { before: null, after: row.recorded_at },
        };
        // A record dated before the newest one is history; it does not change what is in force.
        const inForce = !previous || row.recorded_at >= previous.recorded_at;
        if (inForce && isFlag(input.purpose)) {
          const before = { email: contact.consent_email === 1, sms: contact.consent_sms === 1, phone: contact.consent_phone === 1 };
          const after = { ...before, [input.purpose]: input.status === 'granted' };
          if (after[input.purpose] !== before[input.purpose]) {
            await repo.setConsentFlag(tx, contactId, input.purpose, after[input.purpose], contact.version, at);
            changes.consent = { before, after };
          }
        }
        await recordEvents(tx, ctx, [{ action: input.status === 'granted' ? 'consent_granted' : 'consent_withdrawn', objectType: 'contacts', objectId: contactId, changes }]);
        return repo.consentFromRow({ ...row, workspace_id: tx.workspaceId });
      });
    },
  };
}
export type ConsentsService = ReturnType<typeof createConsentsService>;

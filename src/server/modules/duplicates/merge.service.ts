import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { MergeRecords } from '../../../contract/duplicates';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../../platform/context';
import { listFields } from '../../platform/custom-fields/custom-fields.repository';
import { type EventInput, diff, recordEvents } from '../../platform/events/events.repository';
import { AppError, invalid } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { removeSearchDocuments } from '../../platform/search/search.repository';
import type { CompaniesService } from '../companies/companies.service';
import type { ContactsService } from '../contacts/contacts.service';
import type { DuplicateObject } from './duplicates.repository';
import { removeDismissalsOf, removeKeys } from './duplicates.repository';
import { MERGE_FIELDS, checkChoices, mergeCompanies, mergeContacts } from './merge-fields';
import * as moves from './merge.repository';

type Deps = { scoped: (ctx: Ctx) => WorkspaceDb; contacts: ContactsService; companies: CompaniesService };

/**
 * Merges records into one survivor in one transaction: the survivor takes the chosen values,
 * everything that referred to a merged record refers to the survivor, the merged records are
 * deleted, and the audit log says so. A failure at any step leaves nothing changed.
 */
export function createMergeService({ scoped, contacts, companies }: Deps) {
  /** The survivor and the merged records, live and visible to the caller, or 404 naming the field. */
  async function load<T extends { id: string; deletedAt: string | null }>(
    tx: WorkspaceDb,
    ctx: Ctx,
    read: (tx: WorkspaceDb, ctx: Ctx, ids: string[]) => Promise<T[]>,
    label: string,
    body: MergeRecords,
  ): Promise<T[]> {
    const ids = [body.survivorId, ...body.mergedIds];
    const byId = new Map((await read(tx, ctx, ids)).map((r) => [r.id, r]));
    return ids.map((id, i) => {
      const r = byId.get(id);
      if (!r || r.deletedAt !== null) {
        const field = i === 0 ? 'survivorId' : `mergedIds.${i - 1}`;
        throw new AppError('not_found', `${field}: ${label} ${id} not found`, { field });
      }
      return r;
    });
  }

  async function moveReferences(tx: WorkspaceDb, objectType: DuplicateObject, survivorId: string, mergedIds: string[], at: string): Promise<EventInput[]> {
    await moves.moveRecordLinks(tx, objectType, survivorId, mergedIds);
    await moves.moveObjectRefs(tx, objectType, survivorId, mergedIds);
    await moves.moveDocumentRefs(tx, objectType, survivorId, mergedIds);
    if (objectType === 'contacts') return moves.moveDealContacts(tx, survivorId, mergedIds, at);
    const args = { survivorId, mergedIds, at };
    return [
      ...(await moves.repointRecords(tx, { table: 'contacts', column: 'company_id', field: 'companyId', ...args })),
      ...(await moves.repointRecords(tx, { table: 'companies', column: 'parent_id', field: 'parentId', ...args })),
      ...(await moves.repointRecords(tx, { table: 'deals', column: 'company_id', field: 'companyId', ...args })),
    ];
  }

  /** Deletes the merged records and records why: a 'purged' event each with its last state, a 'merged' event on the survivor. */
  async function retire(tx: WorkspaceDb, ctx: Ctx, objectType: DuplicateObject, survivorId: string, merged: { id: string }[], fields: Record<string, string>) {
    const ids = merged.map((m) => m.id);
    await moves.deleteRecords(tx, objectType, ids);
    await removeSearchDocuments(tx, ids);
    await removeKeys(tx, ids);
    await removeDismissalsOf(tx, objectType, ids);
    await recordEvents(tx, ctx, [
      ...merged.map((m) => ({
        action: 'purged',
        objectType,
        objectId: m.id,
        changes: { ...diff(m as Record<string, unknown>, null), mergedInto: { before: null, after: survivorId } },
      })),
      { action: 'merged', objectType, objectId: survivorId, changes: { mergedIds: { before: null, after: ids }, fields: { before: null, after: fields } } },
    ]);
  }

  async function merge<T extends { id: string; deletedAt: string | null; custom: Record<string, unknown> }>(
    ctx: Ctx,
    objectType: DuplicateObject,
    body: MergeRecords,
    expectedVersion: number | undefined,
    steps: {
      label: string;
      read: (tx: WorkspaceDb, ctx: Ctx, ids: string[]) => Promise<T[]>;
      next: (records: T[], choices: Map<string, string>) => Record<string, unknown>;
      update: (tx: WorkspaceDb, ctx: Ctx, id: string, changes: any, version?: number) => Promise<T>;
    },
  ): Promise<T> {
    // Merging changes the survivor and deletes the others: whoever may do both (records:write).
    requirePermission(ctx, 'records:write');
    if (body.mergedIds.includes(body.survivorId)) throw invalid('mergedIds', 'must not include the survivor');
    const db = scoped(ctx);
    return db.transaction(async (tx) => {
      const records = await load(tx, ctx, steps.read, steps.label, body);
      const customDefs = await listFields(tx, objectType);
      const choices = checkChoices(body.fields, MERGE_FIELDS[objectType], customDefs, new Set(records.map((r) => r.id)));
      const changes = steps.next(records, choices);
      // Values of custom fields that no longer exist are not carried over.
      const known = new Set(customDefs.map((d) => d.key));
      const custom = changes.custom as Record<string, unknown>;
      for (const k of Object.keys(custom)) if (!known.has(k)) delete custom[k];
      const at = nowIso();
      const [survivor, ...merged] = records;
      const moved = await moveReferences(tx, objectType, survivor.id, body.mergedIds, at);
      if (objectType === 'contacts') {
        // Where consent was recorded, the newest record decides the flag, whichever value was picked.
        const inForce = await moves.moveConsents(tx, survivor.id, body.mergedIds);
        const consent = { ...(changes.consent as Record<string, boolean>) };
        for (const purpose of ['email', 'sms', 'phone']) if (inForce.has(purpose)) consent[purpose] = inForce.get(purpose) === 'granted';
        changes.consent = consent;
      }
      // The merged records go before the survivor takes their emails: an email belongs to one contact.
      await retire(tx, ctx, objectType, survivor.id, merged, Object.fromEntries(choices));
      const updated = await steps.update(tx, ctx, survivor.id, changes, expectedVersion);
      await recordEvents(tx, ctx, moved);
      return updated;
    });
  }

  return {
    async mergeContacts(ctx: Ctx, body: MergeRecords, expectedVersion?: number): Promise<Contact> {
      return merge<Contact>(ctx, 'contacts', body, expectedVersion, {
        label: 'Contact',
        read: contacts.getIn,
        next: (records, choices) => mergeContacts(records, choices),
        update: contacts.updateIn,
      });
    },
    async mergeCompanies(ctx: Ctx, body: MergeRecords, expectedVersion?: number): Promise<Company> {
      return merge<Company>(ctx, 'companies', body, expectedVersion, {
        label: 'Company',
        read: companies.getIn,
        next: (records, choices) => mergeCompanies(records, choices, new Set(body.mergedIds)),
        update: companies.updateIn,
      });
    },
  };
}
export type MergeService = ReturnType<typeof createMergeService>;

import { sql } from 'kysely';
import type { WorkspaceDb } from '../../db/scoped';
import type { EventInput } from '../../platform/events/events.repository';
import type { DuplicateObject } from './duplicates.repository';

const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Activities and tasks linked to a merged record are linked to the survivor instead. A source
 * already linked to the survivor (or to two merged records) keeps one link: the primary key
 * (source, object) allows no second one.
 */
export async function moveRecordLinks(tx: WorkspaceDb, objectType: DuplicateObject, survivorId: string, mergedIds: string[]): Promise<number> {
  const moving = await tx
    .selectFrom('record_links')
    .select(['source_type', 'source_id'])
    .where('object_type', '=', objectType)
    .where('object_id', 'in', mergedIds)
    .execute();
  if (moving.length === 0) return 0;
  const already = await tx
    .selectFrom('record_links')
    .select(['source_type', 'source_id'])
    .where('object_type', '=', objectType)
    .where('object_id', '=', survivorId)
    .execute();
  const seen = new Set(already.map((l) => `${l.source_type}:${l.source_id}`));
  const rows: { source_type: string; source_id: string; object_type: string; object_id: string }[] = [];
  for (const l of moving) {
    const k = `${l.source_type}:${l.source_id}`;
    if (seen.has(k)) continue;
    seen.add(k);
    rows.push({ source_type: l.source_type, source_id: l.source_id, object_type: objectType, object_id: survivorId });
  }
  await tx.deleteFrom('record_links').where('object_type', '=', objectType).where('object_id', 'in', mergedIds).execute();
  for (const part of chunks(rows)) await tx.insertInto('record_links', part).execute();
  return moving.length;
}

/** Comments and notifications about a merged record now point at the survivor. */
export async function moveObjectRefs(tx: WorkspaceDb, objectType: DuplicateObject, survivorId: string, mergedIds: string[]): Promise<number> {
  const c = await tx.updateTable('comments').set({ object_id: survivorId }).where('object_type', '=', objectType).where('object_id', 'in', mergedIds).executeTakeFirst();
  await tx.updateTable('notifications').set({ object_id: survivorId }).where('object_type', '=', objectType).where('object_id', 'in', mergedIds).execute();
  return Number(c.numUpdatedRows);
}

/** Deals with a merged contact name the survivor instead (once), in `contact_ids` and the `deal_contacts` index. */
export async function moveDealContacts(tx: WorkspaceDb, survivorId: string, mergedIds: string[], at: string): Promise<EventInput[]> {
  const dealIds = [...new Set((await tx.selectFrom('deal_contacts').select('deal_id').where('contact_id', 'in', mergedIds).execute()).map((r) => r.deal_id))];
  const events: EventInput[] = [];
  const merged = new Set(mergedIds);
  for (const part of chunks(dealIds)) {
    const deals = await tx.selectFrom('deals').select(['id', 'contact_ids']).where('id', 'in', part).execute();
    for (const d of deals) {
      const before = tx.dialect.json.read<string[]>(d.contact_ids, []);
      const after = [...new Set(before.map((id) => (merged.has(id) ? survivorId : id)))];
      await tx
        .updateTable('deals')
        .set({ contact_ids: tx.dialect.json.write(after), version: sql`version + 1`, updated_at: at } as any)
        .where('id', '=', d.id)
        .execute();
      await tx.deleteFrom('deal_contacts').where('deal_id', '=', d.id).execute();
      if (after.length) await tx.insertInto('deal_contacts', after.map((c) => ({ deal_id: d.id, contact_id: c }))).execute();
      events.push({ action: 'updated', objectType: 'deals', objectId: d.id, changes: { contactIds: { before, after } } });
    }
  }
  return events;
}

/**
 * Records of `table` whose `column` names a merged record name the survivor instead, as a change
 * of those records (new version, an event each). `exceptId` keeps the survivor from pointing at itself.
 */
export async function repointRecords(
  tx: WorkspaceDb,
  opts: { table: 'contacts' | 'companies' | 'deals'; column: 'company_id' | 'parent_id'; field: string; survivorId: string; mergedIds: string[]; at: string },
): Promise<EventInput[]> {
  const { table, column, survivorId, mergedIds, at } = opts;
  const rows = (await (tx.selectFrom(table) as any)
    .select(['id', `${column} as ref`])
    .where(column, 'in', mergedIds)
    .where('id', '!=', survivorId)
    .execute()) as { id: string; ref: string }[];
  for (const part of chunks(rows.map((r) => r.id))) {
    await (tx.updateTable(table) as any)
      .set({ [column]: survivorId, version: sql`version + 1`, updated_at: at })
      .where('id', 'in', part)
      .execute();
  }
  return rows.map((r) => ({ action: 'updated', objectType: table, objectId: r.id, changes: { [opts.field]: { before: r.ref, after: survivorId } } }));
}

/** References that are history rather than relations: a lead's conversion, a quote's or invoice's customer. */
export async function moveDocumentRefs(tx: WorkspaceDb, objectType: DuplicateObject, survivorId: string, mergedIds: string[]): Promise<void> {
  if (objectType === 'contacts') {
    await tx.updateTable('leads').set({ converted_contact_id: survivorId }).where('converted_contact_id', 'in', mergedIds).execute();
    await tx.updateTable('quotes').set({ contact_id: survivorId }).where('contact_id', 'in', mergedIds).execute();
    await tx.updateTable('invoices').set({ contact_id: survivorId }).where('contact_id', 'in', mergedIds).execute();
  } else {
    await tx.updateTable('leads').set({ converted_company_id: survivorId }).where('converted_company_id', 'in', mergedIds).execute();
    await tx.updateTable('quotes').set({ company_id: survivorId }).where('company_id', 'in', mergedIds).execute();
    await tx.updateTable('invoices').set({ company_id: survivorId }).where('company_id', 'in', mergedIds).execute();
  }
}

/**
 * The merged contacts' consent records become the survivor's: they are evidence of what the
 * person agreed to and must outlive the merge. Returns, per purpose, the status now in force
 * (the newest record across all of them).
 */
export async function moveConsents(tx: WorkspaceDb, survivorId: string, mergedIds: string[]): Promise<Map<string, string>> {
  await tx.updateTable('contact_consents').set({ contact_id: survivorId }).where('contact_id', 'in', mergedIds).execute();
  const rows = await tx
    .selectFrom('contact_consents')
    .select(['purpose', 'status', 'recorded_at', 'created_at'])
    .where('contact_id', '=', survivorId)
    .orderBy('recorded_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const inForce = new Map<string, string>();
  for (const r of rows) if (!inForce.has(r.purpose)) inForce.set(r.purpose, r.status);
  return inForce;
}

/** Deletes the merged records for good; their email index rows go with them. */
export async function deleteRecords(tx: WorkspaceDb, objectType: DuplicateObject, ids: string[]): Promise<void> {
  if (objectType === 'contacts') await tx.deleteFrom('contact_emails').where('contact_id', 'in', ids).execute();
  await tx.deleteFrom(objectType).where('id', 'in', ids).execute();
}

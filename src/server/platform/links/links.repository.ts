import type { LinkRef, LinkableType } from '../../../contract/activities';
import type { WorkspaceDb } from '../../db/scoped';
import type { FieldErrors } from '../errors';
import { existingIds } from '../records/references.repository';

/** What holds links to records: activities and tasks today. */
export type LinkSource = 'activity' | 'task';

/**
 * Replaces the records `sourceId` is linked to (a `fresh` source has none to remove) and returns
 * the links as `linksOf` reads them back: once each, ordered by type and id.
 */
export async function setLinks(tx: WorkspaceDb, source: LinkSource, sourceId: string, links: LinkRef[], opts: { fresh?: boolean } = {}): Promise<LinkRef[]> {
  if (!opts.fresh) await tx.deleteFrom('record_links').where('source_type', '=', source).where('source_id', '=', sourceId).execute();
  const unique = [...new Map(links.map((l) => [`${l.objectType}:${l.id}`, l])).values()];
  const key = (l: LinkRef) => `${l.objectType}\u0000${l.id}`;
  unique.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (unique.length === 0) return [];
  await tx
    .insertInto(
      'record_links',
      unique.map((l) => ({ source_type: source, source_id: sourceId, object_type: l.objectType, object_id: l.id })),
    )
    .execute();
  return unique.map((l) => ({ objectType: l.objectType, id: l.id }));
}

export async function removeLinks(tx: WorkspaceDb, source: LinkSource, sourceIds: string[]): Promise<void> {
  if (sourceIds.length) await tx.deleteFrom('record_links').where('source_type', '=', source).where('source_id', 'in', sourceIds).execute();
}

/** The links of each source, by source id. */
export async function linksOf(db: WorkspaceDb, source: LinkSource, sourceIds: string[]): Promise<Map<string, LinkRef[]>> {
  const out = new Map<string, LinkRef[]>(sourceIds.map((id) => [id, []]));
  for (let i = 0; i < sourceIds.length; i += 500) {
    const rows = await db
      .selectFrom('record_links')
      .select(['source_id', 'object_type', 'object_id'])
      .where('source_type', '=', source)
      .where('source_id', 'in', sourceIds.slice(i, i + 500))
      .orderBy('object_type')
      .orderBy('object_id')
      .execute();
    for (const r of rows) out.get(r.source_id)?.push({ objectType: r.object_type as LinkableType, id: r.object_id });
  }
  return out;
}

/** Reports links to records that do not exist in this workspace. */
export async function checkLinks(db: WorkspaceDb, links: LinkRef[], errors: FieldErrors, field = 'links'): Promise<void> {
  const found = new Map<string, Set<string>>();
  for (const type of new Set(links.map((l) => l.objectType))) {
    found.set(type, await existingIds(db, type, links.filter((l) => l.objectType === type).map((l) => l.id)));
  }
  links.forEach((l, i) => {
    if (!found.get(l.objectType)?.has(l.id)) errors.add(`${field}.${i}.id`, `no such record in ${l.objectType}`);
  });
}

/** Whether a record exists in the workspace (trashed ones included: their history stays readable). */
export async function recordExists(db: WorkspaceDb, objectType: LinkableType, id: string): Promise<boolean> {
  return (await existingIds(db, objectType, [id])).has(id);
}

import type { ActivityRow, EventRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export type Position = { at: string; id: string };

export const insertActivity = (tx: WorkspaceDb, row: Omit<ActivityRow, 'workspace_id'>) => tx.insertInto('activities', row).execute();

export const updateActivity = (tx: WorkspaceDb, id: string, set: Partial<ActivityRow>) => tx.updateTable('activities').set(set).where('id', '=', id).execute();

export const deleteActivity = (tx: WorkspaceDb, id: string) => tx.deleteFrom('activities').where('id', '=', id).execute();

export const findActivity = (db: WorkspaceDb, id: string) => db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();

/** Activities newest first (by when they happened), optionally those linked to one record. */
export async function activitiesPage(
  db: WorkspaceDb,
  q: { link?: { objectType: string; objectId: string }; types?: string[]; before?: Position; limit: number },
): Promise<ActivityRow[]> {
  let query = db.selectFrom('activities').selectAll('activities');
  const link = q.link;
  if (link) {
    query = query
      .innerJoin('record_links', (j) => j.onRef('record_links.source_id', '=', 'activities.id').onRef('record_links.workspace_id', '=', 'activities.workspace_id'))
      .where('record_links.source_type', '=', 'activity')
      .where('record_links.object_type', '=', link.objectType)
      .where('record_links.object_id', '=', link.objectId);
  }
  if (q.types) query = query.where('activities.type', 'in', q.types);
  const before = q.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('activities.occurred_at', '<', before.at), eb.and([eb('activities.occurred_at', '=', before.at), eb('activities.id', '<', before.id)])]),
    );
  }
  return (await query.orderBy('activities.occurred_at', 'desc').orderBy('activities.id', 'desc').limit(q.limit).execute()) as ActivityRow[];
}

/** The changes recorded on one record (created, updated, trashed, restored), newest first. */
export async function recordEventsPage(db: WorkspaceDb, q: { objectType: string; objectId: string; before?: Position; limit: number }): Promise<EventRow[]> {
  let query = db.selectFrom('events').selectAll().where('object_id', '=', q.objectId).where('object_type', '=', q.objectType);
  const before = q.before;
  if (before) query = query.where((eb) => eb.or([eb('created_at', '<', before.at), eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)])]));
  return (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute()) as EventRow[];
}

import type { CommentRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export const insertComment = (tx: WorkspaceDb, row: Omit<CommentRow, 'workspace_id'>) => tx.insertInto('comments', row).execute();

export const updateCommentBody = (tx: WorkspaceDb, id: string, set: Pick<CommentRow, 'body' | 'mentions' | 'updated_at'>) =>
  tx.updateTable('comments').set(set).where('id', '=', id).execute();

export const deleteComment = (tx: WorkspaceDb, id: string) => tx.deleteFrom('comments').where('id', '=', id).execute();

export const findComment = (db: WorkspaceDb, id: string) => db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();

/** Comments on a record, newest first, after an optional (created_at, id) position. */
export async function commentsOn(db: WorkspaceDb, q: { objectType: string; objectId: string; before?: { at: string; id: string }; limit: number }) {
  let query = db.selectFrom('comments').selectAll().where('object_type', '=', q.objectType).where('object_id', '=', q.objectId);
  const before = q.before;
  if (before) query = query.where((eb) => eb.or([eb('created_at', '<', before.at), eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)])]));
  return (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute()) as CommentRow[];
}

/** Names of workspace members, by user id. */
export async function memberNames(db: WorkspaceDb, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name'])
    .where('memberships.user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A short name for a record (a contact's full name, a company's name). */
export async function recordTitle(db: WorkspaceDb, objectType: string, id: string): Promise<string | null> {
  if (objectType === 'contacts') return (await db.selectFrom('contacts').select('full_name').where('id', '=', id).executeTakeFirst())?.full_name ?? null;
  if (objectType === 'companies') return (await db.selectFrom('companies').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
  return null;
}

import type { TaskRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export const OPEN_STATUSES = ['open', 'in_progress'];

export const insertTask = (tx: WorkspaceDb, row: Omit<TaskRow, 'workspace_id'>) => tx.insertInto('tasks', row).execute();

export const updateTask = (tx: WorkspaceDb, id: string, set: Partial<TaskRow>) => tx.updateTable('tasks').set(set).where('id', '=', id).execute();

export const deleteTask = (tx: WorkspaceDb, id: string) => tx.deleteFrom('tasks').where('id', '=', id).execute();

export const findTask = (db: WorkspaceDb, id: string) => db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst() as Promise<TaskRow | undefined>;

export async function listTasks(
  db: WorkspaceDb,
  q: { status?: string; assigneeId?: string; link?: { objectType: string; objectId: string }; cursor?: string; limit: number },
): Promise<TaskRow[]> {
  let query = db.selectFrom('tasks').selectAll('tasks');
  const link = q.link;
  if (link) {
    query = query
      .innerJoin('record_links', (j) => j.onRef('record_links.source_id', '=', 'tasks.id').onRef('record_links.workspace_id', '=', 'tasks.workspace_id'))
      .where('record_links.source_type', '=', 'task')
      .where('record_links.object_type', '=', link.objectType)
      .where('record_links.object_id', '=', link.objectId);
  }
  if (q.status) query = query.where('tasks.status', '=', q.status);
  if (q.assigneeId) query = query.where('tasks.assignee_id', '=', q.assigneeId);
  if (q.cursor) query = query.where('tasks.id', '<', q.cursor);
  return (await query.orderBy('tasks.id', 'desc').limit(q.limit).execute()) as TaskRow[];
}

/** Open tasks assigned to someone, soonest due first (undated last). */
export async function openTasksOf(db: WorkspaceDb, userId: string, limit: number): Promise<TaskRow[]> {
  return (await db
    .selectFrom('tasks')
    .selectAll()
    .where('assignee_id', '=', userId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy((eb) => eb.case().when('due_at', 'is', null).then(1).else(0).end())
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute()) as TaskRow[];
}

/** Tasks of someone due within a window (for their calendar). */
export async function tasksDueBetween(db: WorkspaceDb, userId: string, from: string, to: string, limit: number): Promise<TaskRow[]> {
  return (await db
    .selectFrom('tasks')
    .selectAll()
    .where('assignee_id', '=', userId)
    .where('status', 'in', OPEN_STATUSES)
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .orderBy('due_at')
    .limit(limit)
    .execute()) as TaskRow[];
}

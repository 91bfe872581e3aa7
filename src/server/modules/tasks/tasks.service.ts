import type { LinkRef } from '../../../contract/activities';
import type { MyTasks, Task, TaskCreate, TaskQuery, TaskUpdate } from '../../../contract/tasks';
import type { TaskRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { diff, recordEvents } from '../../platform/events/events.repository';
import { FieldErrors, forbidden, invalid, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import type { JobQueue } from '../../platform/jobs/job-queue';
import { checkLinks, linksOf, removeLinks, setLinks } from '../../platform/links/links.repository';
import { memberIds } from '../../platform/records/references.repository';
import { memberNames } from '../comments/comments.repository';
import type { Notify } from '../notifications/notifications.service';
import { formatRecurrence, nextOccurrence, parseRecurrence } from './recurrence';
import { taskReminderJob } from './task-reminder.job';
import * as repo from './tasks.repository';
import { isTimeZone, startOfNextDay } from './zoned-day';

const toTask = (r: TaskRow, links: LinkRef[]): Task => ({
  id: r.id,
  title: r.title,
  description: r.description,
  dueAt: r.due_at,
  reminderMinutes: r.reminder_minutes,
  assigneeId: r.assignee_id,
  priority: r.priority,
  status: r.status,
  recurrence: r.recurrence,
  completedAt: r.completed_at,
  previousId: r.previous_id,
  links,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const MY_TASKS_LIMIT = 1000;

/** Tasks with due dates, assignees, reminders and recurrence, linked to the records they concern. */
export function createTasksService(scoped: (ctx: Ctx) => WorkspaceDb, deps: { clock: Clock; queue: JobQueue; notify: Notify }) {
  const { clock, queue, notify } = deps;
  const nowIso = () => clock.now().toISOString();

  async function present(db: WorkspaceDb, rows: TaskRow[]): Promise<Task[]> {
    const links = await linksOf(
      db,
      'task',
      rows.map((r) => r.id),
    );
    return rows.map((r) => toTask(r, links.get(r.id) ?? []));
  }

  async function loadRow(db: WorkspaceDb, id: string): Promise<TaskRow> {
    const row = isId(id) ? await repo.findTask(db, id) : undefined;
    if (!row) throw notFound('Task');
    return row;
  }

  /** Validates an input into the next row state (without id/meta) and its links. */
  async function prepare(db: WorkspaceDb, input: TaskCreate | TaskUpdate, base: TaskRow | null) {
    const errors = new FieldErrors();
    const next = { ...(base ?? ({ priority: 'normal', status: 'open', reminder_minutes: 0 } as Partial<TaskRow>)) } as TaskRow;
    if (input.title !== undefined) next.title = input.title.trim();
    if (input.title !== undefined && !next.title) errors.add('title', 'is required');
    if (input.description !== undefined) next.description = input.description?.trim() || null;
    if (input.dueAt !== undefined) next.due_at = input.dueAt ? new Date(input.dueAt).toISOString() : null;
    if (input.reminderMinutes !== undefined) next.reminder_minutes = input.reminderMinutes;
    if (input.priority !== undefined) next.priority = input.priority;
    if (input.status !== undefined) next.status = input.status;
    if (input.assigneeId !== undefined) {
      next.assignee_id = input.assigneeId;
      if (input.assigneeId && !(await memberIds(db, [input.assigneeId])).has(input.assigneeId)) errors.add('assigneeId', 'is not a member of this workspace');
    }
    if (input.recurrence !== undefined) {
      try {
        next.recurrence = input.recurrence ? formatRecurrence(parseRecurrence(input.recurrence)) : null;
      } catch (err) {
        errors.add('recurrence', (err as Error).message);
      }
    }
    if (input.links) await checkLinks(db, input.links, errors);
    errors.throwIfAny();
    next.due_at ??= null;
    next.description ??= null;
    next.assignee_id ??= null;
    next.recurrence ??= null;
    return next;
  }

  /** Queues the reminder a task needs now (none once done, undated, unassigned or past due). */
  async function scheduleReminder(tx: WorkspaceDb, task: TaskRow): Promise<string | null> {
    if (!repo.OPEN_STATUSES.includes(task.status) || !task.due_at || !task.assignee_id || task.reminder_minutes === null) return null;
    const due = Date.parse(task.due_at);
    const now = clock.now().getTime();
    if (due <= now) return null;
    const runAt = new Date(Math.max(now, due - task.reminder_minutes * 60_000));
    const job = await queue.enqueue(tx, taskReminderJob, { taskId: task.id }, { runAt, idempotencyKey: `task-reminder:${task.id}:${runAt.toISOString()}:${task.assignee_id}` });
    return job.id;
  }

  async function notifyAssignee(tx: WorkspaceDb, ctx: Ctx, task: TaskRow) {
    if (!task.assignee_id || task.assignee_id === ctx.userId) return;
    const who = (ctx.userId && (await memberNames(tx, [ctx.userId])).get(ctx.userId)) || 'Someone';
    await notify(tx, [{ userId: task.assignee_id, type: 'task.assigned', title: `${who} assigned you: ${task.title}`, objectType: 'tasks', objectId: task.id, actorId: ctx.userId }]);
  }

  async function insert(tx: WorkspaceDb, ctx: Ctx, row: TaskRow, links: LinkRef[]): Promise<void> {
    row.reminder_job_id = await scheduleReminder(tx, row);
    const { workspace_id: _ws, ...values } = row;
    await repo.insertTask(tx, values);
    const stored = await setLinks(tx, 'task', row.id, links, { fresh: true });
    await recordEvents(tx, ctx, [{ action: 'created', objectType: 'task', objectId: row.id, changes: diff(null, toTask(row, stored)) }]);
    await notifyAssignee(tx, ctx, row);
  }

  /** The next occurrence of a recurring task that was just completed: the first one after now. */
  async function createNext(tx: WorkspaceDb, ctx: Ctx, done: TaskRow): Promise<void> {
    const rule = parseRecurrence(done.recurrence!);
    const now = clock.now();
    let due: Date | null = done.due_at ? new Date(done.due_at) : now;
    do due = nextOccurrence(rule, due);
    while (due && due <= now);
    if (!due) return;
    const at = nowIso();
    const links = (await linksOf(tx, 'task', [done.id])).get(done.id) ?? [];
    const next: TaskRow = {
      ...done,
      id: newId(),
      due_at: due.toISOString(),
      status: 'open',
      completed_at: null,
      reminder_job_id: null,
      previous_id: done.id,
      created_by: ctx.userId,
      created_at: at,
      updated_at: at,
    };
    await insert(tx, ctx, next, links);
  }

  return {
    async list(ctx: Ctx, q: TaskQuery) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      if (!!q.objectType !== !!q.objectId) throw invalid(q.objectType ? 'objectId' : 'objectType', 'give objectType and objectId together');
      const rows = await repo.listTasks(db, {
        ...q,
        link: q.objectType && q.objectId ? { objectType: q.objectType, objectId: q.objectId } : undefined,
        limit: q.limit + 1,
      });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      return { data: await present(db, page), nextCursor: more ? page[page.length - 1].id : null };
    },

    async get(ctx: Ctx, id: string): Promise<Task> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      return (await present(db, [await loadRow(db, id)]))[0];
    },

    /** Open tasks assigned to the caller, split by the day in `tz` (UTC by default). */
    async mine(ctx: Ctx, tz = 'UTC'): Promise<MyTasks> {
      requirePermission(ctx, 'records:read');
      if (!ctx.userId) throw forbidden('Tasks are assigned to people; sign in to see yours');
      if (!isTimeZone(tz)) throw invalid('tz', `"${tz}" is not a known time zone`);
      const db = scoped(ctx);
      const now = clock.now();
      const tomorrow = startOfNextDay(now, tz).toISOString();
      const tasks = await present(db, await repo.openTasksOf(db, ctx.userId, MY_TASKS_LIMIT));
      const out: MyTasks = { overdue: [], today: [], upcoming: [], undated: [] };
      for (const t of tasks) {
        if (!t.dueAt) out.undated.push(t);
        else if (t.dueAt < now.toISOString()) out.overdue.push(t);
        else if (t.dueAt < tomorrow) out.today.push(t);
        else out.upcoming.push(t);
      }
      return out;
    },

    async create(ctx: Ctx, input: TaskCreate): Promise<Task> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      const prepared = await prepare(db, input, null);
      const at = nowIso();
      const row: TaskRow = {
        ...prepared,
        id: newId(),
        workspace_id: ctx.workspaceId,
        completed_at: prepared.status === 'done' ? at : null,
        reminder_job_id: null,
        previous_id: null,
        created_by: ctx.userId,
        created_at: at,
        updated_at: at,
      };
      await db.transaction((tx) => insert(tx, ctx, row, input.links ?? []));
      return this.get(ctx, row.id);
    },

    /**
     * Reschedules the reminder when the due time, offset, assignee or status change; completing
     * a recurring task creates its next occurrence.
     */
    async update(ctx: Ctx, id: string, input: TaskUpdate): Promise<Task> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      await db.transaction(async (tx) => {
        const before = await loadRow(tx, id);
        const next = await prepare(tx, input, before);
        next.updated_at = nowIso();
        const completing = next.status === 'done' && before.status !== 'done';
        if (next.status !== before.status) next.completed_at = next.status === 'done' ? nowIso() : null;
        const reminderChanged = (['due_at', 'reminder_minutes', 'assignee_id', 'status'] as const).some((k) => next[k] !== before[k]);
        if (reminderChanged) {
          if (before.reminder_job_id) await queue.cancel(tx, before.reminder_job_id);
          next.reminder_job_id = await scheduleReminder(tx, next);
        }
        const { workspace_id: _ws, id: _id, ...set } = next;
        await repo.updateTask(tx, id, set);
        const linksBefore = (await linksOf(tx, 'task', [id])).get(id) ?? [];
        if (input.links) await setLinks(tx, 'task', id, input.links);
        const changes = diff(toTask(before, linksBefore), toTask(next, input.links ?? linksBefore));
        if (Object.keys(changes).length) await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'task', objectId: id, changes }]);
        if (next.assignee_id !== before.assignee_id) await notifyAssignee(tx, ctx, next);
        if (completing && next.recurrence) await createNext(tx, ctx, next);
      });
      return this.get(ctx, id);
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'records:write');
      await scoped(ctx).transaction(async (tx) => {
        const row = await loadRow(tx, id);
        if (row.reminder_job_id) await queue.cancel(tx, row.reminder_job_id);
        await removeLinks(tx, 'task', [id]);
        await repo.deleteTask(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'task', objectId: id, changes: { title: { before: row.title, after: null } } }]);
      });
    },
  };
}
export type TasksService = ReturnType<typeof createTasksService>;

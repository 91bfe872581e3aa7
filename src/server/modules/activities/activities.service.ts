import type { Activity, ActivityCreate, ActivityQuery, ActivityType, ActivityUpdate, LinkRef } from '../../../contract/activities';
import type { ActivityRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { diff, recordEvents } from '../../platform/events/events.repository';
import { FieldErrors, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import { checkLinks, linksOf, removeLinks, setLinks } from '../../platform/links/links.repository';
import { activityBody, activityDetails } from './activity-input';
import * as repo from './activities.repository';
import { decodePosition, encodePosition } from './position';

export function toActivity(db: WorkspaceDb, r: ActivityRow, links: LinkRef[]): Activity {
  const details = db.dialect.json.read<Record<string, unknown> | null>(r.details, null);
  return {
    id: r.id,
    type: r.type,
    subject: r.subject,
    body: r.body,
    occurredAt: r.occurred_at,
    links,
    ...(details && r.type !== 'note' ? { [r.type]: details } : {}),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Rows with their links, as the API shows them. */
export async function presentActivities(db: WorkspaceDb, rows: ActivityRow[]): Promise<Activity[]> {
  const links = await linksOf(
    db,
    'activity',
    rows.map((r) => r.id),
  );
  return rows.map((r) => toActivity(db, r, links.get(r.id) ?? []));
}

/** Emails, calls, meetings, chats, social messages and notes, linked to the records they concern. */
export function createActivitiesService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  async function load(db: WorkspaceDb, id: string): Promise<Activity> {
    const row = isId(id) ? await repo.findActivity(db, id) : undefined;
    if (!row) throw notFound('Activity');
    return (await presentActivities(db, [row]))[0];
  }

  return {
    async list(ctx: Ctx, q: ActivityQuery) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const errors = new FieldErrors();
      if (!!q.objectType !== !!q.objectId) errors.add(q.objectType ? 'objectId' : 'objectType', 'give objectType and objectId together');
      errors.throwIfAny();
      const rows = await repo.activitiesPage(db, {
        link: q.objectType && q.objectId ? { objectType: q.objectType, objectId: q.objectId } : undefined,
        types: q.type ? [q.type] : undefined,
        before: q.cursor ? decodePosition(q.cursor) : undefined,
        limit: q.limit + 1,
      });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      const last = page[page.length - 1];
      return { data: await presentActivities(db, page), nextCursor: more ? encodePosition({ at: last.occurred_at, id: last.id }) : null };
    },

    async get(ctx: Ctx, id: string): Promise<Activity> {
      requirePermission(ctx, 'records:read');
      return load(scoped(ctx), id);
    },

    async create(ctx: Ctx, input: ActivityCreate): Promise<Activity> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      const errors = new FieldErrors();
      const details = activityDetails(input.type, input, errors, true);
      const body = activityBody(input.type, input.body, errors, true) ?? null;
      const links = input.links ?? [];
      await checkLinks(db, links, errors);
      errors.throwIfAny();
      const at = clock.now().toISOString();
      const meetingStart = input.type === 'meeting' ? (details as { startAt?: string } | undefined)?.startAt : undefined;
      const row: Omit<ActivityRow, 'workspace_id'> = {
        id: newId(),
        type: input.type,
        subject: input.subject?.trim() || null,
        body,
        details: db.dialect.json.write(details ?? {}),
        occurred_at: input.occurredAt ? new Date(input.occurredAt).toISOString() : (meetingStart ?? at),
        created_by: ctx.userId,
        created_at: at,
        updated_at: at,
      };
      // The answer is what was written: reading it back would cost two more queries per activity
      // (mail and calendar sync log them by the thousand).
      return db.transaction(async (tx) => {
        await repo.insertActivity(tx, row);
        const stored = await setLinks(tx, 'activity', row.id, links, { fresh: true });
        const created = toActivity(tx, { ...row, workspace_id: ctx.workspaceId }, stored);
        await recordEvents(tx, ctx, [{ action: 'created', objectType: 'activity', objectId: row.id, changes: diff(null, created) }]);
        return created;
      });
    },

    async update(ctx: Ctx, id: string, input: ActivityUpdate): Promise<Activity> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      return db.transaction(async (tx) => {
        const before = await load(tx, id);
        const type = before.type as ActivityType;
        const errors = new FieldErrors();
        const details = activityDetails(type, input, errors, false);
        const body = activityBody(type, input.body, errors, false);
        if (input.links) await checkLinks(tx, input.links, errors);
        errors.throwIfAny();
        const set: Partial<ActivityRow> = { updated_at: clock.now().toISOString() };
        if (input.subject !== undefined) set.subject = input.subject?.trim() || null;
        if (body !== undefined) set.body = body;
        if (details !== undefined) set.details = tx.dialect.json.write(details);
        if (input.occurredAt !== undefined) set.occurred_at = new Date(input.occurredAt).toISOString();
        await repo.updateActivity(tx, id, set);
        if (input.links) await setLinks(tx, 'activity', id, input.links);
        const after = await load(tx, id);
        const changes = diff(before, after);
        if (Object.keys(changes).length) await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'activity', objectId: id, changes }]);
        return after;
      });
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'records:write');
      await scoped(ctx).transaction(async (tx) => {
        const before = await load(tx, id);
        await removeLinks(tx, 'activity', [id]);
        await repo.deleteActivity(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'activity', objectId: id, changes: diff(before, null) }]);
      });
    },
  };
}
export type ActivitiesService = ReturnType<typeof createActivitiesService>;

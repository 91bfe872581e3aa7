import { ACTIVITY_TYPES, type LinkableType, type TimelineItem, type TimelineQuery } from '../../../contract/activities';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../../platform/context';
import type { FieldChange } from '../../platform/events/events.repository';
import { notFound } from '../../platform/errors';
import { isId } from '../../platform/ids';
import { recordExists } from '../../platform/links/links.repository';
import { toComment } from '../comments/comments.service';
import { commentsOn } from '../comments/comments.repository';
import { presentActivities } from './activities.service';
import * as repo from './activities.repository';
import { decodePosition, encodePosition } from './position';

const newestFirst = (a: TimelineItem, b: TimelineItem) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1);

/**
 * A record's timeline: its activities, comments and recorded changes merged newest first.
 * Each source is read up to the page size past the cursor, so the merge is exact.
 */
export function createTimelineService(scoped: (ctx: Ctx) => WorkspaceDb) {
  return {
    async timeline(ctx: Ctx, objectType: LinkableType, id: string, q: TimelineQuery): Promise<{ data: TimelineItem[]; nextCursor: string | null }> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      if (!isId(id) || !(await recordExists(db, objectType, id))) throw notFound(objectType === 'contacts' ? 'Contact' : 'Company');
      const wanted = new Set(q.type ? q.type.split(',') : [...ACTIVITY_TYPES, 'comment', 'event']);
      const activityTypes = ACTIVITY_TYPES.filter((t) => wanted.has(t));
      const before = q.cursor ? decodePosition(q.cursor) : undefined;
      const n = q.limit + 1;

      const [activities, comments, events] = await Promise.all([
        activityTypes.length ? repo.activitiesPage(db, { link: { objectType, objectId: id }, types: activityTypes, before, limit: n }) : [],
        wanted.has('comment') ? commentsOn(db, { objectType, objectId: id, before, limit: n }) : [],
        wanted.has('event') ? repo.recordEventsPage(db, { objectType, objectId: id, before, limit: n }) : [],
      ]);
      const items: TimelineItem[] = [
        ...(await presentActivities(db, activities)).map((a) => ({ kind: 'activity' as const, type: a.type, id: a.id, at: a.occurredAt, activity: a })),
        ...comments.map((c) => ({ kind: 'comment' as const, type: 'comment', id: c.id, at: c.created_at, comment: toComment(db, c) })),
        ...events.map((e) => ({
          kind: 'event' as const,
          type: e.action,
          id: e.id,
          at: e.created_at,
          event: {
            id: e.id,
            action: e.action,
            objectType: e.object_type,
            objectId: e.object_id,
            actor: { type: e.actor_type, id: e.actor_id },
            changes: db.dialect.json.read<Record<string, FieldChange>>(e.changes, {}),
            createdAt: e.created_at,
          },
        })),
      ].sort(newestFirst);
      const page = items.slice(0, q.limit);
      const last = page[page.length - 1];
      return { data: page, nextCursor: items.length > q.limit ? encodePosition({ at: last.at, id: last.id }) : null };
    },
  };
}
export type TimelineService = ReturnType<typeof createTimelineService>;

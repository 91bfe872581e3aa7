import type { Database } from '../../db/database';
import type { WorkspaceDb } from '../../db/scoped';
import { hashToken, randomToken } from '../../platform/auth/secrets';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission, systemCtx } from '../../platform/context';
import { forbidden, notFound } from '../../platform/errors';
import { htmlToText } from '../../platform/html/sanitize';
import { tasksDueBetween } from '../tasks/tasks.repository';
import * as repo from './calendar.repository';
import { type IcsEvent, buildCalendar } from './ics';

const DAY = 86_400_000;
const TASK_MINUTES = 30;
type Meeting = { startAt: string; endAt: string; attendees?: { email?: string }[]; location?: string };

/** Each person's tasks and meetings as an iCalendar feed at a secret address. */
export function createCalendarService(database: Database, scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  const personOf = (ctx: Ctx) => {
    requirePermission(ctx, 'records:read');
    if (!ctx.userId) throw forbidden('A calendar feed belongs to a person; sign in to create yours');
    return ctx.userId;
  };

  return {
    async status(ctx: Ctx) {
      const feed = await repo.findFeed(scoped(ctx), personOf(ctx));
      return { active: !!feed, createdAt: feed?.created_at ?? null };
    },

    /** A new secret address; the previous one stops working. */
    async rotate(ctx: Ctx, publicUrl: string) {
      const userId = personOf(ctx);
      const token = `cal_${randomToken(24)}`;
      const at = clock.now().toISOString();
      await scoped(ctx).transaction((tx) => repo.replaceFeed(tx, userId, hashToken(token), at));
      return { url: `${publicUrl.replace(/\/$/, '')}/api/v1/calendar/${token}.ics`, createdAt: at };
    },

    async revoke(ctx: Ctx) {
      await repo.deleteFeed(scoped(ctx), personOf(ctx));
    },

    /** The feed's text; the token is the only credential. */
    async render(token: string): Promise<string> {
      const feed = await repo.findFeedByHash(database.db, hashToken(token));
      if (!feed) throw notFound('Calendar');
      const db = scoped(systemCtx(feed.workspace_id));
      const now = clock.now();
      const from = new Date(now.getTime() - 30 * DAY).toISOString();
      const to = new Date(now.getTime() + 365 * DAY).toISOString();
      const [tasks, meetings] = await Promise.all([tasksDueBetween(db, feed.user_id, from, to, 2000), repo.meetingsBetween(db, from, to, 5000)]);
      const email = feed.email.toLowerCase();
      const events: IcsEvent[] = tasks.map((t) => ({
        uid: `task-${t.id}@rapport`,
        start: new Date(t.due_at!),
        end: new Date(Date.parse(t.due_at!) + TASK_MINUTES * 60_000),
        summary: `Task: ${t.title}`,
        description: t.description,
        categories: ['Task', t.priority],
        updatedAt: new Date(t.updated_at),
      }));
      for (const m of meetings) {
        const d = db.dialect.json.read<Meeting>(m.details, { startAt: m.occurred_at, endAt: m.occurred_at });
        if (m.created_by !== feed.user_id && !(d.attendees ?? []).some((a) => a.email === email)) continue;
        events.push({
          uid: `meeting-${m.id}@rapport`,
          start: new Date(d.startAt),
          end: new Date(d.endAt),
          summary: m.subject || 'Meeting',
          description: m.body ? htmlToText(m.body) : null,
          location: d.location,
          categories: ['Meeting'],
          updatedAt: new Date(m.updated_at),
        });
      }
      return buildCalendar({ name: `Rapport — ${feed.name}`, events, now });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;

import type { Config } from './config';
import type { Database } from './db/database';
import type { WorkspaceDb } from './db/scoped';
import type { App } from './http/types';
import { registerActivityRoutes } from './modules/activities/activities.routes';
import { createActivitiesService } from './modules/activities/activities.service';
import { createTimelineService } from './modules/activities/timeline.service';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes';
import { createCalendarService } from './modules/calendar/calendar.service';
import { registerCommentRoutes } from './modules/comments/comments.routes';
import { createCommentsService } from './modules/comments/comments.service';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes';
import { createNotificationsService, createNotifier } from './modules/notifications/notifications.service';
import { taskReminderHandler } from './modules/tasks/task-reminder.handler';
import { taskReminderJob } from './modules/tasks/task-reminder.job';
import { registerTaskRoutes } from './modules/tasks/tasks.routes';
import { createTasksService } from './modules/tasks/tasks.service';
import type { Clock } from './platform/clock';
import type { Ctx } from './platform/context';
import type { RunnerOptions } from './platform/jobs/job-config';
import { type JobLogger, type JobRegistration, registerJob } from './platform/jobs/job-definition';
import { createJobQueue } from './platform/jobs/job-queue';
import { createJobRunner } from './platform/jobs/job-runner';
import { jobsCleanupHandler } from './platform/jobs/jobs-cleanup.handler';
import { jobsCleanupJob } from './platform/jobs/jobs-cleanup.job';
import { registerJobRoutes } from './platform/jobs/jobs.routes';
import { createJobsService } from './platform/jobs/jobs.service';
import type { LiveHub } from './platform/live/live-hub';
import { startPgListener } from './platform/live/pg-listener';
import { registerStreamRoute } from './platform/live/stream.routes';

/**
 * Interactions (C3, C8, C10, C11): activities and timelines, tasks and reminders, comments and
 * mentions, notifications, the calendar feed, the job queue and live updates.
 */
export function createInteractions(opts: { database: Database; scoped: (ctx: Ctx) => WorkspaceDb; live: LiveHub; clock: Clock }) {
  const { database, scoped, live, clock } = opts;
  const queue = createJobQueue(clock);
  const notify = createNotifier(live, clock);
  const jobRegistrations: JobRegistration[] = [registerJob(taskReminderJob, taskReminderHandler(notify)), registerJob(jobsCleanupJob, jobsCleanupHandler(database))];
  return {
    live,
    clock,
    queue,
    notifications: createNotificationsService(scoped, clock),
    comments: createCommentsService(scoped, notify, clock),
    activities: createActivitiesService(scoped, clock),
    timeline: createTimelineService(scoped),
    tasks: createTasksService(scoped, { clock, queue, notify }),
    calendar: createCalendarService(database, scoped, clock),
    jobs: createJobsService(scoped, clock),
    jobRegistrations,
    /** A runner for this process's jobs (more job types can be added, e.g. by tests). */
    createJobRunner: (log: JobLogger, options: RunnerOptions, extra: JobRegistration[] = []) =>
      createJobRunner({ database, queue, registrations: [...jobRegistrations, ...extra], clock, log, feed: live.feed }, options),
  };
}
export type Interactions = ReturnType<typeof createInteractions>;

/** Routes, and on PostgreSQL the LISTEN connection that brings other nodes' changes. */
export async function installInteractions(app: App, services: Interactions, config: Config, database: Database) {
  services.live.useLogger(app.log);
  registerActivityRoutes(app, services.activities, services.timeline);
  registerCommentRoutes(app, services.comments);
  registerTaskRoutes(app, services.tasks);
  registerNotificationRoutes(app, services.notifications);
  registerCalendarRoutes(app, services.calendar, { publicUrl: config.publicUrl });
  registerJobRoutes(app, services.jobs);
  registerStreamRoute(app, services.live);
  if (database.dialect.name === 'postgres' && config.databaseUrl) {
    const listener = startPgListener(services.live, { connectionString: config.databaseUrl, log: app.log });
    app.addHook('onClose', async () => listener.close());
    const ready = await Promise.race([listener.ready.then(() => true), new Promise<boolean>((r) => setTimeout(r, 5000, false).unref())]);
    if (!ready) app.log.error('live updates: LISTEN is not in place yet; changes from other nodes arrive once it is');
  }
}

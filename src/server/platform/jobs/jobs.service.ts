import type { Job, JobList, JobQuery } from '../../../contract/jobs';
import type { JobRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../clock';
import { type Ctx, requirePermission } from '../context';
import { recordEvents } from '../events/events.repository';
import { AppError, notFound } from '../errors';
import { isId } from '../ids';
import * as repo from './jobs.repository';

const toJob = (db: WorkspaceDb, r: JobRow): Job => ({
  id: r.id,
  type: r.type,
  state: r.state as Job['state'],
  payload: db.dialect.json.read<unknown>(r.payload, null),
  runAt: r.run_at,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  lastError: r.last_error,
  // Shown as the caller gave it, without the workspace prefix the queue adds.
  idempotencyKey: r.idempotency_key ? r.idempotency_key.slice(r.idempotency_key.indexOf(':') + 1) : null,
  lockedUntil: r.state === 'running' ? r.locked_until : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

/** The workspace's jobs for its admins: what is queued, what failed and why, and a retry. */
export function createJobsService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  return {
    async list(ctx: Ctx, q: JobQuery): Promise<JobList> {
      requirePermission(ctx, 'jobs:manage');
      const db = scoped(ctx);
      const [rows, counts] = await Promise.all([repo.listJobs(db, q), repo.countJobsByState(db)]);
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      return {
        counts: { pending: 0, running: 0, done: 0, dead: 0, cancelled: 0, ...counts },
        data: page.map((r) => toJob(db, r)),
        nextCursor: more ? page[page.length - 1].id : null,
      };
    },

    async get(ctx: Ctx, id: string): Promise<Job> {
      requirePermission(ctx, 'jobs:manage');
      const db = scoped(ctx);
      const row = isId(id) ? await repo.findJob(db, id) : undefined;
      if (!row) throw notFound('Job');
      return toJob(db, row);
    },

    /** Gives a dead job a fresh set of attempts, starting now. */
    async retry(ctx: Ctx, id: string): Promise<Job> {
      requirePermission(ctx, 'jobs:manage');
      const db = scoped(ctx);
      await db.transaction(async (tx) => {
        const row = isId(id) ? await repo.findJob(tx, id) : undefined;
        if (!row) throw notFound('Job');
        if (!(await repo.retryDeadJob(tx, id, clock.now().toISOString()))) {
          throw new AppError('conflict', `state: only a dead job can be retried; this one is ${row.state}`, { field: 'state' });
        }
        await recordEvents(tx, ctx, [{ action: 'retried', objectType: 'job', objectId: id, changes: { state: { before: 'dead', after: 'pending' } } }]);
      });
      return this.get(ctx, id);
    },
  };
}
export type JobsService = ReturnType<typeof createJobsService>;

import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Dialect } from '../../db/dialect';
import type { DB, JobRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export type JobState = 'pending' | 'running' | 'done' | 'dead' | 'cancelled';

export type NewJob = {
  id: string;
  type: string;
  payload: unknown;
  runAt: string;
  maxAttempts: number;
  idempotencyKey: string | null;
  at: string;
};

const columns = (j: NewJob, dialect: Dialect) => ({
  id: j.id,
  type: j.type,
  payload: dialect.json.write(j.payload),
  state: 'pending',
  run_at: j.runAt,
  attempts: 0,
  max_attempts: j.maxAttempts,
  last_error: null,
  idempotency_key: j.idempotencyKey,
  locked_by: null,
  locked_until: null,
  created_at: j.at,
  updated_at: j.at,
  finished_at: null,
});

/** Queues a job in the caller's transaction. A key already queued inserts nothing: returns false. */
export async function insertJob(tx: WorkspaceDb, job: NewJob): Promise<boolean> {
  const res = await tx
    .insertInto('jobs', columns(job, tx.dialect))
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A system job (no workspace), e.g. the next occurrence of a cron job. */
export async function insertSystemJob(db: Kysely<DB>, dialect: Dialect, job: NewJob): Promise<boolean> {
  const res = await db
    .insertInto('jobs')
    .values({ ...columns(job, dialect), workspace_id: null })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const jobIdByKey = async (tx: WorkspaceDb, key: string) =>
  (await tx.selectFrom('jobs').select('id').where('idempotency_key', '=', key).executeTakeFirst())?.id ?? null;

/** Cancels a job that has not started; a running one finishes (its handler re-checks its record). */
export async function cancelJob(tx: WorkspaceDb, id: string, at: string): Promise<void> {
  await tx.updateTable('jobs').set({ state: 'cancelled', finished_at: at, updated_at: at }).where('id', '=', id).where('state', '=', 'pending').execute();
}

type Claim = { workerId: string; now: string; lockedUntil: string; limit: number };

/**
 * Takes up to `limit` due jobs: pending ones whose time has come, and running ones whose
 * worker's lease has run out (it crashed). Each try counts as an attempt.
 */
export async function claimJobs(db: Kysely<DB>, dialect: Dialect, c: Claim): Promise<JobRow[]> {
  const due = (q: Kysely<DB>) =>
    q
      .selectFrom('jobs')
      .select('id')
      // A running job's run_at has passed too, so both kinds come from one range of the
      // (state, run_at) index; finished jobs are never read.
      .where('state', 'in', ['pending', 'running'])
      .where('run_at', '<=', c.now)
      .where((eb) =>
        eb.or([
          eb('state', '=', 'pending'),
          // Never this worker's own: those are still running here, and their heartbeat is late.
          eb.and([eb('locked_until', '<', c.now), eb('locked_by', '<>', c.workerId)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(c.limit);
  const take = (q: Kysely<DB>, ids: SelectQueryBuilder<DB, 'jobs', { id: string }>) =>
    q
      .updateTable('jobs')
      .set({ state: 'running', locked_by: c.workerId, locked_until: c.lockedUntil, attempts: sql`attempts + 1`, updated_at: c.now })
      .where('id', 'in', ids)
      .returningAll()
      .execute();
  if (dialect.name === 'postgres') {
    // Several workers claim at once: each skips the rows another is taking instead of waiting.
    return take(db, due(db).forUpdate().skipLocked());
  }
  // SQLite has one writer: take the write lock before reading, so two processes never claim one job.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const rows = await take(conn, due(conn));
      await sql`commit`.execute(conn);
      return rows;
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
}

/** Keeps this worker's jobs locked while they run. */
export async function extendLeases(db: Kysely<DB>, ids: string[], workerId: string, lockedUntil: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('jobs').set({ locked_until: lockedUntil }).where('id', 'in', ids).where('locked_by', '=', workerId).where('state', '=', 'running').execute();
}

type Fence = { id: string; workerId: string; at: string };
const finished = (at: string) => ({ state: 'done', finished_at: at, updated_at: at, locked_by: null, locked_until: null });

/** Marks a job done if this worker still holds it; false when its lease was lost. */
export async function finishJob(db: Kysely<DB>, f: Fence): Promise<boolean> {
  const res = await db.updateTable('jobs').set(finished(f.at)).where('id', '=', f.id).where('locked_by', '=', f.workerId).where('state', '=', 'running').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The same inside the handler's own transaction (see JobRun.complete). */
export async function finishJobIn(tx: WorkspaceDb, f: Fence): Promise<boolean> {
  const res = await tx.updateTable('jobs').set(finished(f.at)).where('id', '=', f.id).where('locked_by', '=', f.workerId).where('state', '=', 'running').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A failed try: back to pending at `retryAt`, or dead when `retryAt` is null. */
export async function failJob(db: Kysely<DB>, f: Fence & { error: string; retryAt: string | null }): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set({
      state: f.retryAt ? 'pending' : 'dead',
      run_at: f.retryAt ?? sql`run_at`,
      last_error: f.error,
      finished_at: f.retryAt ? null : f.at,
      updated_at: f.at,
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', f.id)
    .where('locked_by', '=', f.workerId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Shutdown past its grace period: unfinished jobs go back to the queue, the try not counted. */
export async function releaseJobs(db: Kysely<DB>, ids: string[], workerId: string, at: string): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db
    .updateTable('jobs')
    .set({ state: 'pending', run_at: at, updated_at: at, attempts: sql`attempts - 1`, locked_by: null, locked_until: null })
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Forgets finished jobs (their idempotency keys with them). */
export async function deleteFinishedJobs(db: Kysely<DB>, before: string): Promise<number> {
  const res = await db.deleteFrom('jobs').where('state', 'in', ['done', 'cancelled']).where('finished_at', '<', before).executeTakeFirst();
  return Number(res.numDeletedRows);
}

// Administration, within one workspace.
export type JobQuery = { state?: JobState; type?: string; cursor?: string; limit: number };

export async function listJobs(db: WorkspaceDb, q: JobQuery): Promise<JobRow[]> {
  let query = db.selectFrom('jobs').selectAll();
  if (q.state) query = query.where('state', '=', q.state);
  if (q.type) query = query.where('type', '=', q.type);
  if (q.cursor) query = query.where('id', '<', q.cursor);
  return (await query.orderBy('id', 'desc').limit(q.limit + 1).execute()) as JobRow[];
}

export async function countJobsByState(db: WorkspaceDb): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

export const findJob = (db: WorkspaceDb, id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

/** A dead job gets a fresh set of tries from now. */
export async function retryDeadJob(db: WorkspaceDb, id: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set({ state: 'pending', run_at: at, attempts: 0, finished_at: null, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

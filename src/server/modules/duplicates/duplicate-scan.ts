import type { DuplicateScan } from '../../../contract/duplicates';
import type { WorkspaceDb } from '../../db/scoped';
import { nowIso } from '../../platform/ids';
import type { JobQueue } from '../../platform/jobs/job-queue';
import { findJob } from '../../platform/jobs/jobs.repository';
import { type MatchKey, companyKeys, contactKeys } from './duplicate-keys';
import { duplicateScanJob } from './duplicate-scan.job';
import * as scans from './duplicate-scans.repository';
import * as repo from './duplicates.repository';
import type { CompanySourceRow, ContactSourceRow, DuplicateObject } from './duplicates.repository';

export type DuplicateScanOptions = {
  /** Changed records a list may still key itself before answering; more go to the job. */
  inlineLimit?: number;
  /** Records keyed per transaction by the job: the SQLite writer is never held for long. */
  batchSize?: number;
};
export const DEFAULT_INLINE_LIMIT = 2_000;
export const DEFAULT_BATCH_SIZE = 5_000;

// A write stamps updated_at before it commits; one that commits after a scan read past it
// would be missed, so each scan starts this far before the last one started.
const LOOK_BACK_MS = 30_000;
const lookBack = (iso: string) => new Date(Date.parse(iso) - LOOK_BACK_MS).toISOString();
// A chain of dead scan jobs (each one's successor keyed after it) is followed this far.
const MAX_DEAD = 10;

type Keyed = MatchKey & { recordId: string };

function keysOf(db: WorkspaceDb, objectType: DuplicateObject, rows: (ContactSourceRow | CompanySourceRow)[]): Keyed[] {
  const keyed: Keyed[] = [];
  if (objectType === 'contacts') {
    for (const r of rows as ContactSourceRow[]) {
      const source = {
        firstName: r.first_name,
        lastName: r.last_name,
        companyId: r.company_id,
        emails: db.dialect.json.read<{ email: string }[]>(r.emails, []),
        phones: db.dialect.json.read<{ phone: string }[]>(r.phones, []),
      };
      for (const k of contactKeys(source)) keyed.push({ ...k, recordId: r.id });
    }
  } else {
    for (const r of rows as CompanySourceRow[]) for (const k of companyKeys(r)) keyed.push({ ...k, recordId: r.id });
  }
  return keyed;
}

/**
 * One batch of a scan, in one transaction: starts a scan when none is under way, keys the next
 * `batchSize` records changed since the last scan began, and on the last batch drops the keys of
 * trashed records and moves the watermark to when this scan began. True when the scan is over.
 *
 * Records are read in (updated_at, id) order after the last committed batch, so a retry resumes
 * there; a record changed while the scan runs moves past the cursor and is read again, and one
 * whose change commits too late for this scan is read by the next, which looks back from here.
 */
export async function scanStep(db: WorkspaceDb, objectType: DuplicateObject, batchSize: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    let run = await scans.findRun(tx, objectType, { lock: true });
    if (!run) {
      const started = nowIso();
      const last = await repo.scannedUntil(tx, objectType);
      const since = last ? lookBack(last) : null;
      await scans.startRun(tx, objectType, { started_at: started, since, total: await scans.countChanged(tx, objectType, since) });
      run = await scans.findRun(tx, objectType, { lock: true });
      if (!run) throw new Error(`duplicate scan of ${objectType}: its run could not be started`);
    }
    const cursor = run.after_updated_at && run.after_id ? { updatedAt: run.after_updated_at, id: run.after_id } : null;
    const rows = await scans.changedBatch(tx, objectType, run.since, cursor, batchSize);
    await repo.replaceKeys(
      tx,
      objectType,
      rows.map((r) => r.id),
      keysOf(tx, objectType, rows),
    );
    if (rows.length === batchSize) {
      const lastRow = rows[rows.length - 1];
      const done = run.done + rows.length;
      await scans.advanceRun(tx, objectType, { updatedAt: lastRow.updated_at, id: lastRow.id }, done, Math.max(run.total, done));
      return false;
    }
    await repo.removeKeys(tx, await repo.trashedSince(tx, objectType, run.since ?? lookBack(run.started_at)));
    // A list may have brought the keys further meanwhile; the watermark never goes back.
    const watermark = await repo.scannedUntil(tx, objectType);
    if (!watermark || watermark < run.started_at) await repo.setScannedUntil(tx, objectType, run.started_at);
    await scans.endRun(tx, objectType);
    return true;
  });
}

/**
 * Queues the scan job unless one is already waiting or running. The key names the watermark,
 * which only a finished scan moves: asking again before then finds the same job. A dead one is
 * not waited for: its successor is keyed after it.
 */
export async function enqueueScan(tx: WorkspaceDb, queue: JobQueue, objectType: DuplicateObject, opts: { runAt?: Date } = {}): Promise<{ id: string; created: boolean }> {
  const base = `duplicates.scan:${objectType}:${(await repo.scannedUntil(tx, objectType)) ?? 'never'}`;
  let key = base;
  let job = await queue.enqueue(tx, duplicateScanJob, { objectType }, { idempotencyKey: key, runAt: opts.runAt });
  for (let i = 0; i < MAX_DEAD && !job.created; i++) {
    const state = (await findJob(tx, job.id))?.state;
    if (state !== 'dead' && state !== 'cancelled') break;
    key = `${base}:after:${job.id}`;
    job = await queue.enqueue(tx, duplicateScanJob, { objectType }, { idempotencyKey: key, runAt: opts.runAt });
  }
  return job;
}

/**
 * Keys the records changed since the watermark itself, leaving the watermark where it is; false
 * (nothing written) when there are more than `cap` of them after all.
 */
async function keyChangedSince(db: WorkspaceDb, objectType: DuplicateObject, since: string, cap: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await scans.changedBatch(tx, objectType, since, null, cap + 1);
    if (rows.length > cap) return false;
    await repo.replaceKeys(
      tx,
      objectType,
      rows.map((r) => r.id),
      keysOf(tx, objectType, rows),
    );
    await repo.removeKeys(tx, await repo.trashedSince(tx, objectType, since));
    return true;
  });
}

const scanning = (run: scans.ScanRun): DuplicateScan => ({ status: 'scanning', done: run.done, total: Math.max(run.total, run.done) });

/**
 * Brings the keys up to date before a list answers when few records changed (someone just
 * created a duplicate: it shows at once); otherwise queues the job and says how far it is.
 */
export async function catchUp(db: WorkspaceDb, queue: JobQueue, objectType: DuplicateObject, opts: Required<DuplicateScanOptions>): Promise<DuplicateScan> {
  const enqueue = (runAt?: Date) => db.transaction((tx) => enqueueScan(tx, queue, objectType, { runAt }));
  const cap = opts.inlineLimit + 1;
  const run = await scans.findRun(db, objectType);
  if (run) {
    await enqueue();
    return scanning(run);
  }
  const last = await repo.scannedUntil(db, objectType);
  const since = last ? lookBack(last) : null;
  if ((await scans.countChanged(db, objectType, last, cap)) > opts.inlineLimit) {
    await enqueue();
    return { status: 'scanning', done: 0, total: await scans.countChanged(db, objectType, since) };
  }
  if (!last || (await scans.countChanged(db, objectType, since, cap)) <= opts.inlineLimit) {
    // A whole scan, here; bounded, in case records are being added meanwhile or a job's scan began.
    for (let i = 0; i < 2; i++) if (await scanStep(db, objectType, cap)) return { status: 'current' };
    const started = await scans.findRun(db, objectType);
    await enqueue();
    return started ? scanning(started) : { status: 'scanning', done: 0, total: await scans.countChanged(db, objectType, since) };
  }
  // Few records changed since the last scan began, but the look-back before it is busy (it
  // ended just after an import): key the few now, and leave the look-back to a job that starts
  // once nothing stamped in it can still be committing.
  if (!(await keyChangedSince(db, objectType, last, opts.inlineLimit))) {
    await enqueue();
    return { status: 'scanning', done: 0, total: await scans.countChanged(db, objectType, since) };
  }
  await enqueue(new Date(Math.max(Date.parse(last) + LOOK_BACK_MS, Date.now())));
  return { status: 'current' };
}

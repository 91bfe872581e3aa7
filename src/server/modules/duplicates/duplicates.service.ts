import type { DismissDuplicates, DuplicateGroup, DuplicatePage, DuplicateReason, DuplicatesQuery } from '../../../contract/duplicates';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { existingIds } from '../../platform/records/references.repository';
import type { JobQueue } from '../../platform/jobs/job-queue';
import { clusterBySimilarName } from './duplicate-keys';
import { DEFAULT_BATCH_SIZE, DEFAULT_INLINE_LIMIT, type DuplicateScanOptions, catchUp, enqueueScan } from './duplicate-scan';
import * as repo from './duplicates.repository';
import type { DuplicateObject, KeyPosition } from './duplicates.repository';

type Listed = { id: string; createdAt: string; deletedAt: string | null; firstName?: string | null };
/** How the detection reads records: the record services' own read path (visibility included). */
export type RecordReader = (tx: WorkspaceDb, ctx: Ctx, ids: string[]) => Promise<Listed[]>;

// Keys read per round while filling a page (most shared keys become one group).
const BATCH = 200;
const MAX_ROUNDS = 10;

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function encodeCursor(p: KeyPosition): string {
  return Buffer.from(JSON.stringify([p.kind, p.key])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): KeyPosition | null {
  if (!cursor) return null;
  try {
    const [kind, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof kind === 'string' && typeof key === 'string') return { kind, key };
  } catch {
    // reported below
  }
  throw new AppError('invalid_cursor', 'cursor: is not a cursor this list returned', { field: 'cursor' });
}

function reasonValue(objectType: DuplicateObject, kind: string, key: string): string {
  if (objectType !== 'contacts' || kind !== 'name') return key;
  const [last, initial] = key.split('|');
  return `${last}, ${initial}.`;
}

/** Possible duplicates of contacts or companies, and "not a duplicate" decisions. */
export function createDuplicatesService(opts: { scoped: (ctx: Ctx) => WorkspaceDb; readers: Record<DuplicateObject, RecordReader>; queue: JobQueue; scan?: DuplicateScanOptions }) {
  const { scoped, readers, queue } = opts;
  const scanOptions = { inlineLimit: opts.scan?.inlineLimit ?? DEFAULT_INLINE_LIMIT, batchSize: opts.scan?.batchSize ?? DEFAULT_BATCH_SIZE };

  /** Groups for one batch of shared keys, in key order, without dismissed ones. */
  async function groupsOf(db: WorkspaceDb, ctx: Ctx, objectType: DuplicateObject, keys: KeyPosition[]) {
    const holders = await repo.keyHolders(db, objectType, keys);
    const ids = [...new Set(holders.map((h) => h.record_id))];
    const records = new Map((await readers[objectType](db, ctx, ids)).filter((r) => r.deletedAt === null).map((r) => [r.id, r]));
    // Keys of records gone for good (or no longer visible) are ignored; the next scan of a change drops them.
    const dismissed = await repo.dismissedPairs(db, objectType, ids);
    const out: { position: KeyPosition; group: DuplicateGroup<Listed> }[] = [];
    for (const k of keys) {
      const members = holders.filter((h) => h.kind === k.kind && h.key === k.key).flatMap((h) => records.get(h.record_id) ?? []);
      const clusters = objectType === 'contacts' && k.kind === 'name' ? clusterBySimilarName(members.map((m) => ({ ...m, firstName: m.firstName ?? null }))) : [members];
      for (const cluster of clusters) {
        if (cluster.length < 2) continue;
        const open = cluster.some((a, i) => cluster.slice(i + 1).some((b) => !dismissed.has(pairKey(a.id, b.id))));
        if (!open) continue;
        const sorted = [...cluster].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
        const reason = { kind: k.kind, value: reasonValue(objectType, k.kind, k.key) } as DuplicateReason;
        out.push({ position: k, group: { reasons: [reason], records: sorted } });
      }
    }
    return out;
  }

  return {
    /**
     * A page of groups from the keys as they are. A few changed records are keyed first; many
     * are left to the scan job, and the page says how far it has come.
     */
    async list(ctx: Ctx, objectType: DuplicateObject, q: DuplicatesQuery): Promise<DuplicatePage<Listed>> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const limit = q.limit ?? 20;
      let after = decodeCursor(q.cursor);
      const scan = await catchUp(db, queue, objectType, scanOptions);
      const answer = (data: DuplicateGroup<Listed>[], nextCursor: string | null) => ({ data, nextCursor, scan });
      const page: DuplicateGroup<Listed>[] = [];
      const bySet = new Map<string, DuplicateGroup<Listed>>();
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const keys = await repo.sharedKeys(db, objectType, after, BATCH);
        const found = await groupsOf(db, ctx, objectType, keys);
        for (const k of keys) {
          for (const { group } of found.filter((f) => f.position === k)) {
            // The same records found by email and by phone are one group with two reasons.
            const setKey = group.records.map((r) => r.id).join(',');
            const same = bySet.get(setKey);
            if (same) same.reasons.push(...group.reasons);
            else {
              bySet.set(setKey, group);
              page.push(group);
            }
          }
          after = k;
          // A key's groups stay on one page, so the cursor (the last key read) never splits them.
          if (page.length >= limit) return answer(page, k === keys[keys.length - 1] && keys.length < BATCH ? null : encodeCursor(k));
        }
        if (keys.length < BATCH) return answer(page, null);
      }
      // A page that found few groups in many keys still says where to go on.
      return answer(page, after ? encodeCursor(after) : null);
    },

    /** Queues a scan of the keys (after an import, say), unless one is already queued. */
    async enqueueScan(db: WorkspaceDb, objectType: DuplicateObject): Promise<void> {
      await db.transaction((tx) => enqueueScan(tx, queue, objectType));
    },

    /** The scan settings in force; the job batches as the service was told to. */
    scanOptions,

    /** Marks every pair among `ids` as distinct records, so they stop being suggested together. */
    async dismiss(ctx: Ctx, objectType: DuplicateObject, body: DismissDuplicates): Promise<void> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      const found = await existingIds(db, objectType, body.ids);
      body.ids.forEach((id, i) => {
        if (!found.has(id)) throw new AppError('not_found', `ids.${i}: ${id} is not a record of ${objectType} in this workspace`, { field: `ids.${i}` });
      });
      const pairs: [string, string][] = [];
      const ids = [...body.ids].sort();
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]]);
      await db.transaction((tx) => repo.insertDismissals(tx, objectType, pairs, ctx.userId, nowIso()));
    },
  };
}
export type DuplicatesService = ReturnType<typeof createDuplicatesService>;

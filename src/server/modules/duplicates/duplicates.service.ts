import type { DismissDuplicates, DuplicateGroup, DuplicatePage, DuplicateReason, DuplicatesQuery } from '../../../contract/duplicates';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { existingIds } from '../../platform/records/references.repository';
import { type MatchKey, clusterBySimilarName, companyKeys, contactKeys } from './duplicate-keys';
import * as repo from './duplicates.repository';
import type { DuplicateObject, KeyPosition } from './duplicates.repository';

type Listed = { id: string; createdAt: string; deletedAt: string | null; firstName?: string | null };
/** How the detection reads records: the record services' own read path (visibility included). */
export type RecordReader = (tx: WorkspaceDb, ctx: Ctx, ids: string[]) => Promise<Listed[]>;

// A write stamps updated_at before it commits; one that commits after a scan started but was
// stamped before it would be missed, so each scan looks back this far.
const LOOK_BACK_MS = 30_000;
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

/** Brings the match keys up to date with records changed since the last scan. */
async function refreshKeys(db: WorkspaceDb, objectType: DuplicateObject): Promise<void> {
  await db.transaction(async (tx) => {
    const started = nowIso();
    const last = await repo.scannedUntil(tx, objectType);
    const since = last ? new Date(Date.parse(last) - LOOK_BACK_MS).toISOString() : null;
    const keyed: (MatchKey & { recordId: string })[] = [];
    let ids: string[];
    if (objectType === 'contacts') {
      const rows = await repo.changedContacts(tx, since);
      ids = rows.map((r) => r.id);
      for (const r of rows) {
        const source = {
          firstName: r.first_name,
          lastName: r.last_name,
          companyId: r.company_id,
          emails: tx.dialect.json.read<{ email: string }[]>(r.emails, []),
          phones: tx.dialect.json.read<{ phone: string }[]>(r.phones, []),
        };
        for (const k of contactKeys(source)) keyed.push({ ...k, recordId: r.id });
      }
    } else {
      const rows = await repo.changedCompanies(tx, since);
      ids = rows.map((r) => r.id);
      for (const r of rows) for (const k of companyKeys(r)) keyed.push({ ...k, recordId: r.id });
    }
    await repo.replaceKeys(tx, objectType, since ? ids : [], keyed);
    if (since) await repo.removeKeys(tx, await repo.trashedSince(tx, objectType, since));
    await repo.setScannedUntil(tx, objectType, started);
  });
}

function reasonValue(objectType: DuplicateObject, kind: string, key: string): string {
  if (objectType !== 'contacts' || kind !== 'name') return key;
  const [last, initial] = key.split('|');
  return `${last}, ${initial}.`;
}

/** Possible duplicates of contacts or companies, and "not a duplicate" decisions. */
export function createDuplicatesService(opts: { scoped: (ctx: Ctx) => WorkspaceDb; readers: Record<DuplicateObject, RecordReader> }) {
  const { scoped, readers } = opts;

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
    async list(ctx: Ctx, objectType: DuplicateObject, q: DuplicatesQuery): Promise<DuplicatePage<Listed>> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const limit = q.limit ?? 20;
      let after = decodeCursor(q.cursor);
      await refreshKeys(db, objectType);
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
          if (page.length >= limit) return { data: page, nextCursor: k === keys[keys.length - 1] && keys.length < BATCH ? null : encodeCursor(k) };
        }
        if (keys.length < BATCH) return { data: page, nextCursor: null };
      }
      // A page that found few groups in many keys still says where to go on.
      return { data: page, nextCursor: after ? encodeCursor(after) : null };
    },

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

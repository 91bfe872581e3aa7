import { sql } from 'kysely';
import type { DuplicateKind } from '../../../contract/duplicates';
import type { WorkspaceDb } from '../../db/scoped';
import type { MatchKey } from './duplicate-keys';

export type DuplicateObject = 'contacts' | 'companies';
export type KeyRow = { record_id: string; kind: DuplicateKind; key: string };
export type KeyPosition = { kind: string; key: string };
export type ContactSourceRow = { id: string; first_name: string | null; last_name: string | null; company_id: string | null; emails: unknown; phones: unknown };
export type CompanySourceRow = { id: string; name: string; domain: string | null };

// The duplicate tables are this module's own; WorkspaceDb scopes them like any other.
const KEYS = 'duplicate_keys' as any;
const SCANS = 'duplicate_scans' as any;
const DISMISSALS = 'duplicate_dismissals' as any;
const CHUNK = 500;
const INSERT_CHUNK = 2000;

/** Records moved to the trash since `since`: their keys go. */
export async function trashedSince(db: WorkspaceDb, table: DuplicateObject, since: string): Promise<string[]> {
  const rows = await db.selectFrom(table).select('id').where('deleted_at', '>=', since).execute();
  return rows.map((r) => r.id);
}

export async function scannedUntil(db: WorkspaceDb, objectType: DuplicateObject): Promise<string | null> {
  const row = (await db.selectFrom(SCANS).select('scanned_until').where('object_type', '=', objectType).executeTakeFirst()) as { scanned_until: string } | undefined;
  return row?.scanned_until ?? null;
}

export async function setScannedUntil(tx: WorkspaceDb, objectType: DuplicateObject, at: string): Promise<void> {
  await tx
    .insertInto(SCANS, { object_type: objectType, scanned_until: at } as any)
    .onConflict((oc: any) => oc.columns(['workspace_id', 'object_type']).doUpdateSet({ scanned_until: at }))
    .execute();
}

/** Drops the keys of these records (they changed, were trashed or merged away). */
export async function removeKeys(tx: WorkspaceDb, recordIds: string[]): Promise<void> {
  for (let i = 0; i < recordIds.length; i += CHUNK) {
    await tx.deleteFrom(KEYS).where('record_id', 'in', recordIds.slice(i, i + CHUNK)).execute();
  }
}

/** Replaces the keys of these records. Two scans at once may write the same key: the second is a no-op. */
export async function replaceKeys(tx: WorkspaceDb, objectType: DuplicateObject, recordIds: string[], keys: (MatchKey & { recordId: string })[]): Promise<void> {
  await removeKeys(tx, recordIds);
  // 2,000 rows of 5 values stay under SQLite's 32,766 bound parameters; fewer, larger statements
  // make the first scan of a big workspace several times faster.
  for (let i = 0; i < keys.length; i += INSERT_CHUNK) {
    const rows = keys.slice(i, i + INSERT_CHUNK).map((k) => ({ object_type: objectType, kind: k.kind, key: k.key, record_id: k.recordId }));
    await tx
      .insertInto(KEYS, rows as any)
      .onConflict((oc: any) => oc.doNothing())
      .execute();
  }
}

/** Keys shared by two or more records, in (kind, key) order after `after`: a GROUP BY over the primary key. */
export async function sharedKeys(db: WorkspaceDb, objectType: DuplicateObject, after: KeyPosition | null, limit: number): Promise<(KeyPosition & { n: number })[]> {
  let q = db
    .selectFrom(KEYS)
    .select(['kind', 'key', sql<number>`count(*)`.as('n')])
    .where('object_type', '=', objectType);
  if (after) q = q.where((eb: any) => eb.or([eb('kind', '>', after.kind), eb.and([eb('kind', '=', after.kind), eb('key', '>', after.key)])]));
  const rows = await q
    .groupBy(['kind', 'key'])
    .having(sql`count(*)`, '>', 1)
    .orderBy('kind')
    .orderBy('key')
    .limit(limit)
    .execute();
  return (rows as any[]).map((r) => ({ kind: r.kind, key: r.key, n: Number(r.n) }));
}

/** The records holding each of these keys. */
export async function keyHolders(db: WorkspaceDb, objectType: DuplicateObject, keys: KeyPosition[]): Promise<KeyRow[]> {
  const out: KeyRow[] = [];
  for (const kind of new Set(keys.map((k) => k.kind))) {
    const values = keys.filter((k) => k.kind === kind).map((k) => k.key);
    for (let i = 0; i < values.length; i += CHUNK) {
      const rows = await db
        .selectFrom(KEYS)
        .select(['record_id', 'kind', 'key'])
        .where('object_type', '=', objectType)
        .where('kind', '=', kind)
        .where('key', 'in', values.slice(i, i + CHUNK))
        // No ORDER BY: SQLite would walk the (workspace, record) index to avoid a sort, i.e. every key.
        .execute();
      out.push(...(rows as KeyRow[]));
    }
  }
  return out;
}

/** Dismissed pairs among these records, as "a|b" with a < b. */
export async function dismissedPairs(db: WorkspaceDb, objectType: DuplicateObject, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = (await db
      .selectFrom(DISMISSALS)
      .select(['record_a', 'record_b'])
      .where('object_type', '=', objectType)
      .where('record_a', 'in', ids.slice(i, i + CHUNK))
      .execute()) as { record_a: string; record_b: string }[];
    for (const r of rows) out.add(`${r.record_a}|${r.record_b}`);
  }
  return out;
}

export async function insertDismissals(tx: WorkspaceDb, objectType: DuplicateObject, pairs: [string, string][], userId: string | null, at: string): Promise<void> {
  const rows = pairs.map(([a, b]) => ({ object_type: objectType, record_a: a, record_b: b, dismissed_by: userId, created_at: at }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto(DISMISSALS, rows.slice(i, i + CHUNK) as any)
      .onConflict((oc: any) => oc.doNothing())
      .execute();
  }
}

/** Merged-away records take their dismissals with them; the survivor keeps its own. */
export async function removeDismissalsOf(tx: WorkspaceDb, objectType: DuplicateObject, ids: string[]): Promise<void> {
  await tx
    .deleteFrom(DISMISSALS)
    .where('object_type', '=', objectType)
    .where((eb: any) => eb.or([eb('record_a', 'in', ids), eb('record_b', 'in', ids)]))
    .execute();
}

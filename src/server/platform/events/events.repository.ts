import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../context';
import { newId, nowIso } from '../ids';

export type EventAction = 'created' | 'updated' | 'deleted' | 'restored' | 'purged';
export type FieldChange = { before: unknown; after: unknown };
export type EventInput = {
  action: EventAction | string;
  objectType: string;
  objectId: string;
  changes: Record<string, FieldChange>;
};

/** Appends events; call it with the transaction that makes the change. */
export async function recordEvents(tx: WorkspaceDb, ctx: Ctx, events: EventInput[]): Promise<void> {
  if (events.length === 0) return;
  const at = nowIso();
  // Chunked: SQLite limits the number of bound parameters per statement.
  for (let i = 0; i < events.length; i += 500) {
    await tx
      .insertInto(
        'events',
        events.slice(i, i + 500).map((e) => ({
          id: newId(),
          actor_type: ctx.actor.type,
          actor_id: ctx.actor.id,
          action: e.action,
          object_type: e.objectType,
          object_id: e.objectId,
          changes: tx.dialect.json.write(e.changes),
          created_at: at,
        })),
      )
      .execute();
  }
  // Live updates: open lists and record pages hear of the change once it is committed.
  const feed = tx.feed;
  if (feed) {
    const changes = events.map((e) => ({ objectType: e.objectType, objectId: e.objectId, action: e.action, actorId: ctx.actor.id }));
    tx.afterCommit(() => feed(tx.workspaceId, changes));
  }
}

/** The fields whose values differ, as before → after. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (k === 'version' || k === 'updatedAt' || k === 'createdAt') continue;
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

export type AuditQuery = {
  objectType?: string;
  objectId?: string;
  actorId?: string;
  action?: string;
  since?: string;
  until?: string;
  cursor?: string;
  limit: number;
};

export async function listEvents(db: WorkspaceDb, q: AuditQuery) {
  let query = db.selectFrom('events').selectAll();
  if (q.objectType) query = query.where('object_type', '=', q.objectType);
  if (q.objectId) query = query.where('object_id', '=', q.objectId);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.since) query = query.where('created_at', '>=', q.since);
  if (q.until) query = query.where('created_at', '<', q.until);
  if (q.cursor) query = query.where('id', '<', q.cursor);
  const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  return {
    data: page.map((r) => ({
      id: r.id,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      actor: { type: r.actor_type, id: r.actor_id },
      changes: db.dialect.json.read<Record<string, FieldChange>>(r.changes, {}),
      createdAt: r.created_at,
    })),
    nextCursor: more ? page[page.length - 1].id : null,
  };
}

import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { CustomField } from '../../../contract/custom-fields';
import type { Prepared } from '../../db/prepared';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../context';
import { listFields } from '../custom-fields/custom-fields.repository';
import { type EventInput, diff, recordEvents } from '../events/events.repository';
import { AppError, FieldErrors, notFound } from '../errors';
import { type ListParams, runListQuery } from '../filters/list-query';
import { isId, newId, nowIso } from '../ids';
import { removeSearchDocuments, upsertSearchDocuments } from '../search/search.repository';
import { callMemo, loadRefs } from './record-input';
import type { RecordApi, RecordRow, RecordSpec } from './record-spec';

export const MAX_BULK = 1000;
// SQLite allows 32,766 bound parameters per statement; a row has about 30 columns.
const INSERT_CHUNK = 500;

type UpdateItem<U> = { id: string; version?: number; changes: U };

/**
 * Create, read, update, trash and restore for one kind of record, with events, search sync and
 * optimistic concurrency. Every write is one transaction: a bulk call succeeds or leaves nothing.
 */
export function createRecordService<Api extends RecordApi, Row extends RecordRow, C, U>(
  spec: RecordSpec<Api, Row, C, U>,
  scoped: (ctx: Ctx) => WorkspaceDb,
) {
  const table = spec.table;

  /** Rows with the spec's joined columns, as far as the caller may see them; the only read path, so lists and gets agree. */
  const selectRows = (db: WorkspaceDb, ctx: Ctx) => {
    let qb: SelectQueryBuilder<DB, any, any> = db.selectFrom(table).selectAll(table as any);
    if (spec.select) qb = spec.select(qb);
    if (spec.visibleTo) qb = spec.visibleTo(ctx, qb);
    return qb as unknown as SelectQueryBuilder<DB, any, Row>;
  };

  const loadRows = async (db: WorkspaceDb, ctx: Ctx, ids: string[]): Promise<Row[]> => {
    const valid = ids.filter(isId);
    if (valid.length === 0) return [];
    const rows: Row[] = [];
    for (let i = 0; i < valid.length; i += INSERT_CHUNK) {
      const part = await selectRows(db, ctx)
        .where(`${table}.id` as any, 'in', valid.slice(i, i + INSERT_CHUNK))
        .execute();
      rows.push(...part);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    return valid.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
  };

  // A record by id is the commonest read: its query is compiled once per service (one database).
  // Specs that narrow reads per caller (visibleTo) build theirs each time.
  let byId: Prepared<Row, 'id'> | undefined;
  const loadRow = async (db: WorkspaceDb, ctx: Ctx, id: string): Promise<Row | undefined> => {
    if (spec.visibleTo) return (await loadRows(db, ctx, [id]))[0];
    if (!isId(id)) return undefined;
    byId ??= db.prepare(['id'], (standIn, value) => selectRows(standIn, ctx).where(`${table}.id` as any, '=', value('id')));
    return (await db.runPrepared(byId, { id }))[0];
  };

  const present = (db: WorkspaceDb, rows: Row[]): Api[] => rows.map((r) => spec.fromRow(db.dialect, r));

  const searchDocs = (items: Api[]) =>
    items.flatMap((a) => {
      const doc = spec.searchDocument(a);
      return doc ? [{ objectType: spec.objectType, recordId: a.id, ...doc }] : [];
    });

  /** Loads records by id and fails with 404 naming the first missing one (other workspaces' ids included). */
  async function requireRows(tx: WorkspaceDb, ctx: Ctx, ids: string[], opts: { trashed: boolean | null }): Promise<Map<string, Row>> {
    const rows = await loadRows(tx, ctx, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      const row = byId.get(id);
      const inTrash = row?.deleted_at != null;
      if (!row || (opts.trashed !== null && inTrash !== opts.trashed)) {
        const where = ids.length > 1 ? ` (ids.${i})` : '';
        throw new AppError('not_found', `${spec.label} ${id} not found${opts.trashed ? ' in the trash' : ''}${where}`, {
          field: ids.length > 1 ? `ids.${i}` : undefined,
        });
      }
    });
    return byId;
  }

  async function writeNew(tx: WorkspaceDb, ctx: Ctx, inputs: C[], customDefs: CustomField[], bulk: boolean): Promise<Api[]> {
    const errors = new FieldErrors();
    const at = nowIso();
    const created: Api[] = [];
    const refs = await loadRefs(tx, inputs.map(spec.references));
    const once = callMemo();
    for (const [i, input] of inputs.entries()) {
      const next = await spec.prepare({
        tx,
        ctx,
        input,
        base: null,
        customDefs,
        refs,
        once,
        errors: bulk ? errors.scoped(`items.${i}.`) : errors,
      });
      created.push({ ...next, id: newId(), version: 1, createdAt: at, updatedAt: at, deletedAt: null });
    }
    errors.throwIfAny();
    for (let i = 0; i < created.length; i += INSERT_CHUNK) {
      const rows = created.slice(i, i + INSERT_CHUNK).map((a) => ({
        ...spec.toColumns(tx.dialect, a),
        id: a.id,
        version: 1,
        created_by: ctx.userId,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      }));
      await tx.insertInto(table, rows as any).execute();
    }
    await spec.afterWrite?.(tx, created, 'create', ctx);
    await upsertSearchDocuments(tx, searchDocs(created), { fresh: true });
    await recordEvents(
      tx,
      ctx,
      created.map((a) => ({ action: 'created', objectType: spec.objectType, objectId: a.id, changes: diff(null, a) })),
    );
    return created;
  }

  async function writeUpdates(tx: WorkspaceDb, ctx: Ctx, items: UpdateItem<U>[], bulk: boolean): Promise<Api[]> {
    const byId = await requireRows(
      tx,
      ctx,
      items.map((i) => i.id),
      { trashed: false },
    );
    const customDefs = await listFields(tx, spec.objectType);
    const errors = new FieldErrors();
    const results: { before: Api; after: Api }[] = [];
    const at = nowIso();
    const refs = await loadRefs(tx, items.map((i) => spec.references(i.changes)));
    const befores = new Map(present(tx, [...byId.values()]).map((a) => [a.id, a]));
    const once = callMemo();
    for (const [i, item] of items.entries()) {
      const row = byId.get(item.id)!;
      if (item.version !== undefined && item.version !== row.version) {
        throw new AppError(
          'precondition_failed',
          `${spec.label} ${item.id} was changed by someone else (version ${row.version}, you sent ${item.version}); reload it and try again`,
          { field: bulk ? `items.${i}.version` : undefined },
        );
      }
      const before = befores.get(item.id)!;
      const next = await spec.prepare({
        tx,
        ctx,
        input: item.changes,
        base: before,
        customDefs,
        refs,
        once,
        errors: bulk ? errors.scoped(`items.${i}.changes.`) : errors,
      });
      results.push({ before, after: { ...next, id: row.id, version: row.version + 1, updatedAt: at, createdAt: before.createdAt, deletedAt: null } });
    }
    errors.throwIfAny();
    const events: EventInput[] = [];
    for (const { before, after } of results) {
      // The version in the WHERE makes a concurrent writer lose instead of silently overwriting.
      const res = await tx
        .updateTable(table)
        .set({ ...spec.toColumns(tx.dialect, after), version: after.version, updated_at: at } as any)
        .where('id', '=', after.id)
        .where('version', '=', before.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) {
        throw new AppError('precondition_failed', `${spec.label} ${after.id} was changed by someone else; reload it and try again`);
      }
      const changes = diff(before, after);
      if (Object.keys(changes).length) events.push({ action: 'updated', objectType: spec.objectType, objectId: after.id, changes });
    }
    const afters = results.map((r) => r.after);
    await spec.afterWrite?.(tx, afters, 'update', ctx);
    await upsertSearchDocuments(tx, searchDocs(afters));
    await recordEvents(tx, ctx, events);
    return afters;
  }

  async function setTrashed(ctx: Ctx, ids: string[], trashed: boolean): Promise<void> {
    const db = scoped(ctx);
    await db.transaction(async (tx) => {
      const byId = await requireRows(tx, ctx, ids, { trashed: !trashed });
      const at = nowIso();
      for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
        await tx
          .updateTable(table)
          .set({ deleted_at: trashed ? at : null, updated_at: at, version: sql`version + 1` } as any)
          .where('id', 'in', ids.slice(i, i + INSERT_CHUNK))
          .execute();
      }
      if (trashed) await removeSearchDocuments(tx, ids);
      else {
        const restored = present(tx, await loadRows(tx, ctx, ids));
        await upsertSearchDocuments(tx, searchDocs(restored));
      }
      await recordEvents(
        tx,
        ctx,
        ids.map((id) => ({
          action: trashed ? 'deleted' : 'restored',
          objectType: spec.objectType,
          objectId: id,
          changes: { deletedAt: { before: byId.get(id)!.deleted_at, after: trashed ? at : null } },
        })),
      );
    });
  }

  const checkBulkSize = (n: number) => {
    if (n > MAX_BULK) throw new AppError('validation_failed', `items: at most ${MAX_BULK} per call`, { field: 'items' });
  };

  return {
    spec,

    async fields(ctx: Ctx) {
      requirePermission(ctx, 'records:read');
      return spec.fields(await listFields(scoped(ctx), spec.objectType));
    },

    async list(ctx: Ctx, params: ListParams & { trash?: boolean }) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const fields = spec.fields(await listFields(db, spec.objectType));
      const base = selectRows(db, ctx).where(`${table}.deleted_at` as any, params.trash ? 'is not' : 'is', null);
      const page = await runListQuery({ base: base as any, table, fields, dialect: db.dialect, params });
      return { data: present(db, page.rows as Row[]), nextCursor: page.nextCursor, total: page.total };
    },

    async get(ctx: Ctx, id: string): Promise<Api> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const row = await loadRow(db, ctx, id);
      if (!row) throw notFound(spec.label);
      return present(db, [row])[0];
    },

    async create(ctx: Ctx, input: C): Promise<Api> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      const [created] = await db.transaction(async (tx) => writeNew(tx, ctx, [input], await listFields(tx, spec.objectType), false));
      return created;
    },

    async bulkCreate(ctx: Ctx, inputs: C[]): Promise<Api[]> {
      requirePermission(ctx, 'records:bulk');
      checkBulkSize(inputs.length);
      const db = scoped(ctx);
      // The written state is what a read would return, so there is no need to read it back.
      return db.transaction(async (tx) => writeNew(tx, ctx, inputs, await listFields(tx, spec.objectType), true));
    },

    async update(ctx: Ctx, id: string, changes: U, expectedVersion?: number): Promise<Api> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      await db.transaction((tx) => writeUpdates(tx, ctx, [{ id, version: expectedVersion, changes }], false));
      return present(db, await loadRows(db, ctx, [id]))[0];
    },

    async bulkUpdate(ctx: Ctx, items: UpdateItem<U>[]): Promise<Api[]> {
      requirePermission(ctx, 'records:bulk');
      checkBulkSize(items.length);
      const ids = new Set(items.map((i) => i.id));
      if (ids.size !== items.length) throw new AppError('validation_failed', 'items: each id may appear once', { field: 'items' });
      const db = scoped(ctx);
      await db.transaction((tx) => writeUpdates(tx, ctx, items, true));
      return present(db, await loadRows(db, ctx, [...ids]));
    },

    /** Creates one record inside the caller's transaction (a step of a larger write, e.g. converting a lead). */
    async createIn(tx: WorkspaceDb, ctx: Ctx, input: C): Promise<Api> {
      requirePermission(ctx, 'records:write');
      const [created] = await writeNew(tx, ctx, [input], await listFields(tx, spec.objectType), false);
      return created;
    },

    /** Updates one record inside the caller's transaction and returns its new state. */
    async updateIn(tx: WorkspaceDb, ctx: Ctx, id: string, changes: U, expectedVersion?: number): Promise<Api> {
      requirePermission(ctx, 'records:write');
      const [updated] = await writeUpdates(tx, ctx, [{ id, version: expectedVersion, changes }], false);
      return updated;
    },

    /** Reads records inside the caller's transaction, as far as the caller may see them. */
    async getIn(tx: WorkspaceDb, ctx: Ctx, ids: string[]): Promise<Api[]> {
      requirePermission(ctx, 'records:read');
      return present(tx, await loadRows(tx, ctx, ids));
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'records:write');
      await setTrashed(ctx, [id], true);
    },
    async restore(ctx: Ctx, id: string): Promise<Api> {
      requirePermission(ctx, 'records:write');
      await setTrashed(ctx, [id], false);
      return this.get(ctx, id);
    },
    async bulkRemove(ctx: Ctx, ids: string[]): Promise<void> {
      requirePermission(ctx, 'records:bulk');
      checkBulkSize(ids.length);
      await setTrashed(ctx, ids, true);
    },
    async bulkRestore(ctx: Ctx, ids: string[]): Promise<void> {
      requirePermission(ctx, 'records:bulk');
      checkBulkSize(ids.length);
      await setTrashed(ctx, ids, false);
    },
  };
}
export type RecordService<Api extends RecordApi, C, U> = {
  list: (ctx: Ctx, params: ListParams & { trash?: boolean }) => Promise<{ data: Api[]; nextCursor: string | null; total?: number }>;
  get: (ctx: Ctx, id: string) => Promise<Api>;
  create: (ctx: Ctx, input: C) => Promise<Api>;
  bulkCreate: (ctx: Ctx, inputs: C[]) => Promise<Api[]>;
  update: (ctx: Ctx, id: string, changes: U, expectedVersion?: number) => Promise<Api>;
  bulkUpdate: (ctx: Ctx, items: UpdateItem<U>[]) => Promise<Api[]>;
  remove: (ctx: Ctx, id: string) => Promise<void>;
  restore: (ctx: Ctx, id: string) => Promise<Api>;
  bulkRemove: (ctx: Ctx, ids: string[]) => Promise<void>;
  bulkRestore: (ctx: Ctx, ids: string[]) => Promise<void>;
};

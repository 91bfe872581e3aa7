import type { RecordType } from '../../../contract/custom-fields';
import type { Filter, SortSpec } from '../../../contract/filter';
import type { View, ViewCreate, ViewUpdate } from '../../../contract/views';
import type { SavedViewRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../context';
import { recordEvents } from '../events/events.repository';
import { AppError, forbidden, notFound } from '../errors';
import type { FieldRegistry } from '../filters/field-spec';
import { compileFilter } from '../filters/filter-compiler';
import { isId, newId, nowIso } from '../ids';
import { can } from '../../../contract/roles';

const toView = (db: WorkspaceDb, r: SavedViewRow): View => ({
  id: r.id,
  objectType: r.object_type,
  name: r.name,
  filter: db.dialect.json.read<Filter | null>(r.filter, null),
  sort: db.dialect.json.read<SortSpec[]>(r.sort, []),
  columns: db.dialect.json.read<string[]>(r.columns, []),
  visibility: r.visibility,
  ownerId: r.owner_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Saved views: a name over the filter language, a sort and the columns to show. */
export function createViewsService(scoped: (ctx: Ctx) => WorkspaceDb, fieldsOf: (ctx: Ctx, objectType: RecordType) => Promise<FieldRegistry>) {
  async function check(ctx: Ctx, objectType: RecordType, input: { filter?: Filter | null; sort?: SortSpec[]; columns?: string[]; visibility?: string }) {
    const fields = await fieldsOf(ctx, objectType);
    compileFilter(input.filter, fields, scoped(ctx).dialect);
    input.sort?.forEach((s, i) => {
      if (!fields.get(s.field)?.sortable) throw new AppError('validation_failed', `sort.${i}.field: "${s.field}" cannot be sorted`, { field: `sort.${i}.field` });
    });
    input.columns?.forEach((c, i) => {
      if (!fields.has(c) && !['company', 'parent'].includes(c)) {
        throw new AppError('validation_failed', `columns.${i}: unknown field "${c}"`, { field: `columns.${i}` });
      }
    });
    if (input.visibility === 'shared') requirePermission(ctx, 'views:share');
  }

  async function load(ctx: Ctx, db: WorkspaceDb, id: string): Promise<SavedViewRow> {
    const row = isId(id) ? await db.selectFrom('saved_views').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (!row || (row.visibility === 'private' && row.owner_id !== ctx.userId)) throw notFound('View');
    return row;
  }

  const mayEdit = (ctx: Ctx, row: SavedViewRow) => row.owner_id === ctx.userId || (row.visibility === 'shared' && can(ctx.role, 'views:share'));

  return {
    async list(ctx: Ctx, objectType?: RecordType): Promise<View[]> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      let q = db
        .selectFrom('saved_views')
        .selectAll()
        // An API key has no user and so no private views (and '' is no uuid on PostgreSQL).
        .where((eb) => (ctx.userId ? eb.or([eb('visibility', '=', 'shared'), eb('owner_id', '=', ctx.userId)]) : eb('visibility', '=', 'shared')));
      if (objectType) q = q.where('object_type', '=', objectType);
      return (await q.orderBy('name').execute()).map((r) => toView(db, r));
    },

    async get(ctx: Ctx, id: string): Promise<View> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      return toView(db, await load(ctx, db, id));
    },

    async create(ctx: Ctx, input: ViewCreate): Promise<View> {
      requirePermission(ctx, 'records:read');
      if (!ctx.userId) throw forbidden('Views belong to people; sign in to save one');
      await check(ctx, input.objectType, input);
      const db = scoped(ctx);
      const at = nowIso();
      const row = {
        id: newId(),
        object_type: input.objectType,
        name: input.name.trim(),
        filter: input.filter ? db.dialect.json.write(input.filter) : null,
        sort: db.dialect.json.write(input.sort ?? []),
        columns: db.dialect.json.write(input.columns ?? []),
        visibility: input.visibility ?? 'private',
        owner_id: ctx.userId,
        created_at: at,
        updated_at: at,
      };
      await db.transaction(async (tx) => {
        await tx.insertInto('saved_views', row).execute();
        await recordEvents(tx, ctx, [{ action: 'created', objectType: 'view', objectId: row.id, changes: { name: { before: null, after: row.name } } }]);
      });
      return toView(db, { ...row, workspace_id: ctx.workspaceId });
    },

    async update(ctx: Ctx, id: string, input: ViewUpdate): Promise<View> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const row = await load(ctx, db, id);
      if (!mayEdit(ctx, row)) throw forbidden('Only the view’s owner or a manager can change a shared view');
      await check(ctx, row.object_type as RecordType, input);
      const set: Partial<SavedViewRow> = { updated_at: nowIso() };
      if (input.name !== undefined) set.name = input.name.trim();
      if (input.filter !== undefined) set.filter = input.filter ? db.dialect.json.write(input.filter) : null;
      if (input.sort !== undefined) set.sort = db.dialect.json.write(input.sort);
      if (input.columns !== undefined) set.columns = db.dialect.json.write(input.columns);
      if (input.visibility !== undefined) set.visibility = input.visibility;
      await db.transaction(async (tx) => {
        await tx.updateTable('saved_views').set(set).where('id', '=', id).execute();
        await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'view', objectId: id, changes: { name: { before: row.name, after: set.name ?? row.name } } }]);
      });
      return this.get(ctx, id);
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const row = await load(ctx, db, id);
      if (!mayEdit(ctx, row)) throw forbidden('Only the view’s owner or a manager can delete a shared view');
      await db.transaction(async (tx) => {
        await tx.deleteFrom('saved_views').where('id', '=', id).execute();
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'view', objectId: id, changes: { name: { before: row.name, after: null } } }]);
      });
    },
  };
}
export type ViewsService = ReturnType<typeof createViewsService>;

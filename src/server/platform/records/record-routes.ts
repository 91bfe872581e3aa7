import { type TSchema, Type } from '@sinclair/typebox';
import { BulkIds, IdParams, ListQuery, ListQueryString, Page } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import type { Filter } from '../../../contract/filter';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import { AppError } from '../errors';
import { parseSortParam } from '../filters/list-query';
import type { RecordApi } from './record-spec';

type AnyRecordService = {
  list(ctx: any, params: any): Promise<{ data: RecordApi[]; nextCursor: string | null; total?: number }>;
  get(ctx: any, id: string): Promise<RecordApi>;
  create(ctx: any, input: any): Promise<RecordApi>;
  bulkCreate(ctx: any, inputs: any[]): Promise<RecordApi[]>;
  update(ctx: any, id: string, changes: any, version?: number): Promise<RecordApi>;
  bulkUpdate(ctx: any, items: any[]): Promise<RecordApi[]>;
  remove(ctx: any, id: string): Promise<void>;
  restore(ctx: any, id: string): Promise<RecordApi>;
  bulkRemove(ctx: any, ids: string[]): Promise<void>;
  bulkRestore(ctx: any, ids: string[]): Promise<void>;
  fields(ctx: any): Promise<Map<string, { key: string; label: string; kind: string; sortable: boolean; options?: string[] }>>;
};

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

function parseFilterParam(value: string | undefined): Filter | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as Filter;
  } catch {
    throw new AppError('invalid_filter', 'filter: is not valid JSON', { field: 'filter' });
  }
}

/** `If-Match: "3"` (or W/"3") → 3. */
function versionFromIfMatch(value: string | undefined): number | undefined {
  // "*" asks only that the record exists (RFC 9110), which the update checks anyway.
  if (!value || value.trim() === '*') return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(value.trim());
  if (!m) throw new AppError('precondition_failed', 'If-Match: send the ETag you received, e.g. "3"', { field: 'If-Match' });
  return Number(m[1]);
}

/**
 * The REST surface every kind of record shares: list and query with the filter language,
 * get, create, PATCH with If-Match, trash/restore and all-or-nothing bulk calls.
 */
export function registerRecordRoutes(
  app: App,
  opts: { path: string; tag: string; service: AnyRecordService; item: TSchema; create: TSchema; update: TSchema; bulkUpdate: TSchema },
) {
  const { path, tag, service } = opts;
  const page = Page(opts.item);
  const etag = (r: RecordApi) => `"${r.version}"`;

  app.get(`/api/v1/${path}`, { schema: { tags: [tag], summary: `List ${path}`, querystring: ListQueryString, response: { 200: page, ...errors } } }, async (req) => {
    const q = req.query;
    const filter = parseFilterParam(q.filter);
    return service.list(ctxOf(req), { filter, sort: parseSortParam(q.sort), cursor: q.cursor, limit: q.limit, count: q.count, trash: q.trash });
  });

  app.post(`/api/v1/${path}/query`, { schema: { tags: [tag], summary: `Query ${path} with a filter in the body`, body: ListQuery, response: { 200: page, ...errors } } }, async (req) =>
    service.list(ctxOf(req), req.body),
  );

  app.get(`/api/v1/${path}/fields`, { schema: { tags: [tag], summary: 'Fields that can be filtered and sorted' } }, async (req) => {
    const fields = await service.fields(ctxOf(req));
    return { data: [...fields.values()].map((f) => ({ key: f.key, label: f.label, kind: f.kind, sortable: f.sortable, options: f.options ?? null })) };
  });

  app.get(`/api/v1/${path}/:id`, { schema: { tags: [tag], summary: `Get one`, params: IdParams, response: { 200: opts.item, ...errors } } }, async (req, reply) => {
    const record = await service.get(ctxOf(req), req.params.id);
    reply.header('etag', etag(record));
    return record;
  });

  app.post(`/api/v1/${path}`, { schema: { tags: [tag], summary: `Create`, body: opts.create, response: { 201: opts.item, ...errors, 409: Problem } } }, async (req, reply) => {
    const record = await service.create(ctxOf(req), req.body);
    reply.status(201).header('etag', etag(record)).header('location', `/api/v1/${path}/${record.id}`);
    return record;
  });

  app.patch(
    `/api/v1/${path}/:id`,
    {
      schema: {
        tags: [tag],
        summary: 'Change some fields; send If-Match with the ETag to refuse overwriting someone else’s change',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 100 })) }),
        body: opts.update,
        response: { 200: opts.item, ...errors, 409: Problem, 412: Problem },
      },
    },
    async (req, reply) => {
      const record = await service.update(ctxOf(req), req.params.id, req.body, versionFromIfMatch(req.headers['if-match']));
      reply.header('etag', etag(record));
      return record;
    },
  );

  app.delete(`/api/v1/${path}/:id`, { schema: { tags: [tag], summary: 'Move to the trash', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await service.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post(`/api/v1/${path}/:id/restore`, { schema: { tags: [tag], summary: 'Restore from the trash', params: IdParams, response: { 200: opts.item, ...errors } } }, async (req) =>
    service.restore(ctxOf(req), req.params.id),
  );

  const BulkCreate = Type.Object({ items: Type.Array(opts.create, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });
  const BulkResult = Type.Object({ data: Type.Array(opts.item) });
  app.post(`/api/v1/${path}/bulk`, { schema: { tags: [tag], summary: 'Create up to 1,000 at once, all or nothing', body: BulkCreate, response: { 201: BulkResult, ...errors, 409: Problem } } }, async (req, reply) => {
    const data = await service.bulkCreate(ctxOf(req), (req.body as { items: unknown[] }).items);
    return reply.status(201).send({ data });
  });
  app.patch(`/api/v1/${path}/bulk`, { schema: { tags: [tag], summary: 'Update up to 1,000 at once, all or nothing', body: opts.bulkUpdate, response: { 200: BulkResult, ...errors, 409: Problem, 412: Problem } } }, async (req) => ({
    data: await service.bulkUpdate(ctxOf(req), (req.body as { items: unknown[] }).items),
  }));
  app.post(`/api/v1/${path}/bulk-delete`, { schema: { tags: [tag], summary: 'Move up to 1,000 to the trash, all or nothing', body: BulkIds, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await service.bulkRemove(ctxOf(req), req.body.ids);
    return reply.status(204).send(null);
  });
  app.post(`/api/v1/${path}/bulk-restore`, { schema: { tags: [tag], summary: 'Restore up to 1,000 from the trash', body: BulkIds, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await service.bulkRestore(ctxOf(req), req.body.ids);
    return reply.status(204).send(null);
  });
}

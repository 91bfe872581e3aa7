import { Type } from '@sinclair/typebox';
import { IdParams } from '../../contract/common';
import { CustomField, CustomFieldCreate, CustomFieldUpdate, RecordTypeSchema } from '../../contract/custom-fields';
import { AuditPage } from '../../contract/audit';
import { Problem } from '../../contract/errors';
import { View, ViewCreate, ViewUpdate } from '../../contract/views';
import { ctxOf } from '../http/auth';
import type { App } from '../http/types';
import type { Services } from '../services';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** Custom fields, saved views, audit log and global search: what every object shares. */
export function registerWorkspaceRoutes(app: App, services: Services) {
  const { customFields, views, audit, search } = services;

  let tags = ['Custom fields'];
  app.get('/api/v1/custom-fields', { schema: { tags, summary: 'Custom fields', querystring: Type.Object({ objectType: Type.Optional(RecordTypeSchema) }), response: { 200: Type.Object({ data: Type.Array(CustomField) }), ...errors } } }, async (req) => ({
    data: await customFields.list(ctxOf(req), req.query.objectType),
  }));
  app.post('/api/v1/custom-fields', { schema: { tags, summary: 'Add a custom field', body: CustomFieldCreate, response: { 201: CustomField, ...errors, 409: Problem } } }, async (req, reply) =>
    reply.status(201).send(await customFields.create(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/custom-fields/:id', { schema: { tags, summary: 'Change a custom field', params: IdParams, body: CustomFieldUpdate, response: { 200: CustomField, ...errors } } }, async (req) =>
    customFields.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/custom-fields/:id', { schema: { tags, summary: 'Delete a custom field and its values', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await customFields.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  tags = ['Views'];
  app.get('/api/v1/views', { schema: { tags, summary: 'Saved views you can see', querystring: Type.Object({ objectType: Type.Optional(RecordTypeSchema) }), response: { 200: Type.Object({ data: Type.Array(View) }), ...errors } } }, async (req) => ({
    data: await views.list(ctxOf(req), req.query.objectType),
  }));
  app.get('/api/v1/views/:id', { schema: { tags, summary: 'One saved view', params: IdParams, response: { 200: View, ...errors } } }, async (req) => views.get(ctxOf(req), req.params.id));
  app.post('/api/v1/views', { schema: { tags, summary: 'Save a view', body: ViewCreate, response: { 201: View, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await views.create(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/views/:id', { schema: { tags, summary: 'Change a saved view', params: IdParams, body: ViewUpdate, response: { 200: View, ...errors } } }, async (req) =>
    views.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/views/:id', { schema: { tags, summary: 'Delete a saved view', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await views.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  const AuditQuery = Type.Object(
    {
      objectType: Type.Optional(Type.String({ maxLength: 40 })),
      objectId: Type.Optional(Type.String({ format: 'uuid' })),
      actorId: Type.Optional(Type.String({ format: 'uuid' })),
      action: Type.Optional(Type.String({ maxLength: 40 })),
      since: Type.Optional(Type.String({ format: 'date-time' })),
      until: Type.Optional(Type.String({ format: 'date-time' })),
      cursor: Type.Optional(Type.String({ format: 'uuid' })),
      limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    },
    { additionalProperties: false },
  );
  app.get('/api/v1/audit', { schema: { tags: ['Audit'], summary: 'Every change, newest first', querystring: AuditQuery, response: { 200: AuditPage, ...errors } } }, async (req) => {
    const q = req.query;
    return audit.list(ctxOf(req), {
      ...q,
      since: q.since ? new Date(q.since).toISOString() : undefined,
      until: q.until ? new Date(q.until).toISOString() : undefined,
    });
  });

  const SearchQuery = Type.Object(
    {
      q: Type.String({ minLength: 1, maxLength: 200 }),
      type: Type.Optional(RecordTypeSchema),
      limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
    },
    { additionalProperties: false },
  );
  const Hit = Type.Object({ objectType: Type.String(), id: Type.String(), title: Type.String(), subtitle: Type.String(), rank: Type.Number() });
  app.get('/api/v1/search', { schema: { tags: ['Search'], summary: 'Find contacts and companies by name, email, phone or domain', querystring: SearchQuery, response: { 200: Type.Object({ data: Type.Array(Hit) }), ...errors } } }, async (req) => ({
    data: await search.search(ctxOf(req), req.query.q, { limit: req.query.limit, objectType: req.query.type }),
  }));
}

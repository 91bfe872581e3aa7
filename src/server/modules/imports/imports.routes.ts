import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { ImportView } from '../../../contract/imports';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import { invalid } from '../../platform/errors';
import type { ImportObject, Mapping } from './import-mapping';
import type { ImportsService } from './imports.service';
import { fileFromMultipart } from './upload-body';

const StartQuery = Type.Object({
  objectType: Type.Union([Type.Literal('contacts'), Type.Literal('companies')]),
  mapping: Type.Optional(Type.String({ description: 'JSON: {"CSV header": "field"}; default: suggested from the headers' })),
  dedup: Type.Optional(Type.Union([Type.Literal('skip'), Type.Literal('update'), Type.Literal('create')])),
  matchBy: Type.Optional(Type.String({ description: 'email, domain, name or custom.<key>' })),
  dryRun: Type.Optional(Type.Boolean()),
  encoding: Type.Optional(Type.Union([Type.Literal('utf8'), Type.Literal('latin1')])),
  delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
  fileName: Type.Optional(Type.String({ maxLength: 255 })),
  saveMappingAs: Type.Optional(Type.String({ maxLength: 100 })),
});
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

function parseMapping(value: string | undefined): Mapping | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string')) return parsed;
  } catch {
    // reported below
  }
  throw invalid('mapping', 'must be a JSON object of "CSV header": "field"');
}

/** POST a CSV as the raw body (text/csv) or as the file of a form; options in the query string. */
export async function registerImportRoutes(app: App, service: ImportsService) {
  await app.register(async (scope: App) => {
    // The upload is kept as bytes: the import detects its encoding itself.
    for (const type of ['text/csv', 'text/plain', 'application/octet-stream', 'multipart/form-data']) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 200 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    }
    const upload = (req: any) => {
      const body = req.body as Buffer;
      if (!Buffer.isBuffer(body)) throw invalid('file', 'send the CSV as the body (text/csv) or as a form file');
      const type = String(req.headers['content-type'] ?? '');
      return type.startsWith('multipart/') ? fileFromMultipart(body, type) : { content: body, fileName: null };
    };

    scope.post('/api/v1/imports', { bodyLimit: 200 * 1024 * 1024, schema: { tags: ['Imports'], summary: 'Start a CSV import (or a dry run) as a background job', querystring: StartQuery, response: { 202: ImportView, ...errors } } }, async (req, reply) => {
      const q = req.query;
      const { content, fileName } = upload(req);
      const view = await service.start(ctxOf(req), {
        objectType: q.objectType,
        content,
        fileName: q.fileName ?? fileName,
        mapping: parseMapping(q.mapping),
        dedup: q.dedup,
        matchBy: q.matchBy,
        dryRun: q.dryRun,
        format: { encoding: q.encoding, delimiter: q.delimiter },
        saveMappingAs: q.saveMappingAs,
      });
      reply.status(202).header('location', `/api/v1/imports/${view.id}`);
      return view;
    });

    scope.post('/api/v1/imports/preview', { bodyLimit: 200 * 1024 * 1024, schema: { tags: ['Imports'], summary: 'Headers, detected format and suggested mapping of a file', querystring: Type.Pick(StartQuery, ['objectType', 'encoding', 'delimiter']) } }, async (req) => {
      const q = req.query;
      return service.preview(ctxOf(req), { objectType: q.objectType, content: upload(req).content, format: { encoding: q.encoding, delimiter: q.delimiter } });
    });
  });

  app.get('/api/v1/imports/mappings/:objectType', { schema: { tags: ['Imports'], summary: 'Saved mappings', params: Type.Object({ objectType: Type.Union([Type.Literal('contacts'), Type.Literal('companies')]) }) } }, async (req) => ({
    data: await service.mappings(ctxOf(req), req.params.objectType as ImportObject),
  }));

  app.get('/api/v1/imports/:id', { schema: { tags: ['Imports'], summary: 'Status, progress and the first errors', params: IdParams, response: { 200: ImportView, ...errors } } }, async (req) => service.get(ctxOf(req), req.params.id));

  app.get('/api/v1/imports/:id/errors.csv', { schema: { tags: ['Imports'], summary: 'The bad rows with their line and reason', params: IdParams } }, async (req, reply) => {
    const lines = service.errorsCsv(ctxOf(req), req.params.id);
    // The first piece is read here, so an unknown import answers 404 rather than a broken stream.
    const first = await lines.next();
    const rest = (async function* () {
      if (!first.done) yield first.value;
      yield* lines;
    })();
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="import-${req.params.id}-errors.csv"`);
    return reply.send(Readable.from(rest));
  });

  app.post('/api/v1/imports/:id/revert', { schema: { tags: ['Imports'], summary: 'Undo the import: trash what it created, restore what it updated', params: IdParams, response: { 200: ImportView, ...errors } } }, async (req) =>
    service.revert(ctxOf(req), req.params.id),
  );
}

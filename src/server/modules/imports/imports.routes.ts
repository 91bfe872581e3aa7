import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { ImportErrorPage, ImportList, ImportRerun, ImportView } from '../../../contract/imports';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import { invalid } from '../../platform/errors';
import type { ImportObject, Mapping } from './import-mapping';
import type { ImportsService } from './imports.service';
import { MAX_UPLOAD, type SpooledUpload, spoolUpload } from './upload-body';

const ObjectParam = Type.Union([Type.Literal('contacts'), Type.Literal('companies'), Type.Literal('leads'), Type.Literal('deals')]);
const StartQuery = Type.Object({
  objectType: ObjectParam,
  mapping: Type.Optional(Type.String({ description: 'JSON: {"CSV header": "field"}; default: suggested from the headers' })),
  dedup: Type.Optional(Type.Union([Type.Literal('skip'), Type.Literal('update'), Type.Literal('create')])),
  matchBy: Type.Optional(Type.String({ description: 'email (contacts, leads), domain or name (companies), name (leads, deals) or custom.<key>' })),
  dryRun: Type.Optional(Type.Boolean()),
  createCompanies: Type.Optional(Type.Boolean({ description: 'contacts: create the companies rows name that are not here yet (default true); false leaves those rows unlinked' })),
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

/** Spools the body to a temporary file, runs `use` with it, and removes the file whatever happens. */
async function withUpload<T>(req: any, use: (upload: SpooledUpload) => Promise<T>): Promise<T> {
  const body = req.body as Readable | undefined;
  if (!body || typeof (body as Readable).pipe !== 'function') throw invalid('file', 'send the file as the body (text/csv, text/vcard) or as a form file');
  const upload = await spoolUpload(body, String(req.headers['content-type'] ?? ''));
  try {
    return await use(upload);
  } finally {
    await upload.discard();
  }
}

/** POST a CSV (or vCard) file as the raw body or as the file of a form; options in the query string. */
export async function registerImportRoutes(app: App, service: ImportsService) {
  await app.register(async (scope: App) => {
    // The body is not parsed: the route streams it to disk, so a large file never sits in memory.
    for (const type of ['text/csv', 'text/plain', 'text/vcard', 'text/x-vcard', 'application/octet-stream', 'multipart/form-data']) {
      scope.addContentTypeParser(type, { bodyLimit: MAX_UPLOAD }, (_req, payload, done) => done(null, payload));
    }

    scope.post('/api/v1/imports', { bodyLimit: MAX_UPLOAD, schema: { tags: ['Imports'], summary: 'Start an import (or a dry run) of a CSV or vCard file as a background job', querystring: StartQuery, response: { 202: ImportView, ...errors } } }, async (req, reply) => {
      const q = req.query;
      const view = await withUpload(req, (upload) =>
        service.start(ctxOf(req), {
          objectType: q.objectType,
          content: { path: upload.path },
          fileName: q.fileName ?? upload.fileName,
          mapping: parseMapping(q.mapping),
          dedup: q.dedup,
          matchBy: q.matchBy,
          dryRun: q.dryRun,
          createCompanies: q.createCompanies,
          format: { encoding: q.encoding, delimiter: q.delimiter },
          saveMappingAs: q.saveMappingAs,
        }),
      );
      reply.status(202).header('location', `/api/v1/imports/${view.id}`);
      return view;
    });

    scope.post('/api/v1/imports/preview', { bodyLimit: MAX_UPLOAD, schema: { tags: ['Imports'], summary: 'Headers, detected format and suggested mapping of a file (its first 256 KB are enough)', querystring: Type.Pick(StartQuery, ['objectType', 'encoding', 'delimiter', 'fileName']) } }, async (req) => {
      const q = req.query;
      return withUpload(req, (upload) =>
        service.preview(ctxOf(req), { objectType: q.objectType, content: { path: upload.path }, fileName: q.fileName ?? upload.fileName, format: { encoding: q.encoding, delimiter: q.delimiter } }),
      );
    });
  });

  app.get('/api/v1/imports', { schema: { tags: ['Imports'], summary: 'Past imports, newest first', querystring: Type.Object({ objectType: Type.Optional(ObjectParam), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }), response: { 200: ImportList, ...errors } } }, async (req) => ({
    data: await service.list(ctxOf(req), { objectType: req.query.objectType, limit: req.query.limit ?? 50 }),
  }));

  app.get('/api/v1/imports/:id/preview', { schema: { tags: ['Imports'], summary: 'Columns, format and mapping of an earlier import\'s file', params: IdParams, querystring: Type.Pick(StartQuery, ['encoding', 'delimiter']) } }, async (req) =>
    service.previewOf(ctxOf(req), req.params.id, { encoding: req.query.encoding, delimiter: req.query.delimiter }),
  );

  app.get('/api/v1/imports/:id/errors', { schema: { tags: ['Imports'], summary: 'The bad rows, a page at a time (keyset on the line)', params: IdParams, querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }), response: { 200: ImportErrorPage, ...errors } } }, async (req) =>
    service.errorPage(ctxOf(req), req.params.id, { after: req.query.after ?? 0, limit: req.query.limit ?? 200 }),
  );

  app.post('/api/v1/imports/:id/rerun', { schema: { tags: ['Imports'], summary: 'Import the same file again with other options (e.g. for real after a dry run)', params: IdParams, body: ImportRerun, response: { 202: ImportView, ...errors } } }, async (req, reply) => {
    const view = await service.rerun(ctxOf(req), req.params.id, req.body);
    reply.status(202).header('location', `/api/v1/imports/${view.id}`);
    return view;
  });

  app.get('/api/v1/imports/mappings/:objectType', { schema: { tags: ['Imports'], summary: 'Saved mappings', params: Type.Object({ objectType: ObjectParam }) } }, async (req) => ({
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

import { IdParams } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { ConsentCreate, ConsentList, ConsentRecord, EraseRequest, EraseResult } from '../../../contract/privacy';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { ConsentsService } from './consents.service';
import type { ErasureService } from './erasure.service';
import type { PersonalExportService } from './export.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['Privacy'];

export function registerPrivacyRoutes(app: App, s: { consents: ConsentsService; personalExport: PersonalExportService; erasure: ErasureService }) {
  app.get(
    '/api/v1/contacts/:id/consents',
    { schema: { tags, summary: "A contact's consent records, and the one in force per purpose", params: IdParams, response: { 200: ConsentList, ...errors } } },
    async (req) => s.consents.list(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/contacts/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record that consent was given or withdrawn (purpose, GDPR Art. 6 basis, source, time, proof)',
        params: IdParams,
        body: ConsentCreate,
        response: { 201: ConsentRecord, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.consents.record(ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/contacts/:id/export.zip',
    {
      schema: {
        tags,
        summary: 'Everything held about the person, as a zip of JSON and CSV files (GDPR Art. 15 and 20)',
        params: IdParams,
        produces: ['application/zip'],
      },
    },
    async (req, reply) => {
      const { fileName, stream } = await s.personalExport.open(ctxOf(req), req.params.id);
      const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
  app.post(
    '/api/v1/contacts/:id/erase',
    {
      schema: {
        tags,
        summary: "Erase the person: their data leaves every record, history and index in one transaction; amounts and counts stay (owners and admins)",
        params: IdParams,
        body: EraseRequest,
        response: { 200: EraseResult, ...errors },
      },
    },
    async (req) => s.erasure.erase(ctxOf(req), req.params.id, req.body),
  );
}

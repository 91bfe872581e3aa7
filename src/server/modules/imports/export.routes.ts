import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { Filter } from '../../../contract/filter';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import { AppError } from '../../platform/errors';
import { exportList } from './export.service';

const ExportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json'), Type.Literal('vcf')], { description: 'vcf: vCard, contacts only' })),
  version: Type.Optional(Type.Union([Type.Literal('3.0'), Type.Literal('4.0')], { description: 'vCard version' })),
  filter: Type.Optional(Type.String({ description: 'The filter language as JSON, as for the list' })),
  columns: Type.Optional(Type.String({ description: 'Comma-separated field keys (custom.<key> too); default every field' })),
});

/** GET /api/v1/{path}/export: the whole filtered list as a streamed CSV or JSON download. */
export function registerExportRoute(app: App, opts: { path: string; tag: string; service: Parameters<typeof exportList>[0] }) {
  app.get(
    `/api/v1/${opts.path}/export`,
    { schema: { tags: [opts.tag], summary: `Export ${opts.path} (filter and columns as for the list) as CSV or JSON`, querystring: ExportQuery } },
    async (req, reply) => {
      const q = req.query;
      let filter: Filter | undefined;
      try {
        filter = q.filter ? (JSON.parse(q.filter) as Filter) : undefined;
      } catch {
        throw new AppError('invalid_filter', 'filter: is not valid JSON', { field: 'filter' });
      }
      const format = q.format ?? 'csv';
      if (format === 'vcf' && opts.path !== 'contacts') throw new AppError('validation_failed', 'format: vCard is for contacts', { field: 'format' });
      const columns = q.columns?.split(',').map((c) => c.trim()).filter(Boolean);
      const body = await exportList(opts.service, ctxOf(req), { format, filter, columns, vcardVersion: q.version });
      reply
        .header('content-type', { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', vcf: 'text/vcard; charset=utf-8' }[format])
        .header('content-disposition', `attachment; filename="${opts.path}.${format}"`);
      return reply.send(Readable.from(body));
    },
  );
}

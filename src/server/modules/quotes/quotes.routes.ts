import { Type } from '@sinclair/typebox';
import { IdParams, Nullable } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { Quote, QuoteAccept, QuoteCreate, QuoteQuery, QuoteUpdate } from '../../../contract/quotes';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import { AppError } from '../../platform/errors';
import type { QuotesService } from './quotes.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Quotes'];

function versionOf(value: string | undefined): number | undefined {
  if (!value || value.trim() === '*') return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(value.trim());
  if (!m) throw new AppError('precondition_failed', 'If-Match: send the ETag you received, e.g. "3"', { field: 'If-Match' });
  return Number(m[1]);
}

export function registerQuoteRoutes(app: App, quotes: QuotesService) {
  app.get('/api/v1/quotes', { schema: { tags, summary: 'Quotes, newest first', querystring: QuoteQuery, response: { 200: Type.Object({ data: Type.Array(Quote), nextCursor: Nullable(Type.String()) }), ...errors } } }, async (req) =>
    quotes.list(ctxOf(req), req.query),
  );
  app.get('/api/v1/quotes/:id', { schema: { tags, summary: 'One quote with its lines and totals', params: IdParams, response: { 200: Quote, ...errors } } }, async (req, reply) => {
    const q = await quotes.get(ctxOf(req), req.params.id);
    reply.header('etag', `"${q.version}"`);
    return q;
  });
  app.post('/api/v1/quotes', { schema: { tags, summary: 'Create a draft quote; totals are computed by the server (rounding: half away from zero per line, then summed)', body: QuoteCreate, response: { 201: Quote, ...errors } } }, async (req, reply) => {
    const q = await quotes.create(ctxOf(req), req.body);
    return reply.status(201).header('etag', `"${q.version}"`).header('location', `/api/v1/quotes/${q.id}`).send(q);
  });
  app.patch(
    '/api/v1/quotes/:id',
    { schema: { tags, summary: 'Change a draft (lines are replaced as a whole)', params: IdParams, headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 100 })) }), body: QuoteUpdate, response: { 200: Quote, ...errors, 409: Problem, 412: Problem } } },
    async (req, reply) => {
      const q = await quotes.update(ctxOf(req), req.params.id, req.body, versionOf(req.headers['if-match']));
      reply.header('etag', `"${q.version}"`);
      return q;
    },
  );
  app.post('/api/v1/quotes/:id/send', { schema: { tags, summary: 'Mark a draft as sent', params: IdParams, response: { 200: Quote, ...errors, 409: Problem } } }, async (req) => quotes.send(ctxOf(req), req.params.id));
  app.post('/api/v1/quotes/:id/reject', { schema: { tags, summary: 'Mark as rejected', params: IdParams, response: { 200: Quote, ...errors, 409: Problem } } }, async (req) => quotes.reject(ctxOf(req), req.params.id));
  app.post(
    '/api/v1/quotes/:id/accept',
    { schema: { tags, summary: 'Accept: issues the invoice (numbered per workspace without gaps)', params: IdParams, body: QuoteAccept, response: { 200: Type.Object({ quote: Quote, invoiceId: Type.String() }), ...errors, 409: Problem } } },
    async (req) => quotes.accept(ctxOf(req), req.params.id, req.body ?? {}),
  );
  app.get('/api/v1/quotes/:id/pdf', { schema: { tags, summary: 'The quote as a PDF', params: IdParams, response: { 200: { type: 'string', format: 'binary', description: 'application/pdf' }, ...errors } } }, async (req, reply) => {
    const { quote, pdf } = await quotes.pdf(ctxOf(req), req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${quote.number}.pdf"`).send(pdf);
  });
}

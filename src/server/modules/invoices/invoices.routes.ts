import { Type } from '@sinclair/typebox';
import { IdParams, Nullable } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { Invoice, InvoiceQuery, InvoiceUpdate, PaymentCreate, Purchases } from '../../../contract/invoices';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { InvoicesService } from './invoices.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Invoices'];

export function registerInvoiceRoutes(app: App, invoices: InvoicesService) {
  app.get('/api/v1/invoices', { schema: { tags, summary: 'Invoices, newest first', querystring: InvoiceQuery, response: { 200: Type.Object({ data: Type.Array(Invoice), nextCursor: Nullable(Type.String()) }), ...errors } } }, async (req) =>
    invoices.list(ctxOf(req), req.query),
  );
  app.get('/api/v1/invoices/:id', { schema: { tags, summary: 'One invoice with lines, payments and balance', params: IdParams, response: { 200: Invoice, ...errors } } }, async (req) =>
    invoices.get(ctxOf(req), req.params.id),
  );
  app.patch('/api/v1/invoices/:id', { schema: { tags, summary: 'Change the due date or notes', params: IdParams, body: InvoiceUpdate, response: { 200: Invoice, ...errors } } }, async (req) =>
    invoices.update(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/invoices/:id/payments', { schema: { tags, summary: 'Record a payment (at most the balance)', params: IdParams, body: PaymentCreate, response: { 201: Invoice, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await invoices.addPayment(ctxOf(req), req.params.id, req.body)),
  );
  for (const objectType of ['contacts', 'companies'] as const) {
    app.get(`/api/v1/${objectType}/:id/purchases`, { schema: { tags: ['Purchase history'], summary: 'Invoices and their lines, with totals per currency', params: IdParams, response: { 200: Purchases, ...errors } } }, async (req) =>
      invoices.purchases(ctxOf(req), objectType, req.params.id),
    );
  }
}

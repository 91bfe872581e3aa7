import { Type } from '@sinclair/typebox';
import { IdParams, Nullable } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { PriceList, PriceListCreate, PriceListUpdate, Product, ProductCreate, ProductQuery, ProductUpdate } from '../../../contract/products';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { ProductsService } from './products.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerProductRoutes(app: App, products: ProductsService) {
  let tags = ['Products'];
  app.get('/api/v1/products', { schema: { tags, summary: 'Products with their prices', querystring: ProductQuery, response: { 200: Type.Object({ data: Type.Array(Product), nextCursor: Nullable(Type.String()) }), ...errors } } }, async (req) =>
    products.list(ctxOf(req), req.query),
  );
  app.get('/api/v1/products/:id', { schema: { tags, summary: 'One product', params: IdParams, response: { 200: Product, ...errors } } }, async (req) => products.get(ctxOf(req), req.params.id));
  app.post('/api/v1/products', { schema: { tags, summary: 'Add a product (admins)', body: ProductCreate, response: { 201: Product, ...errors, 409: Problem } } }, async (req, reply) =>
    reply.status(201).send(await products.create(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/products/:id', { schema: { tags, summary: 'Change a product (admins)', params: IdParams, body: ProductUpdate, response: { 200: Product, ...errors, 409: Problem } } }, async (req) =>
    products.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/products/:id', { schema: { tags, summary: 'Delete a product that is on no quote or invoice (admins)', params: IdParams, response: { 204: Type.Null(), ...errors, 409: Problem } } }, async (req, reply) => {
    await products.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  tags = ['Price lists'];
  app.get('/api/v1/price-lists', { schema: { tags, summary: 'Price lists', response: { 200: Type.Object({ data: Type.Array(PriceList) }), ...errors } } }, async (req) => ({
    data: await products.listPriceLists(ctxOf(req)),
  }));
  app.post('/api/v1/price-lists', { schema: { tags, summary: 'Add a price list in one currency (admins)', body: PriceListCreate, response: { 201: PriceList, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await products.createPriceList(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/price-lists/:id', { schema: { tags, summary: 'Rename or make default (admins)', params: IdParams, body: PriceListUpdate, response: { 200: PriceList, ...errors } } }, async (req) =>
    products.updatePriceList(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/price-lists/:id', { schema: { tags, summary: 'Delete a price list no quote uses (admins)', params: IdParams, response: { 204: Type.Null(), ...errors, 409: Problem } } }, async (req, reply) => {
    await products.removePriceList(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}

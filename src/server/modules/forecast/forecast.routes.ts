import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { Forecast, ForecastQuery, Quota, QuotaSet } from '../../../contract/forecast';
import { Period } from '../../../contract/money';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { ForecastService } from './forecast.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerForecastRoutes(app: App, forecast: ForecastService) {
  app.get('/api/v1/forecast', { schema: { tags: ['Forecast'], summary: 'Won, weighted pipeline and best case per owner against quota, for a month or quarter', querystring: ForecastQuery, response: { 200: Forecast, ...errors } } }, async (req) =>
    forecast.forecast(ctxOf(req), req.query),
  );
  const tags = ['Quotas'];
  const QuotaQuery = Type.Object({ period: Type.Optional(Period), userId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false });
  app.get('/api/v1/quotas', { schema: { tags, summary: 'Quotas', querystring: QuotaQuery, response: { 200: Type.Object({ data: Type.Array(Quota) }), ...errors } } }, async (req) => ({
    data: await forecast.listQuotas(ctxOf(req), req.query),
  }));
  app.put('/api/v1/quotas', { schema: { tags, summary: 'Set a user’s quota for a period and currency (admins)', body: QuotaSet, response: { 200: Quota, ...errors } } }, async (req) => forecast.setQuota(ctxOf(req), req.body));
  app.delete('/api/v1/quotas/:id', { schema: { tags, summary: 'Delete a quota (admins)', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await forecast.removeQuota(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}

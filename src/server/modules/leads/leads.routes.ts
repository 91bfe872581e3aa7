import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { Lead, LeadBulkUpdate, LeadConversion, LeadConvert, LeadCreate, LeadUpdate, ScoreRule, ScoreRuleCreate, ScoreRuleUpdate } from '../../../contract/leads';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import { registerRecordRoutes } from '../../platform/records/record-routes';
import type { LeadConversionService } from './lead-conversion.service';
import type { LeadScoringService } from './lead-scoring.service';
import type { LeadsService } from './leads.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerLeadRoutes(app: App, s: { leads: LeadsService; scoring: LeadScoringService; conversion: LeadConversionService }) {
  registerRecordRoutes(app, { path: 'leads', tag: 'Leads', service: s.leads as any, item: Lead, create: LeadCreate, update: LeadUpdate, bulkUpdate: LeadBulkUpdate });
  const tags = ['Leads'];
  app.post('/api/v1/leads/:id/convert', { schema: { tags, summary: 'Convert into a contact and company (found or new) and optionally a deal, all at once', params: IdParams, body: LeadConvert, response: { 200: LeadConversion, ...errors, 409: Problem } } }, async (req) =>
    s.conversion.convert(ctxOf(req), req.params.id, req.body),
  );
  const Changed = Type.Object({ changed: Type.Integer() });
  app.post('/api/v1/leads/:id/score', { schema: { tags, summary: 'Recompute one lead’s score (e.g. after logging activities)', params: IdParams, response: { 200: Lead, ...errors } } }, async (req) => {
    const ctx = ctxOf(req);
    await s.leads.get(ctx, req.params.id);
    await s.scoring.recompute(ctx, [req.params.id]);
    return s.leads.get(ctx, req.params.id);
  });
  app.post('/api/v1/leads/recompute-scores', { schema: { tags, summary: 'Recompute every lead’s score (admins)', response: { 200: Changed, ...errors } } }, async (req) =>
    s.scoring.recompute(ctxOf(req), null),
  );

  const ruleTags = ['Lead scoring'];
  app.get('/api/v1/lead-score-rules', { schema: { tags: ruleTags, summary: 'Score rules', response: { 200: Type.Object({ data: Type.Array(ScoreRule) }), ...errors } } }, async (req) => ({
    data: await s.scoring.list(ctxOf(req)),
  }));
  app.post('/api/v1/lead-score-rules', { schema: { tags: ruleTags, summary: 'Add a rule (admins); every lead is rescored', body: ScoreRuleCreate, response: { 201: ScoreRule, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.scoring.create(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/lead-score-rules/:id', { schema: { tags: ruleTags, summary: 'Change a rule (admins); every lead is rescored', params: IdParams, body: ScoreRuleUpdate, response: { 200: ScoreRule, ...errors } } }, async (req) =>
    s.scoring.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/lead-score-rules/:id', { schema: { tags: ruleTags, summary: 'Delete a rule (admins); every lead is rescored', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await s.scoring.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}

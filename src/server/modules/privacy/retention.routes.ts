import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { RetentionRule, RetentionRuleCreate, RetentionRuleUpdate, RetentionRun } from '../../../contract/privacy';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { RetentionService } from './retention.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Privacy'];

export function registerRetentionRoutes(app: App, retention: RetentionService) {
  app.get('/api/v1/retention-rules', { schema: { tags, summary: 'Retention rules, each with its last run', response: { 200: Type.Object({ data: Type.Array(RetentionRule) }), ...errors } } }, async (req) => ({
    data: await retention.list(ctxOf(req)),
  }));
  app.post(
    '/api/v1/retention-rules',
    { schema: { tags, summary: 'Add a rule: records untouched for N months (and matching the filter) are trashed, deleted or anonymised every night', body: RetentionRuleCreate, response: { 201: RetentionRule, ...errors } } },
    async (req, reply) => reply.status(201).send(await retention.create(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/retention-rules/:id',
    { schema: { tags, summary: 'A rule and its last 20 runs', params: IdParams, response: { 200: Type.Intersect([RetentionRule, Type.Object({ runs: Type.Array(RetentionRun) })]), ...errors } } },
    async (req) => retention.get(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/retention-rules/:id',
    { schema: { tags, summary: 'Change or switch off a rule', params: IdParams, body: RetentionRuleUpdate, response: { 200: RetentionRule, ...errors } } },
    async (req) => retention.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/retention-rules/:id', { schema: { tags, summary: 'Remove a rule and its run log', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await retention.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.post(
    '/api/v1/retention-rules/:id/run',
    { schema: { tags, summary: 'Run a rule now (as a job; its result appears in the rule’s runs)', params: IdParams, response: { 202: Type.Object({ jobId: Type.String() }), ...errors } } },
    async (req, reply) => reply.status(202).send(await retention.runNow(ctxOf(req), req.params.id)),
  );
}

import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../contract/common';
import { CommissionRule, CommissionRuleCreate, CommissionRuleUpdate, Statement, StatementQuery } from '../../../contract/commissions';
import { Problem } from '../../../contract/errors';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { CommissionsService } from './commissions.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Commissions'];

export function registerCommissionRoutes(app: App, commissions: CommissionsService) {
  app.get('/api/v1/commission-rules', { schema: { tags, summary: 'Commission rules', response: { 200: Type.Object({ data: Type.Array(CommissionRule) }), ...errors } } }, async (req) => ({
    data: await commissions.list(ctxOf(req)),
  }));
  app.post('/api/v1/commission-rules', { schema: { tags, summary: 'Add a rule for a user or a role (admins)', body: CommissionRuleCreate, response: { 201: CommissionRule, ...errors, 409: Problem } } }, async (req, reply) =>
    reply.status(201).send(await commissions.create(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/commission-rules/:id', { schema: { tags, summary: 'Change a rule (admins)', params: IdParams, body: CommissionRuleUpdate, response: { 200: CommissionRule, ...errors } } }, async (req) =>
    commissions.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/commission-rules/:id', { schema: { tags, summary: 'Delete a rule (admins)', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await commissions.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.get('/api/v1/commissions/statements', { schema: { tags, summary: 'A user’s commission statement for a month or quarter', querystring: StatementQuery, response: { 200: Statement, ...errors } } }, async (req) =>
    commissions.statement(ctxOf(req), req.query),
  );
}

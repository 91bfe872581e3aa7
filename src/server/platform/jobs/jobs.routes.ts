import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { Job, JobList, JobQuery } from '../../../contract/jobs';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { JobsService } from './jobs.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Jobs'];

/** Background jobs of the workspace, for owners and admins. */
export function registerJobRoutes(app: App, jobs: JobsService) {
  app.get('/api/v1/jobs', { schema: { tags, summary: 'Jobs, newest first, with counts by state', querystring: JobQuery, response: { 200: JobList, ...errors } } }, async (req) =>
    jobs.list(ctxOf(req), req.query),
  );
  app.get('/api/v1/jobs/:id', { schema: { tags, summary: 'One job', params: IdParams, response: { 200: Job, ...errors } } }, async (req) => jobs.get(ctxOf(req), req.params.id));
  app.post(
    '/api/v1/jobs/:id/retry',
    { schema: { tags, summary: 'Run a dead job again with a fresh set of attempts', params: IdParams, body: Type.Optional(Type.Object({}, { additionalProperties: false })), response: { 200: Job, ...errors, 409: Problem } } },
    async (req) => jobs.retry(ctxOf(req), req.params.id),
  );
}

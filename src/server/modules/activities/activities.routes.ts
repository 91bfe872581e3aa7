import { Type } from '@sinclair/typebox';
import { Activity, ActivityCreate, ActivityQuery, ActivityUpdate, LINKABLE_TYPES, TimelinePage, TimelineQuery } from '../../../contract/activities';
import { IdParams, Nullable } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { ActivitiesService } from './activities.service';
import type { TimelineService } from './timeline.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Activities'];

export function registerActivityRoutes(app: App, activities: ActivitiesService, timeline: TimelineService) {
  app.get(
    '/api/v1/activities',
    { schema: { tags, summary: 'Activities, newest first; of one record with objectType and objectId', querystring: ActivityQuery, response: { 200: Type.Object({ data: Type.Array(Activity), nextCursor: Nullable(Type.String()) }), ...errors } } },
    async (req) => activities.list(ctxOf(req), req.query),
  );
  app.get('/api/v1/activities/:id', { schema: { tags, summary: 'One activity', params: IdParams, response: { 200: Activity, ...errors } } }, async (req) =>
    activities.get(ctxOf(req), req.params.id),
  );
  app.post('/api/v1/activities', { schema: { tags, summary: 'Log an email, call, meeting, chat, social message or note', body: ActivityCreate, response: { 201: Activity, ...errors } } }, async (req, reply) => {
    const activity = await activities.create(ctxOf(req), req.body);
    return reply.status(201).header('location', `/api/v1/activities/${activity.id}`).send(activity);
  });
  app.patch('/api/v1/activities/:id', { schema: { tags, summary: 'Change an activity (its type stays)', params: IdParams, body: ActivityUpdate, response: { 200: Activity, ...errors } } }, async (req) =>
    activities.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/activities/:id', { schema: { tags, summary: 'Delete an activity', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await activities.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  for (const objectType of LINKABLE_TYPES) {
    app.get(
      `/api/v1/${objectType}/:id/timeline`,
      { schema: { tags: ['Timeline'], summary: `Activities, comments and changes of one of the ${objectType}, newest first`, params: IdParams, querystring: TimelineQuery, response: { 200: TimelinePage, ...errors } } },
      async (req) => timeline.timeline(ctxOf(req), objectType, req.params.id, req.query),
    );
  }
}

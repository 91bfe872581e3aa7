import { Type } from '@sinclair/typebox';
import { Problem } from '../../../contract/errors';
import { CalendarFeed, CalendarFeedStatus } from '../../../contract/tasks';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { CalendarService } from './calendar.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Calendar'];

export function registerCalendarRoutes(app: App, calendar: CalendarService, opts: { publicUrl: string }) {
  app.get('/api/v1/calendar/feed', { schema: { tags, summary: 'Whether you have a calendar feed', response: { 200: CalendarFeedStatus, ...errors } } }, async (req) =>
    calendar.status(ctxOf(req)),
  );
  app.post(
    '/api/v1/calendar/feed',
    { schema: { tags, summary: 'Create or rotate your feed’s secret address (the old one stops working)', body: Type.Optional(Type.Object({}, { additionalProperties: false })), response: { 201: CalendarFeed, ...errors } } },
    async (req, reply) => reply.status(201).send(await calendar.rotate(ctxOf(req), opts.publicUrl)),
  );
  app.delete('/api/v1/calendar/feed', { schema: { tags, summary: 'Turn your feed off', response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await calendar.revoke(ctxOf(req));
    return reply.status(204).send(null);
  });
  app.get(
    '/api/v1/calendar/:file',
    {
      schema: {
        tags,
        summary: 'Your tasks and meetings as iCalendar; the secret address is the credential',
        security: [],
        params: Type.Object({ file: Type.String({ pattern: '^cal_[A-Za-z0-9_-]{20,64}\\.ics$' }) }, { additionalProperties: false }),
        response: { 200: Type.String({ description: 'text/calendar' }), 404: Problem },
      },
    },
    async (req, reply) => {
      const body = await calendar.render(req.params.file.slice(0, -4));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
}

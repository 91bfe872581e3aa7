import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/auth';
import { hookRoutes } from '../../http/route-hooks';
import type { App } from '../../http/types';
import type { LeadScoringService } from './lead-scoring.service';

const ACTIVITIES = '/api/v1/activities';
const ONE_ACTIVITY = '/api/v1/activities/:id';

/**
 * Activity points follow the activities: when one linked to leads is logged, changed or deleted,
 * those leads are rescored before the response leaves, in a transaction of their own right after
 * the activity's (the activities module knows nothing of leads). A failure to rescore is logged;
 * the next change of the lead or POST /leads/{id}/score catches up.
 */
export function rescoreLeadsOnActivityChanges(app: App, scoring: LeadScoringService) {
  const linkedBefore = new WeakMap<FastifyRequest, string[]>();

  const activityWrite = (method: string, url: string) => (url === ACTIVITIES && method === 'POST') || (url === ONE_ACTIVITY && (method === 'PATCH' || method === 'DELETE'));
  hookRoutes(app, activityWrite, {
    preHandler: (req, _reply, done) => {
      if (req.routeOptions.url !== ONE_ACTIVITY || !req.auth) return done();
      scoring.leadsOfActivity(ctxOf(req), (req.params as { id: string }).id).then((ids) => {
        linkedBefore.set(req, ids);
        done();
      }, done);
    },
    onSend: (req, reply, payload, done) => {
      if (reply.statusCode >= 300) return done(null, payload);
      rescoreAfterWrite(req, payload).then(() => done(null, payload), (err) => done(err));
    },
  });

  async function rescoreAfterWrite(req: FastifyRequest, payload: unknown): Promise<void> {
    const ids = new Set(linkedBefore.get(req) ?? []);
    if (typeof payload === 'string' && payload) {
      try {
        for (const l of (JSON.parse(payload) as { links?: { objectType: string; id: string }[] }).links ?? []) if (l.objectType === 'leads') ids.add(l.id);
      } catch {
        // not an activity body; nothing to add
      }
    }
    if (ids.size === 0) return;
    try {
      await scoring.recompute(ctxOf(req), [...ids]);
    } catch (err) {
      req.log.warn({ err, leads: [...ids] }, 'could not rescore leads after an activity changed');
    }
  }
}

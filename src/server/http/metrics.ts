import type {} from './types';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

type Observe = (seconds: number) => void;

/** Prometheus metrics at /metrics: process figures and request durations by route. */
export function installMetrics(app: FastifyInstance) {
  const registry = new Registry();
  // The event-loop delay histogram samples on a timer: every 10 ms by default, a hundred wake-ups
  // a second that kept an idle server's request thread at ~0.9% of a core. Ten a second still
  // catch any stall that matters and leave it at ~0.35%.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 });
  const duration = new Histogram({
    name: 'rapport_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  // Each route gets its own hook that knows its method and path, so a request costs no label
  // object, no label hashing and no `request.routeOptions` (a getter that builds an object).
  const observer = (method: string, route: string) => {
    const byStatus = new Map<number, Observe>();
    return (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
      let observe = byStatus.get(reply.statusCode);
      if (!observe) {
        const child = duration.labels(method, route, String(reply.statusCode));
        observe = (seconds) => child.observe(seconds);
        byStatus.set(reply.statusCode, observe);
      }
      observe(reply.elapsedTime / 1000);
      done();
    };
  };
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hooks = methods.map((m) => observer(m, route.url));
    const own = route.onResponse ? (Array.isArray(route.onResponse) ? route.onResponse : [route.onResponse]) : [];
    route.onResponse = [...own, ...hooks] as typeof route.onResponse;
  });
  // Requests that match no route (404s and probes) share one series per method; the check is a
  // plain property read, so routed requests pay next to nothing for it.
  const unmatched = new Map<string, ReturnType<typeof observer>>();
  app.addHook('onResponse', (request, reply, done) => {
    if (!request.is404) return done();
    let hook = unmatched.get(request.method);
    if (!hook) unmatched.set(request.method, (hook = observer(request.method, 'unmatched')));
    hook(request, reply, done);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

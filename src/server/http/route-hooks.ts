import type { onSendHookHandler, preHandlerHookHandler, RouteOptions } from 'fastify';
import type { App } from './types';

type RouteHooks = { preHandler?: preHandlerHookHandler; onSend?: onSendHookHandler };

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Adds hooks to the routes that `matches` picks, when they are declared. A module that watches
 * another module's routes (sales guards the shared timeline) costs the other routes nothing:
 * an app-wide hook would run on every request. Call it before the watched routes are declared.
 */
export function hookRoutes(app: App, matches: (method: string, url: string) => boolean, hooks: RouteHooks) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = asList(route.method);
    if (!methods.some((m) => matches(m, route.url))) return;
    if (hooks.preHandler) route.preHandler = [...asList(route.preHandler), hooks.preHandler];
    if (hooks.onSend) route.onSend = [...asList(route.onSend), hooks.onSend];
  });
}

import type { ServerResponse } from 'node:http';
import type { LiveMessage } from '../../../contract/notifications';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import { type Ctx, requirePermission } from '../context';
import type { LiveHub } from './live-hub';

const HEARTBEAT_MS = 25_000;

/** What one caller may hear: the workspace's changes, and their own notifications. */
export function openLiveFeed(hub: LiveHub, ctx: Ctx, send: (m: LiveMessage) => void): () => void {
  requirePermission(ctx, 'records:read');
  return hub.subscribe(ctx.workspaceId, (m) => {
    if (m.type === 'notification' && m.userId !== ctx.userId) return;
    send(m);
  });
}

/**
 * GET /api/v1/stream: Server-Sent Events for open pages (`event: record.changed`,
 * `event: notification`). After a reconnect, refetch: missed events are not replayed.
 */
export function registerStreamRoute(app: App, hub: LiveHub) {
  const open = new Set<ServerResponse>();
  // Open streams would keep the server from closing.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/api/v1/stream', { schema: { tags: ['Live'], summary: 'Live updates as Server-Sent Events (record.changed, notification)', produces: ['text/event-stream'] } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const res = reply.raw;
    const write = (text: string) => {
      if (!res.writableEnded) res.write(text);
    };
    const unsubscribe = openLiveFeed(hub, ctx, (m) => write(`event: ${m.type}\ndata: ${JSON.stringify(m.data)}\n\n`));
    reply.hijack();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(req.id),
    });
    write('retry: 3000\n: connected\n\n');
    const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
    open.add(res);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
  });
}

import pg from 'pg';
import type { JobLogger } from '../jobs/job-definition';
import { LIVE_CHANNEL, type LiveHub } from './live-hub';

/**
 * One LISTEN connection per process on PostgreSQL, so a change made on another node reaches
 * this node's open streams. Reconnects after a second when the connection drops.
 */
export function startPgListener(hub: LiveHub, opts: { connectionString: string; log: JobLogger }) {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: opts.connectionString });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      c.end().catch(() => {});
      if (closed) return;
      opts.log.warn({ err }, 'live updates: lost the LISTEN connection; reconnecting');
      retry = setTimeout(() => void connect(), 1000);
    };
    c.on('notification', (msg) => {
      if (msg.channel === LIVE_CHANNEL && msg.payload) hub.receive(msg.payload);
    });
    c.on('error', lost);
    c.on('end', () => lost());
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${LIVE_CHANNEL}`);
      markReady();
    } catch (err) {
      lost(err as Error);
    }
  }

  void connect();
  return {
    /** Resolves once LISTEN is first in place (it keeps retrying until then). */
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

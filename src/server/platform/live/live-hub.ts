import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { LiveMessage } from '../../../contract/notifications';
import type { Database } from '../../db/database';
import type { ChangeFeed } from '../../db/scoped';
import type { JobLogger } from '../jobs/job-definition';
import { decodeLive, encodeLive } from './live-wire';

/** The PostgreSQL channel every node listens on. */
export const LIVE_CHANNEL = 'rapport_live';

type Listener = (message: LiveMessage) => void;

/**
 * Fans out what changed to the open streams of this process, and on PostgreSQL to the other
 * nodes through NOTIFY (see pg-listener.ts). Each node ignores its own notifications, having
 * delivered them already.
 */
export function createLiveHub(database: Database) {
  let log: JobLogger | null = null;
  const nodeId = randomUUID();
  const byWorkspace = new Map<string, Set<Listener>>();

  function deliver(messages: LiveMessage[]) {
    for (const m of messages) {
      for (const listener of byWorkspace.get(m.workspaceId) ?? []) {
        try {
          listener(m);
        } catch (err) {
          log?.warn({ err }, 'a live listener failed');
        }
      }
    }
  }

  function sendToOtherNodes(messages: LiveMessage[]) {
    for (const payload of encodeLive(nodeId, messages)) {
      sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`.execute(database.db).catch((err) => log?.warn({ err }, 'could not tell other nodes of a change'));
    }
  }

  // A job thread's hub hands what it publishes to the thread that serves the streams.
  let relay: ((messages: LiveMessage[]) => void) | null = null;

  function publish(messages: LiveMessage[]) {
    if (messages.length === 0) return;
    deliver(messages);
    relay?.(messages);
    if (database.dialect.name === 'postgres') sendToOtherNodes(messages);
  }

  /** Plugged into WorkspaceDb: every recorded event, after its commit. */
  const feed: ChangeFeed = (workspaceId, changes) =>
    publish(
      changes.map((c) => ({
        type: 'record.changed' as const,
        workspaceId,
        data: { objectType: c.objectType, id: c.objectId, action: c.action, actorId: c.actorId },
      })),
    );

  return {
    nodeId,
    feed,
    publish,

    /** Where failures to deliver are reported (the app's logger, once it exists). */
    useLogger(logger: JobLogger) {
      log = logger;
    },

    subscribe(workspaceId: string, listener: Listener): () => void {
      let set = byWorkspace.get(workspaceId);
      if (!set) byWorkspace.set(workspaceId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) byWorkspace.delete(workspaceId);
      };
    },

    /** Hands every message published here to `send` too (a job thread's hub, on SQLite). */
    relayTo(send: (messages: LiveMessage[]) => void) {
      relay = send;
    },

    /** Messages a job thread of this process published: delivered here, not sent on again. */
    deliverRelayed(messages: LiveMessage[]) {
      deliver(messages);
    },

    /** A NOTIFY payload from the channel. */
    receive(payload: string) {
      try {
        const { nodeId: from, messages } = decodeLive(payload);
        if (from !== nodeId) deliver(messages);
      } catch (err) {
        log?.warn({ err }, 'ignored a malformed live notification');
      }
    },
  };
}
export type LiveHub = ReturnType<typeof createLiveHub>;

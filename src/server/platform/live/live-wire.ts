import type { LiveMessage } from '../../../contract/notifications';

// NOTIFY payloads must stay under 8000 bytes.
export const MAX_PAYLOAD = 7500;

/** Changes that share all but the record id: one workspace, kind, action and actor. */
type ChangeGroup = [workspaceId: string, objectType: string, action: string, actorId: string | null, ids: string[]];
/** One NOTIFY payload: the sending node, other messages as they are, record changes grouped. */
type Wire = { n: string; m: LiveMessage[]; r: ChangeGroup[] };

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

/**
 * The NOTIFY payloads that carry `messages` to the other nodes. A bulk call changes a thousand
 * records of one kind at once: written as groups of ids, its changes fit in a handful of
 * notifications instead of one per ~35 messages. A message too large for any payload is dropped
 * (a notification's text is capped well below it).
 */
export function encodeLive(nodeId: string, messages: LiveMessage[], max = MAX_PAYLOAD): string[] {
  const groups = new Map<string, ChangeGroup>();
  const others: LiveMessage[] = [];
  for (const m of messages) {
    if (m.type !== 'record.changed') {
      others.push(m);
      continue;
    }
    const { objectType, action, actorId, id } = m.data;
    const key = JSON.stringify([m.workspaceId, objectType, action, actorId]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = [m.workspaceId, objectType, action, actorId ?? null, []]));
    group[4].push(id);
  }

  const payloads: string[] = [];
  const empty = bytes({ n: nodeId, m: [], r: [] });
  let wire: Wire = { n: nodeId, m: [], r: [] };
  let size = empty;
  const flush = () => {
    if (wire.m.length || wire.r.length) payloads.push(JSON.stringify(wire));
    wire = { n: nodeId, m: [], r: [] };
    size = empty;
  };
  for (const m of others) {
    const add = bytes(m) + 1;
    if (size + add > max) flush();
    if (size + add > max) continue;
    wire.m.push(m);
    size += add;
  }
  for (const [workspaceId, objectType, action, actorId, ids] of groups.values()) {
    const header = bytes([workspaceId, objectType, action, actorId, []]) + 1;
    let open: ChangeGroup | null = null;
    for (const id of ids) {
      const add = bytes(id) + 1;
      if (empty + header + add > max) continue;
      if (!open || size + add > max) {
        if (size + header + add > max) flush();
        open = [workspaceId, objectType, action, actorId, []];
        wire.r.push(open);
        size += header;
      }
      open[4].push(id);
      size += add;
    }
  }
  flush();
  return payloads;
}

/** The messages of a payload and the node that sent it; throws on a payload it cannot read. */
export function decodeLive(payload: string): { nodeId: string; messages: LiveMessage[] } {
  const wire = JSON.parse(payload) as Partial<Wire>;
  if (typeof wire.n !== 'string' || (wire.m !== undefined && !Array.isArray(wire.m)) || (wire.r !== undefined && !Array.isArray(wire.r))) {
    throw new Error('not a live payload');
  }
  const messages: LiveMessage[] = [...(wire.m ?? [])];
  for (const [workspaceId, objectType, action, actorId, ids] of wire.r ?? []) {
    for (const id of ids) messages.push({ type: 'record.changed', workspaceId, data: { objectType, id, action, actorId } });
  }
  return { nodeId: wire.n, messages };
}

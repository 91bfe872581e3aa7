import { describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../../contract/notifications';
import { decodeLive, encodeLive } from './live-wire';

const ws = '01900000-0000-7000-8000-0000000000aa';
const actor = '01900000-0000-7000-8000-0000000000bb';
const id = (i: number) => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;
const change = (i: number, over: Partial<{ objectType: string; action: string; actorId: string | null; workspaceId: string }> = {}): LiveMessage => ({
  type: 'record.changed',
  workspaceId: over.workspaceId ?? ws,
  data: { objectType: over.objectType ?? 'contacts', id: id(i), action: over.action ?? 'created', actorId: over.actorId === undefined ? actor : over.actorId },
});
const note = (text: string): LiveMessage => ({ type: 'notification', workspaceId: ws, userId: actor, data: { title: text } as any });

const roundTrip = (messages: LiveMessage[], max?: number) => encodeLive('node-1', messages, max).flatMap((p) => decodeLive(p).messages);
const sortKey = (m: LiveMessage) => JSON.stringify(m);

describe('live messages between nodes', () => {
  it('carries a thousand changes of one bulk call in a few payloads, each under the limit', () => {
    const messages = Array.from({ length: 1000 }, (_, i) => change(i));
    const payloads = encodeLive('node-1', messages);
    expect(payloads.length).toBeLessThanOrEqual(6);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(7500);
    expect(roundTrip(messages)).toEqual(messages);
  });

  it('keeps workspaces, kinds, actions and actors apart, and notifications as they are', () => {
    const messages = [
      change(1),
      change(2, { workspaceId: '01900000-0000-7000-8000-0000000000cc' }),
      change(3, { objectType: 'deals', action: 'updated' }),
      change(4, { actorId: null }),
      note('You were mentioned'),
      change(5),
    ];
    expect(roundTrip(messages).map(sortKey).sort()).toEqual(messages.map(sortKey).sort());
    expect(decodeLive(encodeLive('node-7', messages)[0]).nodeId).toBe('node-7');
  });

  it('splits groups across payloads at a small limit and drops only what fits in none', () => {
    const messages = [...Array.from({ length: 40 }, (_, i) => change(i, { action: i % 2 ? 'updated' : 'created' })), note('x'.repeat(900))];
    const payloads = encodeLive('node-1', messages, 600);
    expect(payloads.length).toBeGreaterThan(2);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(600);
    expect(roundTrip(messages, 600).map(sortKey).sort()).toEqual(messages.slice(0, 40).map(sortKey).sort());
  });

  it('refuses a payload that is not one', () => {
    expect(() => decodeLive('{"m":[]}')).toThrow();
    expect(() => decodeLive('nonsense')).toThrow();
    expect(encodeLive('node-1', [])).toEqual([]);
  });
});

import { expect } from 'vitest';
import { eventually } from './interactions';

export type SseEvent = { event: string; data: any };

/** Reads a live stream over real HTTP as a browser's EventSource would. */
export async function openStream(base: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/stream`, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: SseEvent[] = [];
  let buffer = '';
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    waitFor: (pred: (e: SseEvent) => boolean, what: string) => eventually(() => events.find(pred), 15_000, what),
    close: async () => {
      abort.abort();
      await pump;
    },
  };
}

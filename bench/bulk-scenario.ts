import { makeGenerator } from './generator';

/**
 * The product's bulk create over HTTP (POST /contacts/bulk, 1,000 per call), `lanes` callers at
 * once, timed from the first call to the last answer. The bodies are made before the clock starts.
 */
export async function bulkScenario(
  port: number,
  headers: Record<string, string>,
  opts: { calls: number; lanes: number; companyIds: string[]; ownerId: string },
): Promise<{ rows: number; rowsPerSecond: number; errors: number }> {
  const gen = makeGenerator(5150);
  const bodies = Array.from({ length: opts.calls }, (_, c) =>
    JSON.stringify({ items: Array.from({ length: 1000 }, (_, k) => gen.contact(30_000_000 + c * 1000 + k, opts.companyIds, opts.ownerId)) }),
  );
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const lane = async () => {
    for (let c = next++; c < bodies.length; c = next++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/contacts/bulk`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: bodies[c],
      });
      await res.arrayBuffer();
      if (res.status !== 201) errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.lanes }, lane));
  const rows = opts.calls * 1000;
  return { rows, rowsPerSecond: rows / ((performance.now() - started) / 1000), errors };
}

import { expect } from 'vitest';
import type { ManualClock } from '../../src/server/platform/clock';
import { expectStatus } from '../support/api';
import type { Client } from '../support/client';
import { type DialectName, createTestDatabase } from '../support/databases';
import { startNode } from '../support/interactions';

/** The real app on a fresh database, with a clock the test moves (stage durations, due dates). */
export async function startSales(dialect: DialectName, clock?: ManualClock) {
  const db = await createTestDatabase(dialect);
  const node = await startNode(db, { clock });
  return { ...node, db, close: async () => {
    await node.close();
    await db.drop();
  } };
}
export type SalesHarness = Awaited<ReturnType<typeof startSales>>;

export async function ok<T = any>(p: Promise<{ status: number; body: any }>, status = 200): Promise<T> {
  const res = await p;
  expectStatus(res as any, status);
  return res.body as T;
}

/** The default pipeline and its stages by name. */
export async function defaultPipeline(client: Client) {
  const list = await ok(client.get('/api/v1/pipelines'));
  const pipeline = list.data.find((p: any) => p.isDefault);
  expect(pipeline).toBeTruthy();
  const stage = (name: string) => pipeline.stages.find((s: any) => s.name === name).id as string;
  return { pipeline, stage };
}

export const createDeal = (client: Client, input: Record<string, unknown>) => ok(client.post('/api/v1/deals', input), 201);

/** PUT with a JSON body (the shared client has no shortcut for it). */
export const put = (client: Client, url: string, body: unknown) => client.request('PUT', url, body, { 'content-type': 'application/json' });

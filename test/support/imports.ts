import { expect } from 'vitest';
import { expectStatus } from './api';
import type { Client } from './client';
import { type Harness, createApiKey, signUp } from './harness';
import { memoryLog, testRunnerOptions } from './interactions';

/** What the import tests share: a workspace with an admin API key, and an upload run to its end through the job queue. */
export function importTools(harness: () => Harness) {
  const runJobs = () => harness().services.createJobRunner(memoryLog().log, testRunnerOptions).runDue();

  async function workspace() {
    const { client, workspaceId } = await signUp(harness().app);
    return { client, workspaceId, api: await createApiKey(client, 'admin') };
  }

  /** Uploads the file as is, runs the import job, and returns the import as the API shows it. */
  async function importAndRun(api: Client, body: Buffer | string, query: Record<string, string>, contentType = 'text/csv') {
    const res = await harness().app.inject({
      method: 'POST',
      url: `/api/v1/imports?${new URLSearchParams(query)}`,
      headers: { authorization: `Bearer ${(api as any).apiKey}`, 'content-type': contentType },
      payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    });
    expect(res.statusCode, res.body).toBe(202);
    await runJobs();
    const view = await api.get(`/api/v1/imports/${JSON.parse(res.body).id}`);
    expectStatus(view, 200);
    return view.body;
  }

  return { runJobs, workspace, importAndRun };
}

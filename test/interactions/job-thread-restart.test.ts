import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/server/db/database';
import { type JobThread, startJobThread } from '../../src/server/job-thread';
import { systemCtx } from '../../src/server/platform/context';
import { type Services, createServices } from '../../src/server/services';
import { type TestDatabase, testDialects } from '../support/databases';
import { createSharedTestDatabase, eventually, memoryLog } from '../support/interactions';

const threadDatabase = (env: Record<string, string>): DatabaseConfig =>
  env.RAPPORT_DB ? { sqlitePath: env.RAPPORT_DB } : { databaseUrl: env.DATABASE_URL, pgSchema: env.RAPPORT_PG_SCHEMA, poolSize: 2 };

describe.each(await testDialects())('a job thread that dies on %s', (dialect) => {
  let db: TestDatabase & { env: Record<string, string> };
  let services: Services;
  let thread: JobThread | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-restart-'));
  beforeAll(async () => {
    db = await createSharedTestDatabase(dialect);
    services = createServices(db.database);
  });
  afterAll(async () => {
    await thread?.stop();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.RAPPORT_TEST_CRASH_MARKER;
  });

  it('is started again, and the new thread runs the jobs enqueued after', async () => {
    const marker = path.join(dir, `crashed-${dialect}`);
    // Read by the thread's script from its copy of the environment, taken when it starts.
    process.env.RAPPORT_TEST_CRASH_MARKER = marker;
    const { log, lines } = memoryLog();
    thread = await startJobThread({
      database: threadDatabase(db.env),
      logLevel: 'silent',
      // Polling once a minute: only a wake-up reaching the new thread starts the job in time.
      options: { concurrency: 2, leaseMs: 30_000, pollMs: 60_000, graceMs: 2_000 },
      services,
      log,
      entry: new URL('../support/crashing-job-thread.mjs', import.meta.url),
    });
    await eventually(() => lines.some((l) => /stopped unexpectedly/.test(l.msg)), 10_000, 'the crash to be noticed');
    expect(fs.existsSync(marker)).toBe(true);
    expect(lines.find((l) => /stopped unexpectedly/.test(l.msg))?.code).toBe(3);

    const owner = await services.auth.createWorkspaceWithOwner({ email: `restart-${dialect}@example.com`, password: 'correct horse battery', name: 'Owner', workspaceName: 'Restart' });
    const ctx = systemCtx(owner.workspaceId);
    const importContacts = async (tag: string) => {
      const csv = ['Email,First Name', ...Array.from({ length: 50 }, (_, i) => `${tag}${i}@restart.example,R${i}`)].join('\n');
      const started = await services.imports.start(ctx, { objectType: 'contacts', content: Buffer.from(csv), fileName: `${tag}.csv` });
      return eventually(
        async () => {
          const view = await services.imports.get(ctx, started.id);
          return view.status === 'done' || view.status === 'failed' ? view : undefined;
        },
        20_000,
        `import ${tag} to finish in the restarted thread`,
      );
    };
    // Enqueued while the thread is down: the new thread finds it when it starts.
    expect(await importContacts('a')).toMatchObject({ status: 'done', created: 50 });
    // Enqueued once the new thread runs: the wake-up reaches it, not the dead one.
    expect(await importContacts('b')).toMatchObject({ status: 'done', created: 50 });
    expect(lines.filter((l) => /could not restart/.test(l.msg))).toEqual([]);

    await thread.stop();
    thread = undefined;
  });
});

import { randomBytes } from 'node:crypto';
import { buildApp } from '../../server/app';
import { loadRunnerOptions } from '../../server/platform/jobs/job-config';
import { databaseConfig } from '../../server/config';
import { startServerJobs } from '../../server/worker';
import type { Services } from '../../server/services';
import { openForCli, where } from '../context';
import { ensureWebBuild } from './web-build';
import { seedDemo } from './seed';

/** On an empty database, creates a demo workspace and prints its owner's credentials once. */
async function firstRun(services: Services, url: string) {
  const existing = await services.database.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const email = 'owner@demo.rapport.local';
  const password = randomBytes(9).toString('base64url');
  const { workspaceId, userId } = await services.auth.createWorkspaceWithOwner({ email, password, name: 'Demo Owner', workspaceName: 'Demo workspace' });
  console.log('First start: creating a demo workspace with sample data…');
  await seedDemo(services, workspaceId, { contacts: 500, companies: 100, ownerIds: [userId], progress: process.stdout.isTTY });
  console.log(
    [
      '',
      '  Demo workspace ready. Sign in with (shown only this once):',
      `    URL:      ${url}`,
      `    Email:    ${email}`,
      `    Password: ${password}`,
      '',
    ].join('\n'),
  );
}

export async function start(opts: { build: boolean }) {
  if (opts.build) await ensureWebBuild();
  const { config, database, services, applied } = await openForCli();
  if (applied.length) console.log(`Migrated ${where(config)}: ${applied.join(', ')}`);
  await firstRun(services, config.publicUrl);
  const { app, services: appServices } = await buildApp({ config, database });
  // Jobs run in a thread of this process unless RAPPORT_WORKER says otherwise (off: `rapport worker` runs them).
  const worker = await startServerJobs({ database: databaseConfig(config), logLevel: config.logLevel, services: appServices, log: app.log, options: loadRunnerOptions() });
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await worker?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  console.log(`Rapport is running at ${config.publicUrl} on ${where(config)} — API docs at ${config.publicUrl}/api/docs`);
}

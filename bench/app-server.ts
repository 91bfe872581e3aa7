// The product's server in its own process, as `rapport start` runs it (jobs in their thread), logs at warn.
import { buildApp } from '../src/server/app';
import { databaseConfig as configuredDatabase, loadConfig } from '../src/server/config';
import { migrateToLatest, openDatabase } from '../src/server/db/database';
import { loadRunnerOptions } from '../src/server/platform/jobs/job-config';
import { startServerJobs } from '../src/server/worker';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' }, { webRoot: '/nonexistent' });
const databaseConfig = { ...configuredDatabase(config), poolSize: 10 };
const database = openDatabase(databaseConfig);
// As `rapport start` does: a migration that landed after the data was loaded still applies.
await migrateToLatest(database.db);
const { app, services } = await buildApp({ config, database });
// A short grace on stop: the duplicate scan an import starts may still run when the scenarios end,
// and the run would otherwise wait the default 10 s for it before the next step.
const worker = await startServerJobs({ database: databaseConfig, logLevel: config.logLevel, services, log: app.log, options: { ...loadRunnerOptions(), graceMs: 1000 } });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
const stop = async () => {
  await worker?.stop();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

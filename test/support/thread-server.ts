// The real server as `rapport start` runs it: jobs in their own thread (RAPPORT_WORKER picks
// another mode). Opens the database from DATABASE_URL (+ RAPPORT_PG_SCHEMA) or RAPPORT_DB and
// prints "READY <port>". Usage: node --import tsx test/support/thread-server.ts
import pino from 'pino';
import { buildApp } from '../../src/server/app';
import { databaseConfig, loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { loadRunnerOptions } from '../../src/server/platform/jobs/job-config';
import { startServerJobs } from '../../src/server/worker';

const config = loadConfig(process.env, { webRoot: '/nonexistent' });
const opened = { ...databaseConfig(config), pgSchema: process.env.RAPPORT_PG_SCHEMA, poolSize: 5 };
const database = openDatabase(opened);
const { app, services } = await buildApp({ config, database, logger: false });
const jobs = await startServerJobs({ database: opened, logLevel: config.logLevel, services, log: pino({ level: config.logLevel }), options: loadRunnerOptions(process.env) });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
process.once('SIGTERM', async () => {
  await jobs?.stop();
  await app.close();
  await database.close();
  process.stdout.write('STOPPED\n');
  process.exit(0);
});

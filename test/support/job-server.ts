// The real server with its in-process job runner, in its own process, for crash tests.
// Opens the database from the environment: DATABASE_URL (+ RAPPORT_PG_SCHEMA) or RAPPORT_DB.
// Usage: node --import tsx test/support/job-server.ts
import pino from 'pino';
import { buildApp } from '../../src/server/app';
import { databaseConfig, loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { loadRunnerOptions } from '../../src/server/platform/jobs/job-config';
import { startJobWorker } from '../../src/server/worker';
import { crashTestJobs } from './job-fixtures';

const config = loadConfig(process.env, { webRoot: '/nonexistent' });
const database = openDatabase({ ...databaseConfig(config), pgSchema: process.env.RAPPORT_PG_SCHEMA, poolSize: 5 });
const { app, services } = await buildApp({ config, database, logger: false });
const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
const worker = await startJobWorker(services, log, loadRunnerOptions(process.env), crashTestJobs(database));
const stop = async () => {
  await worker.stop();
  await app.close();
  await database.close();
  process.exit(0);
};
// Before READY: the test may signal the moment it reads it.
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : ''}\n`);

// The real server with its in-process job runner, in its own process, for the import crash test.
// Opens the database from the environment: DATABASE_URL (+ RAPPORT_PG_SCHEMA) or RAPPORT_DB.
// Usage: node --import tsx test/support/import-server.ts
import pino from 'pino';
import { buildApp } from '../../src/server/app';
import { databaseConfig, loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { loadRunnerOptions } from '../../src/server/platform/jobs/job-config';
import { startJobWorker } from '../../src/server/worker';

const config = loadConfig(process.env, { webRoot: '/nonexistent' });
const database = openDatabase({ ...databaseConfig(config), pgSchema: process.env.RAPPORT_PG_SCHEMA, poolSize: 5 });
const { app, services } = await buildApp({ config, database, logger: false });
await startJobWorker(services, pino({ level: 'warn' }, pino.destination(2)), loadRunnerOptions(process.env));
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write('READY\n');

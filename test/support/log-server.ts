// Runs the app on a real port with logging on, for tests that read what it logs.
// Usage: node --import tsx test/support/log-server.ts <sqlite|postgres>
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { type DialectName, createTestDatabase } from './databases';

const dialect = (process.argv[2] ?? 'sqlite') as DialectName;
const db = await createTestDatabase(dialect);
const config = loadConfig(process.env, { webRoot: '/nonexistent' });
const { app } = await buildApp({ config, database: db.database, signInLimit: 1000 });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stderr.write(`READY ${typeof address === 'object' && address ? address.port : ''}\n`);

const stop = async () => {
  await app.close();
  await db.drop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// The body of the job thread started by job-thread.ts: its own connection, services and runner.
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { openDatabase } from './db/database';
import type { FromJobThread, JobThreadData, ToJobThread } from './job-thread';
import { createServices } from './services';

const { database: databaseConfig, logLevel, options } = workerData as JobThreadData;
const port = parentPort!;
const send = (m: FromJobThread) => port.postMessage(m);
const log = pino({ level: logLevel, base: { role: 'jobs' } });
const database = openDatabase(databaseConfig);
const services = createServices(database);
services.live.useLogger(log);
// On PostgreSQL the hub sends by NOTIFY, which the request thread hears like any other node.
if (database.dialect.name === 'sqlite') services.live.relayTo((messages) => send({ type: 'live', messages }));
const runner = services.createJobRunner(log, options);

port.on('message', (m: ToJobThread) => {
  if (m.type === 'wake') services.queue.wake();
  else if (m.type === 'stop') {
    void runner
      .stop()
      .then(() => database.close())
      .catch((err) => log.error({ err }, 'the job thread did not stop cleanly'))
      .finally(() => port.close());
  }
});
await runner.start();
send({ type: 'ready' });

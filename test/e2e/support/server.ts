import net from 'node:net';
import path from 'node:path';
import { ensureWebBuild } from '../../../src/cli/commands/web-build';
import { buildApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/server/config';
import type { App } from '../../../src/server/http/types';
import type { Services } from '../../../src/server/services';
import { type TestDatabase, createTestDatabase } from '../../support/databases';

export type RunningServer = { url: string; app: App; services: Services; close(): Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The real thing: the built web app served by the real server on a fresh SQLite file, listening
 * on a real port. Builds the web app first when dist/web is missing or older than its sources.
 */
export async function startServer(): Promise<RunningServer> {
  await ensureWebBuild(process.cwd());
  const db: TestDatabase = await createTestDatabase('sqlite');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({}, { webRoot: path.resolve('dist/web'), logLevel: 'silent', publicUrl: url, port, host: '127.0.0.1' });
  const { app, services } = await buildApp({ config, database: db.database, logger: false, signInLimit: 1000 });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    services,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Signs up through the API, as a person who already has an account would have done. */
export async function createAccount(url: string, who: { name: string; email: string; password: string; workspaceName: string }) {
  const res = await fetch(`${url}/api/v1/auth/sign-up`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('rapport_csrf='))!.split('=')[1];
  const post = async (p: string, body: unknown) => {
    const r = await fetch(`${url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${p} failed: ${r.status} ${await r.text()}`);
    return r.json();
  };
  return { post };
}

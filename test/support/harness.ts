import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { App } from '../../src/server/http/types';
import type { Services } from '../../src/server/services';
import { Client } from './client';
import { type DialectName, type TestDatabase, createTestDatabase } from './databases';

export type Harness = { app: App; services: Services; db: TestDatabase; close(): Promise<void> };

export async function startHarness(dialect: DialectName, opts: { signInLimit?: number } = {}): Promise<Harness> {
  const db = await createTestDatabase(dialect);
  const config = loadConfig({}, { webRoot: '/nonexistent', logLevel: 'silent' });
  const { app, services } = await buildApp({ config, database: db.database, logger: false, signInLimit: opts.signInLimit ?? 1000 });
  await app.ready();
  return {
    app,
    services,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

let counter = 0;
/** Signs up a fresh account with its own workspace and returns a signed-in client. */
export async function signUp(app: App, opts: { email?: string; workspaceName?: string; name?: string } = {}) {
  counter++;
  const client = new Client(app);
  const email = opts.email ?? `owner${counter}-${Date.now()}@example.com`;
  const res = await client.post('/api/v1/auth/sign-up', {
    email,
    password: 'correct horse battery',
    name: opts.name ?? `Owner ${counter}`,
    workspaceName: opts.workspaceName ?? `Workspace ${counter}`,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, email, userId: res.body.user.id as string, workspaceId: res.body.workspace.id as string };
}

/** Invites `email` with `role` into the owner's workspace and returns the new member's client. */
export async function addMember(app: App, owner: Client, role: string, email = `m${++counter}-${Date.now()}@example.com`) {
  const inv = await owner.post('/api/v1/invitations', { email, role });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
  const client = new Client(app);
  const res = await client.post('/api/v1/auth/accept-invitation', { token: inv.body.token, name: `Member ${role}`, password: 'another good password' });
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, userId: res.body.user.id as string, email };
}

export async function createApiKey(owner: Client, role: string) {
  const res = await owner.post('/api/v1/api-keys', { name: `${role} key`, role });
  if (res.status !== 201) throw new Error(`api key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return owner.withKey(res.body.secret as string);
}

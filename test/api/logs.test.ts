import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/databases';

/**
 * Secrets in logs leak to whoever reads them: run the real server with the most verbose logging
 * and check that no password, session token, CSRF token or API key ever reaches its output.
 */
describe.each(await testDialects())('what the server logs on %s', (dialect) => {
  let child: ChildProcess;
  let output = '';
  let base = '';
  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'test/support/log-server.ts', dialect], {
      env: { ...process.env, LOG_LEVEL: 'trace' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const port = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /READY (\d+)/.exec(output);
        if (m) resolve(m[1]);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('never logs passwords, session tokens, CSRF tokens or API keys', async () => {
    const password = 'Sw0rdfish-in-the-logs?';
    const wrong = 'Wr0ng-guess-in-the-logs';
    const invitee = 'Inv1tee-secret-password';
    const email = `logs-${Date.now()}@example.com`;
    const json = { 'content-type': 'application/json' };
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(base + path, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });

    const up = await post('/api/v1/auth/sign-up', { email, password, name: 'Logs', workspaceName: 'Logs' });
    expect(up.status).toBe(201);
    const setCookie = up.headers.getSetCookie();
    const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const session = setCookie.find((c) => c.startsWith('rapport_session='))!.split(';')[0].split('=')[1];
    const csrf = ((await up.json()) as { csrfToken: string }).csrfToken;

    expect((await post('/api/v1/auth/sign-in', { email, password: wrong })).status).toBe(401);
    expect((await post('/api/v1/auth/sign-in', { email, password })).status).toBe(200);
    // A body that fails validation still carries the password.
    expect((await post('/api/v1/auth/sign-up', { email: 'not-an-email', password, name: 'X', workspaceName: 'X' })).status).toBe(400);
    expect((await post('/api/v1/auth/sign-in', { email, password, extra: password })).status).toBe(400);

    const key = await post('/api/v1/api-keys', { name: 'logs', role: 'member' }, { cookie, 'x-csrf-token': csrf });
    expect(key.status).toBe(201);
    const secret = ((await key.json()) as { secret: string }).secret;
    expect((await fetch(`${base}/api/v1/contacts`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    // A CSRF failure echoes nothing of what was sent.
    expect((await post('/api/v1/contacts', { firstName: 'x' }, { cookie, 'x-csrf-token': `${csrf}x` })).status).toBe(403);

    const inv = await post('/api/v1/invitations', { email: `invitee-${Date.now()}@example.com`, role: 'member' }, { cookie, 'x-csrf-token': csrf });
    const { token } = (await inv.json()) as { token: string };
    expect((await post('/api/v1/auth/accept-invitation', { token, name: 'Invitee', password: invitee })).status).toBe(200);

    // Stop the server so everything it logged has been written out.
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(output).toContain('request completed');
    expect(output).toContain('/api/v1/auth/sign-in');
    for (const s of [password, wrong, invitee, session, csrf, secret, token]) {
      expect(output.includes(s), `the log contains ${s.slice(0, 6)}…`).toBe(false);
    }
  });
});

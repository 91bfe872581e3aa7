import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus } from '../support/api';
import { Client } from '../support/client';
import { testDialects } from '../support/databases';
import { type Harness, signUp, startHarness } from '../support/harness';

describe.each(await testDialects())('health, metrics and the API description on %s', (dialect) => {
  let h: Harness;
  let anon: Client;
  beforeAll(async () => {
    h = await startHarness(dialect);
    anon = new Client(h.app);
  });
  afterAll(async () => h?.close());

  it('answers health and readiness without credentials', async () => {
    const health = await anon.get('/healthz');
    expectStatus(health, 200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await anon.get('/readyz');
    expectStatus(ready, 200);
    expect(ready.body).toEqual({ status: 'ready', database: dialect });
    expect(health.headers['x-request-id']).toEqual(expect.any(String));
    // A sane request id from the caller is kept, for tracing across services.
    expect((await anon.get('/healthz', { 'x-request-id': 'trace-123' })).headers['x-request-id']).toBe('trace-123');
    expect((await anon.get('/healthz', { 'x-request-id': 'bad id with spaces' })).headers['x-request-id']).not.toBe('bad id with spaces');
    // Errors carry it too: that is when someone needs to find the request in the logs.
    const refused = await anon.get('/api/v1/contacts', { 'x-request-id': 'trace-401' });
    expectStatus(refused, 401);
    expect(refused.headers['x-request-id']).toBe('trace-401');
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    const { client } = await signUp(h.app);
    await client.get('/api/v1/contacts');
    await client.get('/api/v1/contacts/01900000-0000-7000-8000-000000000000');
    await anon.get('/api/v1/no-such-route');
    const res = await anon.get('/metrics');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    const text = String(res.body);
    expect(text).toContain('# TYPE rapport_http_request_duration_seconds histogram');
    expect(text).toMatch(/rapport_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/contacts",status="200"\} [1-9]/);
    expect(text).toMatch(/rapport_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/contacts\/:id",status="404"\} [1-9]/);
    // Paths no route matches share one series rather than each getting its own.
    expect(text).toMatch(/rapport_http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} [1-9]/);
    expect(text).not.toContain('no-such-route');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('describes the API as OpenAPI 3.1 with every endpoint and the shared schemas', async () => {
    const res = await anon.get('/api/openapi.json');
    expectStatus(res, 200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKey', 'session']);
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const expected = [
      'POST /api/v1/auth/sign-up',
      'POST /api/v1/auth/sign-in',
      'POST /api/v1/auth/sign-out',
      'GET /api/v1/auth/session',
      'POST /api/v1/auth/switch-workspace',
      'POST /api/v1/auth/accept-invitation',
      'GET /api/v1/workspace',
      'PATCH /api/v1/workspace',
      'GET /api/v1/members',
      'PATCH /api/v1/members/{id}',
      'DELETE /api/v1/members/{id}',
      'GET /api/v1/invitations',
      'POST /api/v1/invitations',
      'DELETE /api/v1/invitations/{id}',
      'GET /api/v1/api-keys',
      'POST /api/v1/api-keys',
      'DELETE /api/v1/api-keys/{id}',
      'GET /api/v1/custom-fields',
      'POST /api/v1/custom-fields',
      'PATCH /api/v1/custom-fields/{id}',
      'DELETE /api/v1/custom-fields/{id}',
      'GET /api/v1/views',
      'POST /api/v1/views',
      'GET /api/v1/views/{id}',
      'PATCH /api/v1/views/{id}',
      'DELETE /api/v1/views/{id}',
      'GET /api/v1/audit',
      'GET /api/v1/search',
    ];
    for (const object of ['contacts', 'companies']) {
      expected.push(
        `GET /api/v1/${object}`,
        `POST /api/v1/${object}`,
        `POST /api/v1/${object}/query`,
        `GET /api/v1/${object}/fields`,
        `GET /api/v1/${object}/{id}`,
        `PATCH /api/v1/${object}/{id}`,
        `DELETE /api/v1/${object}/{id}`,
        `POST /api/v1/${object}/{id}/restore`,
        `POST /api/v1/${object}/bulk`,
        `PATCH /api/v1/${object}/bulk`,
        `POST /api/v1/${object}/bulk-delete`,
        `POST /api/v1/${object}/bulk-restore`,
      );
    }
    expect(ops).toEqual(expect.arrayContaining(expected));
    // Operational endpoints are not part of the API description.
    expect(ops.some((o) => o.includes('healthz') || o.includes('metrics') || o.includes('openapi'))).toBe(false);

    const createContact = doc.paths['/api/v1/contacts'].post;
    const body = createContact.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['firstName', 'emails', 'custom']));
    expect(createContact.responses['201']).toBeDefined();
    expect(createContact.responses['409']).toBeDefined();
    expect(doc.paths['/api/v1/contacts/{id}'].patch.responses['412']).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/v1/contacts/query'])).toContain('Filter');
    expect(doc.components.schemas.Filter).toBeDefined();
  });

  it('serves the API reference page', async () => {
    const res = await anon.get('/api/docs');
    expect([200, 302]).toContain(res.status);
  });

  it('reads and renames the workspace', async () => {
    const { client } = await signUp(h.app, { workspaceName: 'Before' });
    const ws = await client.get('/api/v1/workspace');
    expectStatus(ws, 200);
    expect(ws.body).toMatchObject({ name: 'Before', slug: expect.any(String) });
    const renamed = await client.patch('/api/v1/workspace', { name: '  After  ' });
    expectStatus(renamed, 200);
    expect(renamed.body).toMatchObject({ id: ws.body.id, name: 'After', slug: ws.body.slug });
    expect((await client.get('/api/v1/auth/session')).body.workspace.name).toBe('After');
    expectProblem(await anon.patch('/api/v1/workspace', { name: 'Anon' }), 401, 'unauthenticated');
  });
});

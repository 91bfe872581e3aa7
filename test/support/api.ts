import { expect } from 'vitest';
import type { Client, Res } from './client';

/** Asserts an RFC 9457 problem with a stable code (and the offending field when given). */
export function expectProblem(res: Res, status: number, code: string, field?: string) {
  const context = JSON.stringify(res.body);
  expect(res.status, context).toBe(status);
  expect(String(res.headers['content-type']), context).toContain('application/problem+json');
  expect(res.body.code, context).toBe(code);
  expect(res.body.status, context).toBe(status);
  if (field !== undefined) expect(res.body.field, context).toBe(field);
}

/** Asserts a 2xx status, printing the body when it is not the expected one. */
export function expectStatus(res: Res, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
}

export const filterParam = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));

/** The `total` of a list with `count=true` (the rows the caller can see, trash excluded unless asked). */
export async function countOf(client: Client, object: 'contacts' | 'companies', opts: { trash?: boolean; filter?: unknown } = {}) {
  const params = ['count=true', 'limit=1'];
  if (opts.trash) params.push('trash=true');
  if (opts.filter) params.push(`filter=${filterParam(opts.filter)}`);
  const res = await client.get(`/api/v1/${object}?${params.join('&')}`);
  expectStatus(res, 200);
  return res.body.total as number;
}

/** Every page of a list, following `nextCursor`; fails if the walk does not end. */
export async function listAll<T = any>(
  client: Client,
  object: 'contacts' | 'companies',
  body: { filter?: unknown; sort?: { field: string; direction: 'asc' | 'desc' }[]; limit?: number; trash?: boolean } = {},
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const res = await client.post(`/api/v1/${object}/query`, { ...body, ...(cursor ? { cursor } : {}) });
    expectStatus(res, 200);
    out.push(...res.body.data);
    if (!res.body.nextCursor) return out;
    cursor = res.body.nextCursor;
  }
  throw new Error('pagination did not end');
}

/** Every audit event visible to the client (newest first), optionally filtered. */
export async function auditEvents(client: Client, query: Record<string, string> = {}): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const qs = new URLSearchParams({ ...query, limit: '500', ...(cursor ? { cursor } : {}) });
    const res = await client.get(`/api/v1/audit?${qs}`);
    expectStatus(res, 200);
    out.push(...res.body.data);
    if (!res.body.nextCursor) return out;
    cursor = res.body.nextCursor;
  }
  throw new Error('audit pagination did not end');
}

/** Creates a contact and returns it, failing loudly otherwise. */
export async function createContact(client: Client, input: Record<string, unknown>) {
  const res = await client.post('/api/v1/contacts', input);
  expectStatus(res, 201);
  return res.body;
}

export async function createCompany(client: Client, input: Record<string, unknown>) {
  const res = await client.post('/api/v1/companies', input);
  expectStatus(res, 201);
  return res.body;
}

export async function createField(client: Client, input: Record<string, unknown>) {
  const res = await client.post('/api/v1/custom-fields', input);
  expectStatus(res, 201);
  return res.body;
}

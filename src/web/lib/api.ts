import type { FieldError, Problem } from '../../contract/errors';

/** An error the API answered with (application/problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly field: string | undefined;
  readonly errors: FieldError[];
  readonly existingId: string | undefined;
  constructor(status: number, problem: Partial<Problem>) {
    const detail = problem.detail ?? problem.title ?? `Request failed (${status})`;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? 'unknown';
    this.detail = detail;
    this.field = problem.field;
    this.errors = problem.errors ?? [];
    this.existingId = problem.existingId;
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

let sessionCsrf: string | null = null;
/** The session's CSRF token, remembered from GET /auth/session when the cookie cannot be read. */
export function rememberCsrf(token: string | null) {
  sessionCsrf = token;
}

function csrfToken(): string | null {
  const match = /(?:^|;\s*)rapport_csrf=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : sessionCsrf;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RequestOptions = { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal };

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'network', detail: 'Cannot reach the server; check your connection and try again' });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const problem = body && typeof body === 'object' ? (body as Partial<Problem>) : { detail: `The server answered ${res.status}` };
    throw new ApiError(res.status, problem);
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/** `{a: 1, b: undefined}` → `?a=1`. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

import type { App } from '../../src/server/http/types';

type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
export type Res<T = any> = { status: number; body: T; headers: Record<string, unknown> };

/**
 * Speaks to the app as a browser does (session cookie + CSRF header) or as an integration does
 * (an API key), through Fastify's inject.
 */
export class Client {
  private cookies = new Map<string, string>();
  csrf: string | null = null;
  constructor(
    readonly app: App,
    private readonly apiKey: string | null = null,
  ) {}

  /** A cookie the client holds, e.g. the session token to replay after signing out. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  withKey(secret: string) {
    return new Client(this.app, secret);
  }

  async request<T = any>(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.apiKey) h.authorization = `Bearer ${this.apiKey}`;
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers['set-cookie'] as string | string[] | undefined;
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      if (v === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, v);
      if (k === 'rapport_csrf') this.csrf = v || null;
    }
    const text = res.body;
    let parsed: unknown = text;
    if (String(res.headers['content-type'] ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, { 'content-type': 'application/json', ...headers });
  }
  patch<T = any>(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, { 'content-type': 'application/json', ...headers });
  }
  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
}

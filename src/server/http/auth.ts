import type {} from './types';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { KeyAuth, SessionAuth } from '../platform/auth/auth.service';
import type { Ctx } from '../platform/context';
import { AppError } from '../platform/errors';
import type { Services } from '../services';

export const SESSION_COOKIE = 'rapport_session';
export const CSRF_COOKIE = 'rapport_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const NO_COOKIES: Record<string, string | undefined> = Object.freeze({});

declare module 'fastify' {
  interface FastifyRequest {
    auth: SessionAuth | KeyAuth | null;
    sessionToken: string | null;
  }
}

/**
 * Resolves the caller from an API key (Authorization: Bearer) or the session cookie. Cookie
 * sessions must echo their CSRF token in `x-csrf-token` on every change.
 */
export function installAuth(app: FastifyInstance, services: Services) {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionToken', null);
  // One callback hook for every request: it echoes the request id, and with the credentials
  // cached (the usual case) it resolves the caller without a promise. Cookies are parsed here,
  // only when there are some (the cookie plugin's own hook is off): API-key calls skip them.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    const cookieHeader = request.headers.cookie;
    request.cookies = cookieHeader ? app.parseCookie(cookieHeader) : NO_COOKIES;
    if (!request.url.startsWith('/api/')) return done();
    const header = request.headers.authorization;
    if (header) {
      const [scheme, secret] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !secret) return done(new AppError('unauthenticated', 'Authorization: use "Bearer <api key>"'));
      const cached = services.auth.cachedApiKey(secret);
      if (cached !== undefined) return done(acceptKey(request, cached));
      services.auth.resolveApiKey(secret).then((auth) => done(acceptKey(request, auth)), done);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return done();
    const cached = services.auth.cachedSession(token);
    if (cached !== undefined) return done(acceptSession(request, token, cached));
    services.auth.resolveSession(token).then((auth) => done(acceptSession(request, token, auth)), done);
  });
}

function acceptKey(request: FastifyRequest, auth: KeyAuth | null): AppError | undefined {
  if (!auth) return new AppError('unauthenticated', 'This API key is unknown or revoked');
  request.auth = auth;
  return undefined;
}

function acceptSession(request: FastifyRequest, token: string, auth: SessionAuth | null): AppError | undefined {
  if (!auth) return undefined;
  request.auth = auth;
  request.sessionToken = token;
  if (!SAFE.has(request.method) && request.headers['x-csrf-token'] !== auth.csrfToken) {
    return new AppError('csrf_failed', 'x-csrf-token: missing or wrong; reload the page', { field: 'x-csrf-token' });
  }
  return undefined;
}

/** The caller's context for a workspace route: 401 without credentials, 403 without a workspace. */
export function ctxOf(request: FastifyRequest): Ctx {
  const auth = request.auth;
  if (!auth) throw new AppError('unauthenticated', 'Sign in or send an API key');
  if (auth.kind === 'api_key') {
    return { workspaceId: auth.workspaceId, role: auth.role, actor: { type: 'api_key', id: auth.keyId }, userId: null };
  }
  if (!auth.workspaceId || !auth.role) throw new AppError('forbidden', 'You are not a member of any workspace; accept an invitation or create one');
  return { workspaceId: auth.workspaceId, role: auth.role, actor: { type: 'user', id: auth.userId }, userId: auth.userId };
}

export function sessionOf(request: FastifyRequest): SessionAuth {
  if (request.auth?.kind !== 'session') throw new AppError('unauthenticated', 'Sign in first');
  return request.auth;
}

export function setSessionCookies(reply: FastifyReply, session: { token: string; csrfToken: string }, secure: boolean) {
  const base = { path: '/', sameSite: 'lax' as const, secure, maxAge: 30 * 86_400 };
  reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

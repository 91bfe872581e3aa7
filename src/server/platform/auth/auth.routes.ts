import rateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import { AcceptInvitation, SessionInfo, SignIn, SignUp, SwitchWorkspace, Workspace, WorkspaceUpdate } from '../../../contract/auth';
import { Problem } from '../../../contract/errors';
import { clearSessionCookies, ctxOf, sessionOf, setSessionCookies } from '../../http/auth';
import type { App } from '../../http/types';
import type { Services } from '../../services';

const tags = ['Auth'];

export async function registerAuthRoutes(app: App, services: Services, opts: { secureCookies: boolean; signInLimit: number }) {
  const { auth } = services;

  // Sign-in, sign-up and invitation acceptance are where passwords are guessed: limited per
  // address and email. Registered in its own scope so it covers only these routes.
  await app.register(async (scope) => {
    await scope.register(rateLimit, {
      max: opts.signInLimit,
      timeWindow: '15 minutes',
      hook: 'preHandler',
      keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`,
    });
    const s = scope as unknown as App;
    s.post('/api/v1/auth/sign-up', { schema: { tags, summary: 'Create an account and its first workspace', body: SignUp, response: { 201: SessionInfo, 400: Problem, 409: Problem } } }, async (req, reply) => {
      const session = await auth.signUp(req.body);
      setSessionCookies(reply, session, opts.secureCookies);
      const info = await auth.sessionInfo((await auth.resolveSession(session.token))!);
      return reply.status(201).send(info);
    });
    s.post('/api/v1/auth/sign-in', { schema: { tags, summary: 'Sign in with email and password', body: SignIn, response: { 200: SessionInfo, 401: Problem, 429: Problem } } }, async (req, reply) => {
      const session = await auth.signIn(req.body);
      setSessionCookies(reply, session, opts.secureCookies);
      return auth.sessionInfo((await auth.resolveSession(session.token))!);
    });
    s.post('/api/v1/auth/accept-invitation', { schema: { tags, summary: 'Join a workspace with an invitation token', body: AcceptInvitation, response: { 200: SessionInfo, 400: Problem, 401: Problem, 404: Problem } } }, async (req, reply) => {
      const session = await services.members.accept(req.body);
      setSessionCookies(reply, session, opts.secureCookies);
      return auth.sessionInfo((await auth.resolveSession(session.token))!);
    });
  });

  app.post('/api/v1/auth/sign-out', { schema: { tags, summary: 'End this session', response: { 204: Type.Null() } } }, async (req, reply) => {
    if (req.auth?.kind === 'session' && req.sessionToken) await auth.signOut(req.auth, req.sessionToken);
    clearSessionCookies(reply);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/auth/session', { schema: { tags, summary: 'Who is signed in, and where', response: { 200: SessionInfo, 401: Problem } } }, async (req) =>
    auth.sessionInfo(sessionOf(req)),
  );

  app.post('/api/v1/auth/switch-workspace', { schema: { tags, summary: 'Work in another of your workspaces', body: SwitchWorkspace, response: { 200: SessionInfo, 404: Problem } } }, async (req) => {
    const session = sessionOf(req);
    await auth.switchWorkspace(session, req.body.workspaceId);
    return auth.sessionInfo((await auth.resolveSession(req.sessionToken!))!);
  });

  app.get('/api/v1/workspace', { schema: { tags: ['Workspace'], summary: 'The current workspace', response: { 200: Workspace } } }, async (req) => auth.getWorkspace(ctxOf(req)));
  app.patch('/api/v1/workspace', { schema: { tags: ['Workspace'], summary: 'Rename the workspace', body: WorkspaceUpdate, response: { 200: Workspace, 403: Problem } } }, async (req) =>
    auth.renameWorkspace(ctxOf(req), req.body.name),
  );
}

import type { SessionInfo, SignIn, SignUp, WorkspaceSummary } from '../../../contract/auth';
import type { Role } from '../../../contract/roles';
import type { Database } from '../../db/database';
import { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../context';
import { AppError, notFound } from '../errors';
import { isId, newId, nowIso } from '../ids';
import { normalizeEmail } from '../normalize';
import * as repo from './auth.repository';
import { DUMMY_HASH, hashPassword, hashToken, randomToken, verifyPassword } from './secrets';
import { TtlCache } from './ttl-cache';

const SESSION_DAYS = 30;
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export type SessionAuth = { kind: 'session'; sessionId: string; userId: string; workspaceId: string | null; role: Role | null; csrfToken: string };
export type KeyAuth = { kind: 'api_key'; keyId: string; workspaceId: string; role: Role };

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'workspace';

export function createAuthService(database: Database) {
  const { db } = database;
  // Every request resolves its credentials; a short cache spares the database that read (and the
  // auth hook answers cached ones without a promise). Revocation, sign-out and role changes clear
  // this process's entries at once; other processes see them within the 5 s TTL, which is why it
  // must stay that short.
  const sessionCache = new TtlCache<string, SessionAuth | null>(5_000, 10_000);
  const keyCache = new TtlCache<string, KeyAuth | null>(5_000, 10_000);

  async function uniqueSlug(name: string): Promise<string> {
    const base = slugify(name);
    let slug = base;
    for (let i = 2; await repo.slugTaken(db, slug); i++) slug = `${base}-${i}`;
    return slug;
  }

  async function newSession(userId: string, workspaceId: string | null) {
    const token = randomToken();
    const at = nowIso();
    const row = {
      id: newId(),
      token_hash: hashToken(token),
      user_id: userId,
      workspace_id: workspaceId,
      csrf_token: randomToken(24),
      created_at: at,
      expires_at: addDays(SESSION_DAYS),
      last_seen_at: at,
    };
    await repo.insertSession(db, row);
    return { token, csrfToken: row.csrf_token };
  }

  const service = {
    /** Creates a user (or reuses one, verifying the password), a workspace, and the owner membership. */
    async createWorkspaceWithOwner(input: { email: string; password: string; name: string; workspaceName: string }) {
      const email = normalizeEmail(input.email);
      const existing = await repo.findUserByEmail(db, email);
      if (existing && !(await verifyPassword(input.password, existing.password_hash))) {
        throw new AppError('conflict', 'email: an account with this email exists; sign in to create another workspace', { field: 'email' });
      }
      const passwordHash = existing ? null : await hashPassword(input.password);
      const slug = await uniqueSlug(input.workspaceName);
      const at = nowIso();
      const userId = existing?.id ?? newId();
      const workspaceId = newId();
      await db.transaction().execute(async (trx) => {
        if (!existing) {
          await repo.insertUser(trx, { id: userId, email, name: input.name.trim(), password_hash: passwordHash, created_at: at, updated_at: at });
        }
        await repo.insertWorkspace(trx, { id: workspaceId, name: input.workspaceName.trim(), slug, created_at: at, updated_at: at });
        await repo.insertMembership(new WorkspaceDb(trx, workspaceId, database.dialect), userId, 'owner', at);
      });
      return { userId, workspaceId, slug };
    },

    async signUp(input: SignUp) {
      const { userId, workspaceId } = await service.createWorkspaceWithOwner(input);
      return newSession(userId, workspaceId);
    },

    async signIn(input: SignIn) {
      const user = await repo.findUserByEmail(db, normalizeEmail(input.email));
      const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok) throw new AppError('invalid_credentials', 'Email or password is wrong');
      const workspaces = await repo.workspacesOfUser(db, user.id);
      let workspaceId = workspaces[0]?.id ?? null;
      if (input.workspaceId) {
        if (!workspaces.some((w) => w.id === input.workspaceId)) throw new AppError('forbidden', 'workspaceId: you are not a member', { field: 'workspaceId' });
        workspaceId = input.workspaceId;
      }
      return newSession(user.id, workspaceId);
    },

    async signOut(auth: SessionAuth, token: string) {
      await repo.deleteSession(db, auth.sessionId);
      sessionCache.delete(hashToken(token));
    },

    /** The cached answer for a session token, or undefined when `resolveSession` must ask the database. */
    cachedSession(token: string): SessionAuth | null | undefined {
      return sessionCache.get(hashToken(token));
    },

    async resolveSession(token: string): Promise<SessionAuth | null> {
      const tokenHash = hashToken(token);
      const cached = sessionCache.get(tokenHash);
      if (cached !== undefined) return cached;
      const version = sessionCache.version();
      const s = await repo.findSessionByHash(db, tokenHash);
      let auth: SessionAuth | null = null;
      if (s && s.expires_at > nowIso()) {
        const role = s.workspace_id ? ((await repo.membershipRole(db, s.workspace_id, s.user_id)) ?? null) : null;
        auth = { kind: 'session', sessionId: s.id, userId: s.user_id, workspaceId: role ? s.workspace_id : null, role, csrfToken: s.csrf_token };
        // Sliding expiry, written at most once an hour per session.
        if (Date.parse(s.last_seen_at) < Date.now() - 3_600_000) await repo.touchSession(db, s.id, nowIso(), addDays(SESSION_DAYS));
      }
      sessionCache.setIfCurrent(tokenHash, auth, version);
      return auth;
    },

    /** The cached answer for an API key, or undefined when `resolveApiKey` must ask the database. */
    cachedApiKey(secret: string): KeyAuth | null | undefined {
      return keyCache.get(hashToken(secret));
    },

    async resolveApiKey(secret: string): Promise<KeyAuth | null> {
      const keyHash = hashToken(secret);
      const cached = keyCache.get(keyHash);
      if (cached !== undefined) return cached;
      const version = keyCache.version();
      const k = await repo.findApiKeyByHash(db, keyHash);
      const auth: KeyAuth | null = k && !k.revoked_at ? { kind: 'api_key', keyId: k.id, workspaceId: k.workspace_id, role: k.role as Role } : null;
      if (k && !k.revoked_at && (!k.last_used_at || Date.parse(k.last_used_at) < Date.now() - 60_000)) await repo.touchApiKey(db, k.id, nowIso());
      keyCache.setIfCurrent(keyHash, auth, version);
      return auth;
    },

    forgetApiKey(keyHash: string) {
      keyCache.delete(keyHash);
    },
    forgetSessions() {
      sessionCache.clear();
    },

    async switchWorkspace(auth: SessionAuth, workspaceId: string) {
      const role = isId(workspaceId) ? await repo.membershipRole(db, workspaceId, auth.userId) : undefined;
      if (!role) throw notFound('Workspace');
      await repo.setSessionWorkspace(db, auth.sessionId, workspaceId);
      sessionCache.clear();
    },

    async sessionInfo(auth: SessionAuth): Promise<SessionInfo> {
      const user = await repo.findUserById(db, auth.userId);
      if (!user) throw new AppError('unauthenticated', 'Sign in again');
      const workspaces: WorkspaceSummary[] = (await repo.workspacesOfUser(db, user.id)).map((w) => ({ ...w, role: w.role as Role }));
      return {
        user: { id: user.id, email: user.email, name: user.name },
        workspace: workspaces.find((w) => w.id === auth.workspaceId) ?? null,
        workspaces,
        csrfToken: auth.csrfToken,
      };
    },

    async getWorkspace(ctx: Ctx) {
      const ws = await repo.findWorkspace(db, ctx.workspaceId);
      if (!ws) throw notFound('Workspace');
      return { id: ws.id, name: ws.name, slug: ws.slug, createdAt: ws.created_at };
    },

    async renameWorkspace(ctx: Ctx, name: string) {
      requirePermission(ctx, 'workspace:manage');
      await repo.updateWorkspaceName(db, ctx.workspaceId, name.trim(), nowIso());
      return service.getWorkspace(ctx);
    },

    /** A cheap query that proves the database answers. */
    async ping() {
      await db.selectFrom('workspaces').select('id').limit(1).execute();
    },

    newSession,
  };
  return service;
}
export type AuthService = ReturnType<typeof createAuthService>;

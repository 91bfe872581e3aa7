import type { AcceptInvitation, Invitation, InvitationCreate, Member } from '../../../contract/auth';
import { ROLE_RANK, type Role } from '../../../contract/roles';
import type { Database } from '../../db/database';
import { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../context';
import { recordEvents } from '../events/events.repository';
import { AppError, forbidden, notFound } from '../errors';
import { isId, newId, nowIso } from '../ids';
import { normalizeEmail } from '../normalize';
import * as repo from './auth.repository';
import type { AuthService } from './auth.service';
import { hashPassword, hashToken, randomToken, verifyPassword } from './secrets';

const INVITATION_DAYS = 7;

/** Only an owner may hand out or take away the owner role; nobody may raise someone above themselves. */
function checkRoleChange(ctx: Ctx, from: Role | null, to: Role) {
  if ((to === 'owner' || from === 'owner') && ctx.role !== 'owner') throw forbidden('Only an owner can grant or remove the owner role');
  if (ROLE_RANK[to] > ROLE_RANK[ctx.role]) throw forbidden('You cannot grant a role above your own');
}

const toInvitation = (r: { id: string; email: string; role: string; created_at: string; expires_at: string; accepted_at: string | null }): Invitation => ({
  id: r.id,
  email: r.email,
  role: r.role,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
});

export function createMembersService(database: Database, scoped: (ctx: Ctx) => WorkspaceDb, auth: AuthService) {
  const { db } = database;
  return {
    async list(ctx: Ctx): Promise<Member[]> {
      requirePermission(ctx, 'records:read');
      const rows = await repo.listMembers(scoped(ctx));
      return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, role: r.role, joinedAt: r.created_at }));
    },

    async changeRole(ctx: Ctx, userId: string, role: Role): Promise<Member> {
      requirePermission(ctx, 'users:manage');
      const ws = scoped(ctx);
      await ws.transaction(async (tx) => {
        const member = isId(userId) ? await repo.findMember(tx, userId) : undefined;
        if (!member) throw notFound('Member');
        checkRoleChange(ctx, member.role as Role, role);
        if (member.role === 'owner' && role !== 'owner' && (await repo.countOwners(tx)) <= 1) {
          throw new AppError('conflict', 'role: a workspace keeps at least one owner', { field: 'role' });
        }
        await repo.updateMemberRole(tx, userId, role);
        await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'member', objectId: userId, changes: { role: { before: member.role, after: role } } }]);
      });
      auth.forgetSessions();
      return (await this.list(ctx)).find((m) => m.userId === userId)!;
    },

    async remove(ctx: Ctx, userId: string): Promise<void> {
      requirePermission(ctx, 'users:manage');
      await scoped(ctx).transaction(async (tx) => {
        const member = isId(userId) ? await repo.findMember(tx, userId) : undefined;
        if (!member) throw notFound('Member');
        if (member.role === 'owner' && ctx.role !== 'owner') throw forbidden('Only an owner can remove an owner');
        if (member.role === 'owner' && (await repo.countOwners(tx)) <= 1) throw new AppError('conflict', 'A workspace keeps at least one owner');
        await repo.deleteMembership(tx, userId);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'member', objectId: userId, changes: { role: { before: member.role, after: null } } }]);
      });
      auth.forgetSessions();
    },

    async invite(ctx: Ctx, input: InvitationCreate, baseUrl: string) {
      requirePermission(ctx, 'users:manage');
      checkRoleChange(ctx, null, input.role);
      const email = normalizeEmail(input.email);
      const ws = scoped(ctx);
      const user = await repo.findUserByEmail(db, email);
      if (user && (await repo.findMember(ws, user.id))) {
        throw new AppError('conflict', `email: ${email} is already a member`, { field: 'email' });
      }
      const token = randomToken();
      const at = nowIso();
      const row = {
        id: newId(),
        email,
        role: input.role,
        token_hash: hashToken(token),
        invited_by: ctx.userId ?? ctx.actor.id ?? '',
        created_at: at,
        expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString(),
        accepted_at: null,
      };
      await ws.transaction(async (tx) => {
        await tx.insertInto('invitations', row).execute();
        await recordEvents(tx, ctx, [{ action: 'created', objectType: 'invitation', objectId: row.id, changes: { email: { before: null, after: email } } }]);
      });
      return { invitation: toInvitation(row), token, acceptUrl: `${baseUrl}/accept-invitation?token=${token}` };
    },

    async listInvitations(ctx: Ctx): Promise<Invitation[]> {
      requirePermission(ctx, 'users:manage');
      const rows = await scoped(ctx).selectFrom('invitations').selectAll().where('accepted_at', 'is', null).orderBy('created_at', 'desc').execute();
      return rows.map(toInvitation);
    },

    async revokeInvitation(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'users:manage');
      const res = isId(id) ? await scoped(ctx).deleteFrom('invitations').where('id', '=', id).where('accepted_at', 'is', null).executeTakeFirst() : null;
      if (!res || Number(res.numDeletedRows) === 0) throw notFound('Invitation');
    },

    /** Joins the invitation's workspace: as the existing account (password checked) or a new one. */
    async accept(input: AcceptInvitation) {
      const inv = await repo.findInvitationByHash(db, hashToken(input.token));
      if (!inv || inv.accepted_at || inv.expires_at < nowIso()) throw new AppError('not_found', 'token: this invitation is unknown, used or expired', { field: 'token' });
      const existing = await repo.findUserByEmail(db, inv.email);
      if (existing) {
        if (!input.password || !(await verifyPassword(input.password, existing.password_hash))) {
          throw new AppError('invalid_credentials', 'password: enter the password of your existing account', { field: 'password' });
        }
      } else {
        if (!input.name) throw new AppError('validation_failed', 'name: is required for a new account', { field: 'name' });
        if (!input.password || input.password.length < 10) {
          throw new AppError('validation_failed', 'password: at least 10 characters', { field: 'password' });
        }
      }
      const at = nowIso();
      const userId = existing?.id ?? newId();
      const passwordHash = existing ? null : await hashPassword(input.password!);
      await db.transaction().execute(async (trx) => {
        if (!existing) {
          await repo.insertUser(trx, { id: userId, email: inv.email, name: input.name!.trim(), password_hash: passwordHash, created_at: at, updated_at: at });
        }
        const ws = new WorkspaceDb(trx, inv.workspace_id, database.dialect);
        if (!(await repo.findMember(ws, userId))) await repo.insertMembership(ws, userId, inv.role as Role, at);
        await ws.updateTable('invitations').set({ accepted_at: at }).where('id', '=', inv.id).execute();
        await recordEvents(ws, { workspaceId: inv.workspace_id, role: inv.role as Role, actor: { type: 'user', id: userId }, userId }, [
          { action: 'created', objectType: 'member', objectId: userId, changes: { role: { before: null, after: inv.role } } },
        ]);
      });
      return auth.newSession(userId, inv.workspace_id);
    },
  };
}
export type MembersService = ReturnType<typeof createMembersService>;

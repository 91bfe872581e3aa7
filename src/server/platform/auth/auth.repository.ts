import type { Kysely } from 'kysely';
import type { Role } from '../../../contract/roles';
import type { DB, SessionRow, UserRow, WorkspaceRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

// Users, sessions and workspaces are global tables: a user belongs to several workspaces and
// signs in before one is chosen. Only this file touches them.
export type GlobalDb = Kysely<DB>;

export const findUserByEmail = (db: GlobalDb, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: GlobalDb, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (db: GlobalDb, user: UserRow) => db.insertInto('users').values(user).execute();

export const insertWorkspace = (db: GlobalDb, ws: WorkspaceRow) => db.insertInto('workspaces').values(ws).execute();

export const findWorkspace = (db: GlobalDb, id: string) =>
  db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();

export const slugTaken = async (db: GlobalDb, slug: string) =>
  !!(await db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst());

export const updateWorkspaceName = (db: GlobalDb, id: string, name: string, at: string) =>
  db.updateTable('workspaces').set({ name, updated_at: at }).where('id', '=', id).execute();

/** The workspaces a user belongs to, with the role in each. */
export const workspacesOfUser = (db: GlobalDb, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'workspaces.slug', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('workspaces.name')
    .execute();

export const insertSession = (db: GlobalDb, s: SessionRow) => db.insertInto('sessions').values(s).execute();
export const findSessionByHash = (db: GlobalDb, tokenHash: string) =>
  db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
export const deleteSession = (db: GlobalDb, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();
export const setSessionWorkspace = (db: GlobalDb, id: string, workspaceId: string) =>
  db.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', id).execute();
export const touchSession = (db: GlobalDb, id: string, at: string, expiresAt: string) =>
  db.updateTable('sessions').set({ last_seen_at: at, expires_at: expiresAt }).where('id', '=', id).execute();

/** An API key looked up by its hash, across workspaces: the key itself names its workspace. */
export const findApiKeyByHash = (db: GlobalDb, keyHash: string) =>
  db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();

export const touchApiKey = (db: GlobalDb, id: string, at: string) =>
  db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();

export const membershipRole = async (db: GlobalDb, workspaceId: string, userId: string): Promise<Role | undefined> =>
  (
    await db
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
  )?.role as Role | undefined;

export const findInvitationByHash = (db: GlobalDb, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

// Workspace-scoped parts: members, invitations and keys of the caller's workspace.
export const listMembers = (db: WorkspaceDb) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.created_at'])
    .orderBy('users.name')
    .execute();

export const findMember = (db: WorkspaceDb, userId: string) =>
  db.selectFrom('memberships').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const countOwners = async (db: WorkspaceDb) =>
  Number(
    (
      await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('role', '=', 'owner')
        .executeTakeFirst()
    )?.n ?? 0,
  );

export const insertMembership = (db: WorkspaceDb, userId: string, role: Role, at: string) =>
  db.insertInto('memberships', { user_id: userId, role, created_at: at }).execute();

export const updateMemberRole = (db: WorkspaceDb, userId: string, role: Role) =>
  db.updateTable('memberships').set({ role }).where('user_id', '=', userId).execute();

export const deleteMembership = (db: WorkspaceDb, userId: string) =>
  db.deleteFrom('memberships').where('user_id', '=', userId).execute();

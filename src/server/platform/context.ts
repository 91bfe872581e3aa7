import { type Permission, type Role, can } from '../../contract/roles';
import { forbidden } from './errors';

export type Actor = { type: 'user' | 'api_key' | 'system'; id: string | null };

/** Who is calling and in which workspace; every service function takes it first. */
export type Ctx = {
  workspaceId: string;
  role: Role;
  actor: Actor;
  /** The signed-in user; null when an API key or the system acts. */
  userId: string | null;
};

export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!can(ctx.role, permission)) throw forbidden(`The ${ctx.role} role cannot do this (${permission})`);
}

export const systemCtx = (workspaceId: string): Ctx => ({
  workspaceId,
  role: 'owner',
  actor: { type: 'system', id: null },
  userId: null,
});

import type { ApiKey, ApiKeyCreate } from '../../../contract/auth';
import type { ApiKeyRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../context';
import { recordEvents } from '../events/events.repository';
import { forbidden, notFound } from '../errors';
import { isId, newId, nowIso } from '../ids';
import { ROLE_RANK } from '../../../contract/roles';
import type { AuthService } from './auth.service';
import { hashToken, randomToken } from './secrets';

const toApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  role: r.role,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export function createApiKeysService(scoped: (ctx: Ctx) => WorkspaceDb, auth: AuthService) {
  return {
    async list(ctx: Ctx): Promise<ApiKey[]> {
      requirePermission(ctx, 'keys:manage');
      const rows = await scoped(ctx).selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute();
      return rows.map(toApiKey);
    },

    /** The secret is returned here once; only its hash is stored. */
    async create(ctx: Ctx, input: ApiKeyCreate): Promise<{ apiKey: ApiKey; secret: string }> {
      requirePermission(ctx, 'keys:manage');
      if (ROLE_RANK[input.role] > ROLE_RANK[ctx.role]) throw forbidden('A key cannot have a role above your own');
      const secret = `rk_${randomToken(30)}`;
      const row: Omit<ApiKeyRow, 'workspace_id'> = {
        id: newId(),
        name: input.name.trim(),
        prefix: secret.slice(0, 10),
        key_hash: hashToken(secret),
        role: input.role,
        created_by: ctx.userId,
        created_at: nowIso(),
        last_used_at: null,
        revoked_at: null,
      };
      await scoped(ctx).transaction(async (tx) => {
        await tx.insertInto('api_keys', row).execute();
        await recordEvents(tx, ctx, [{ action: 'created', objectType: 'api_key', objectId: row.id, changes: { name: { before: null, after: row.name } } }]);
      });
      return { apiKey: toApiKey({ ...row, workspace_id: ctx.workspaceId }), secret };
    },

    async revoke(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'keys:manage');
      const keyHash = await scoped(ctx).transaction(async (tx) => {
        const row = isId(id) ? await tx.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
        if (!row || row.revoked_at) throw notFound('API key');
        await tx.updateTable('api_keys').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'api_key', objectId: id, changes: { revokedAt: { before: null, after: nowIso() } } }]);
        return row.key_hash;
      });
      // After the commit: forgotten earlier, a request could read the key as still valid and cache it.
      auth.forgetApiKey(keyHash);
    },
  };
}
export type ApiKeysService = ReturnType<typeof createApiKeysService>;

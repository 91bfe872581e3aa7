import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../context';
import { type AuditQuery, listEvents } from './events.repository';

export function createAuditService(scoped: (ctx: Ctx) => WorkspaceDb) {
  return {
    async list(ctx: Ctx, query: AuditQuery) {
      // A record's own history is visible to whoever can read the record.
      requirePermission(ctx, query.objectId ? 'records:read' : 'audit:read');
      return listEvents(scoped(ctx), query);
    },
  };
}

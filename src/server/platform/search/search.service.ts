import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../context';
import { searchDocuments } from './search.repository';

export function createSearchService(scoped: (ctx: Ctx) => WorkspaceDb) {
  return {
    async search(ctx: Ctx, q: string, opts: { limit: number; objectType?: string }) {
      requirePermission(ctx, 'records:read');
      return searchDocuments(scoped(ctx), q, opts);
    },
  };
}

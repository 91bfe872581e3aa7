import type { WorkspaceDb } from '../../db/scoped';
import { isId } from '../ids';

/** Which of these ids are records of `table` in the workspace (trashed ones included). */
export async function existingIds(db: WorkspaceDb, table: 'companies' | 'contacts', ids: string[]): Promise<Set<string>> {
  const valid = ids.filter(isId);
  if (valid.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', valid).execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of these user ids are members of the workspace. */
export async function memberIds(db: WorkspaceDb, ids: string[]): Promise<Set<string>> {
  const valid = ids.filter(isId);
  if (valid.length === 0) return new Set();
  const rows = await db.selectFrom('memberships').select('user_id').where('user_id', 'in', valid).execute();
  return new Set(rows.map((r) => r.user_id));
}

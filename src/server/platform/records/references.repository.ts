import type { WorkspaceDb } from '../../db/scoped';
import { isId } from '../ids';

/** Which of these ids are records of `table` in the workspace (trashed ones included). */
export async function existingIds(db: WorkspaceDb, table: 'companies' | 'contacts' | 'leads' | 'deals', ids: string[]): Promise<Set<string>> {
  const valid = [...new Set(ids.filter(isId))];
  const out = new Set<string>();
  for (let i = 0; i < valid.length; i += 500) {
    const rows = await db.selectFrom(table).select('id').where('id', 'in', valid.slice(i, i + 500)).execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** The names of these companies, by id, for those in the workspace (trashed ones included). */
export async function companyNames(db: WorkspaceDb, ids: string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids.filter(isId))];
  const out = new Map<string, string>();
  for (let i = 0; i < valid.length; i += 500) {
    const rows = await db.selectFrom('companies').select(['id', 'name']).where('id', 'in', valid.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/** Which contact holds each of these (normalised) emails. */
export async function emailHolders(db: WorkspaceDb, emails: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(emails)];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('contact_emails').select(['email', 'contact_id']).where('email', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.email, r.contact_id);
  }
  return out;
}

/** Which of these user ids are members of the workspace. */
export async function memberIds(db: WorkspaceDb, ids: string[]): Promise<Set<string>> {
  const valid = ids.filter(isId);
  if (valid.length === 0) return new Set();
  const rows = await db.selectFrom('memberships').select('user_id').where('user_id', 'in', valid).execute();
  return new Set(rows.map((r) => r.user_id));
}

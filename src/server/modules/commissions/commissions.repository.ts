import type { CommissionRuleRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export const listRules = (db: WorkspaceDb) => db.selectFrom('commission_rules').selectAll().orderBy('basis').orderBy('name').orderBy('id').execute();
export const findRule = (db: WorkspaceDb, id: string) => db.selectFrom('commission_rules').selectAll().where('id', '=', id).executeTakeFirst();
export const insertRule = (tx: WorkspaceDb, row: Omit<CommissionRuleRow, 'workspace_id'>) => tx.insertInto('commission_rules', row).execute();
export const updateRule = (tx: WorkspaceDb, id: string, set: Partial<CommissionRuleRow>) => tx.updateTable('commission_rules').set(set).where('id', '=', id).execute();
export const deleteRule = (tx: WorkspaceDb, id: string) => tx.deleteFrom('commission_rules').where('id', '=', id).execute();

/** The rules that can apply to a user: their own, and their role's. */
export function rulesFor(db: WorkspaceDb, userId: string, role: string) {
  return db
    .selectFrom('commission_rules')
    .selectAll()
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('role', '=', role)]))
    .execute();
}

export const memberRole = (db: WorkspaceDb, userId: string) => db.selectFrom('memberships').select('role').where('user_id', '=', userId).executeTakeFirst();

/** Deals owned by `ownerId` in a won stage whose close date falls in [start, end). */
export function wonDeals(db: WorkspaceDb, ownerId: string, start: string, end: string) {
  return db
    .selectFrom('deals')
    .innerJoin('pipeline_stages as s', (j) => j.onRef('s.id', '=', 'deals.stage_id').onRef('s.workspace_id', '=', 'deals.workspace_id'))
    .select(['deals.id', 'deals.amount', 'deals.currency', 'deals.close_date'])
    .where('deals.deleted_at', 'is', null)
    .where('s.kind', '=', 'won')
    .where('deals.owner_id', '=', ownerId)
    .where('deals.close_date', '>=', start)
    .where('deals.close_date', '<', end)
    .orderBy('deals.close_date')
    .orderBy('deals.id')
    .execute();
}

import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Lead } from '../../../contract/leads';
import type { Dialect } from '../../db/dialect';
import type { LeadRow, LeadScoreRuleRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import { sharedColumns, sharedFromRow } from '../../platform/records/record-columns';

export function leadFromRow(dialect: Dialect, r: LeadRow): Lead {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    email: r.email,
    phone: r.phone,
    companyName: r.company_name,
    title: r.title,
    source: r.source,
    status: r.status as Lead['status'],
    ownerId: r.owner_id,
    score: Number(r.score),
    convertedAt: r.converted_at,
    convertedContactId: r.converted_contact_id,
    convertedCompanyId: r.converted_company_id,
    convertedDealId: r.converted_deal_id,
    ...sharedFromRow(dialect, r),
  };
}

export function leadColumns(dialect: Dialect, l: Lead): Partial<LeadRow> {
  return {
    name: l.name,
    email: l.email,
    phone: l.phone,
    company_name: l.companyName,
    title: l.title,
    source: l.source,
    status: l.status,
    owner_id: l.ownerId,
    score: l.score,
    ...sharedColumns(dialect, l),
    converted_at: l.convertedAt,
    converted_contact_id: l.convertedContactId,
    converted_company_id: l.convertedCompanyId,
    converted_deal_id: l.convertedDealId,
  };
}

export const listRules = (db: WorkspaceDb) => db.selectFrom('lead_score_rules').selectAll().orderBy('position').orderBy('id').execute();
export const findRule = (db: WorkspaceDb, id: string) => db.selectFrom('lead_score_rules').selectAll().where('id', '=', id).executeTakeFirst();
export const insertRule = (tx: WorkspaceDb, row: Omit<LeadScoreRuleRow, 'workspace_id'>) => tx.insertInto('lead_score_rules', row).execute();
export const updateRule = (tx: WorkspaceDb, id: string, set: Partial<LeadScoreRuleRow>) => tx.updateTable('lead_score_rules').set(set).where('id', '=', id).execute();
export const deleteRule = (tx: WorkspaceDb, id: string) => tx.deleteFrom('lead_score_rules').where('id', '=', id).execute();

/** Which of these leads match a compiled filter. */
export async function matching(db: WorkspaceDb, ids: string[], where: RawBuilder<SqlBool>): Promise<Set<string>> {
  const rows = await db.selectFrom('leads').select('leads.id').where('leads.id', 'in', ids).where(where).execute();
  return new Set(rows.map((r) => r.id));
}

/** Activities linked to each lead, counted by activity type. */
export async function activityCounts(db: WorkspaceDb, ids: string[]): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .selectFrom('record_links')
    .innerJoin('activities', (j) => j.onRef('activities.id', '=', 'record_links.source_id').onRef('activities.workspace_id', '=', 'record_links.workspace_id'))
    .select(['record_links.object_id as lead_id', 'activities.type as type', sql<number>`count(*)`.as('n')])
    .where('record_links.source_type', '=', 'activity')
    .where('record_links.object_type', '=', 'leads')
    .where('record_links.object_id', 'in', ids)
    .groupBy(['record_links.object_id', 'activities.type'])
    .execute();
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = out.get(r.lead_id) ?? new Map<string, number>();
    m.set(r.type, Number(r.n));
    out.set(r.lead_id, m);
  }
  return out;
}

/** Live leads' ids and scores, a page at a time (for recomputing every score). */
export const leadScoresAfter = (db: WorkspaceDb, afterId: string | null, limit: number) => {
  let q = db.selectFrom('leads').select(['id', 'score', 'version']).where('deleted_at', 'is', null);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
};

export const leadScores = (db: WorkspaceDb, ids: string[]) => db.selectFrom('leads').select(['id', 'score', 'version']).where('id', 'in', ids).execute();

/** Writes a score; `bump` also counts it as a change of the record (a recompute after rules changed). */
export async function setScore(tx: WorkspaceDb, id: string, score: number, bump: { at: string } | null) {
  const q = tx.updateTable('leads').set(bump ? { score, updated_at: bump.at, version: sql`version + 1` as any } : { score });
  await q.where('id', '=', id).execute();
}

export async function markConverted(
  tx: WorkspaceDb,
  lead: { id: string; version: number },
  set: { at: string; contactId: string; companyId: string | null; dealId: string | null },
): Promise<boolean> {
  const res = await tx
    .updateTable('leads')
    .set({
      status: 'converted',
      converted_at: set.at,
      converted_contact_id: set.contactId,
      converted_company_id: set.companyId,
      converted_deal_id: set.dealId,
      updated_at: set.at,
      version: lead.version + 1,
    })
    .where('id', '=', lead.id)
    .where('version', '=', lead.version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The oldest live company with this domain. */
export async function companyByDomain(db: WorkspaceDb, domain: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('companies')
    .select('id')
    .where(sql<SqlBool>`${db.dialect.ci(sql.ref('domain'))} = ${db.dialect.ciValue(domain)}`)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return r?.id;
}

/** Leads an activity is linked to. */
export async function leadsLinkedTo(db: WorkspaceDb, activityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('record_links')
    .select('object_id')
    .where('source_type', '=', 'activity')
    .where('source_id', '=', activityId)
    .where('object_type', '=', 'leads')
    .execute();
  return rows.map((r) => r.object_id);
}

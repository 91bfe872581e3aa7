import type { Address, PhoneEntry } from '../../../contract/common';
import type { Company } from '../../../contract/companies';
import type { Dialect } from '../../db/dialect';
import type { SelectQueryBuilder } from 'kysely';
import type { CompanyRow, DB } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import { sharedColumns, sharedFromRow } from '../../platform/records/record-columns';

export function companyFromRow(dialect: Dialect, r: CompanyRow & { parent_name?: string | null }): Company {
  const j = dialect.json;
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    domain: r.domain,
    website: r.website,
    industry: r.industry,
    employees: r.employees,
    annualRevenue: r.annual_revenue,
    phone: r.phone,
    phones: j.read<PhoneEntry[]>(r.phones, []),
    addresses: j.read<Address[]>(r.addresses, []),
    parentId: r.parent_id,
    parent: r.parent_id && r.parent_name ? { id: r.parent_id, name: r.parent_name } : null,
    ownerId: r.owner_id,
    lifecycleStage: r.lifecycle_stage,
    ...sharedFromRow(dialect, r),
  };
}

export function companyColumns(dialect: Dialect, c: Company): Partial<CompanyRow> {
  const j = dialect.json;
  return {
    name: c.name,
    domain: c.domain,
    website: c.website,
    industry: c.industry,
    employees: c.employees,
    annual_revenue: c.annualRevenue,
    phone: c.phones[0]?.phone ?? null,
    phones: j.write(c.phones),
    addresses: j.write(c.addresses),
    parent_id: c.parentId,
    owner_id: c.ownerId,
    lifecycle_stage: c.lifecycleStage,
    ...sharedColumns(dialect, c),
  };
}

/** Joins the parent company's name, for every read of companies. */
export const withParentName = <Q extends SelectQueryBuilder<DB, any, any>>(qb: Q): Q =>
  (qb as SelectQueryBuilder<DB, 'companies', any>)
    .leftJoin('companies as parent_company', (j) =>
      j.onRef('parent_company.id', '=', 'companies.parent_id').onRef('parent_company.workspace_id', '=', 'companies.workspace_id'),
    )
    .select('parent_company.name as parent_name') as unknown as Q;

/** The chain of parents above `id`, nearest first (bounded, so a corrupt loop cannot hang). */
export async function ancestorIds(db: WorkspaceDb, id: string): Promise<string[]> {
  const out: string[] = [];
  let current: string | null = id;
  while (current && out.length < 100) {
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('companies')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current) out.push(current);
  }
  return out;
}

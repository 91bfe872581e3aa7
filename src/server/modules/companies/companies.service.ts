import type { Company, CompanyCreate, CompanyUpdate } from '../../../contract/companies';
import type { CompanyRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { validateCustomValues } from '../../platform/custom-fields/custom-values';
import { normalizeDomain } from '../../platform/normalize';
import { assignDefined, checkReferences, cleanTags, linkedCompany, normalizePhones, trimAddresses } from '../../platform/records/record-input';
import { createRecordService } from '../../platform/records/record-service';
import type { PrepareArgs } from '../../platform/records/record-spec';
import { searchableParts } from '../../platform/search/search.repository';
import { companyFields } from './companies.fields';
import { ancestorIds, companyColumns, companyFromRow, withParentName } from './companies.repository';

const emptyCompany = (): Company => ({
  id: '',
  version: 0,
  name: '',
  domain: null,
  website: null,
  industry: null,
  employees: null,
  annualRevenue: null,
  phone: null,
  phones: [],
  addresses: [],
  parentId: null,
  parent: null,
  ownerId: null,
  lifecycleStage: null,
  tags: [],
  description: null,
  custom: {},
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
});

async function prepareCompany({ tx, input, base, customDefs, errors, refs }: PrepareArgs<Company, CompanyCreate | CompanyUpdate>): Promise<Company> {
  const next: Company = base ? structuredClone(base) : emptyCompany();
  assignDefined(next, input as Partial<Company>, ['website', 'employees', 'annualRevenue', 'parentId', 'ownerId', 'lifecycleStage', 'description']);
  if (input.name !== undefined) {
    next.name = input.name.trim();
    if (!next.name) errors.add('name', 'must not be blank');
  }
  if (input.industry !== undefined) next.industry = input.industry?.trim() || null;
  if (input.domain !== undefined) next.domain = input.domain ? normalizeDomain(input.domain) : null;
  if (!next.domain && next.website && input.website !== undefined) next.domain = normalizeDomain(next.website);
  if (input.tags !== undefined) next.tags = cleanTags(input.tags);
  if (input.phones !== undefined) next.phones = normalizePhones(input.phones);
  if (input.addresses !== undefined) next.addresses = trimAddresses(input.addresses);
  next.phone = next.phones[0]?.phone ?? null;
  next.custom = { ...next.custom, ...validateCustomValues(customDefs, input.custom, errors, base ? 'update' : 'create') };
  for (const [k, v] of Object.entries(next.custom)) if (v === null) delete next.custom[k];

  checkReferences(refs, errors, { companyField: 'parentId', companyId: input.parentId, ownerId: input.ownerId });
  if (input.parentId !== undefined) next.parent = linkedCompany(refs, next.parentId);
  if (base && input.parentId) {
    if (input.parentId === base.id) errors.add('parentId', 'a company cannot be its own parent');
    else if ((await ancestorIds(tx, input.parentId)).includes(base.id)) {
      errors.add('parentId', 'would make a loop in the company hierarchy');
    }
  }
  return next;
}

/**
 * Two items of one bulk update can make a loop that neither makes alone (A under B, B under A):
 * checked again once every item is written, inside the same transaction. New companies cannot
 * close a loop, nobody points at them yet.
 */
async function afterCompanyWrite(tx: WorkspaceDb, companies: Company[]): Promise<void> {
  if (companies.length < 2) return;
  let culprit = -1;
  for (const [i, c] of companies.entries()) {
    if (c.version > 1 && c.parentId && (await ancestorIds(tx, c.id)).includes(c.id)) culprit = i;
  }
  if (culprit >= 0) throw invalid(`items.${culprit}.changes.parentId`, 'would make a loop in the company hierarchy');
}

export function createCompaniesService(scoped: (ctx: Ctx) => WorkspaceDb) {
  return createRecordService<Company, CompanyRow, CompanyCreate, CompanyUpdate>(
    {
      objectType: 'companies',
      table: 'companies',
      label: 'Company',
      fields: companyFields,
      fromRow: companyFromRow,
      select: withParentName,
      references: (input) => ({ companyIds: [input.parentId], ownerIds: [input.ownerId] }),
      prepare: prepareCompany,
      toColumns: companyColumns,
      afterWrite: afterCompanyWrite,
      searchDocument: (c) => ({
        title: c.name,
        subtitle: [c.domain, c.industry].filter(Boolean).join(' · '),
        body: searchableParts([c.domain, c.website, ...c.phones.map((p) => p.phone)]),
      }),
    },
    scoped,
  );
}
export type CompaniesService = ReturnType<typeof createCompaniesService>;

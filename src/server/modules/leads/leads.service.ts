import type { Lead, LeadCreate, LeadUpdate } from '../../../contract/leads';
import type { LeadRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../../platform/context';
import { validateCustomValues } from '../../platform/custom-fields/custom-values';
import { recordEvents } from '../../platform/events/events.repository';
import { normalizeEmail, normalizePhone } from '../../platform/normalize';
import { assignDefined, checkReferences, cleanTags } from '../../platform/records/record-input';
import { createRecordService } from '../../platform/records/record-service';
import type { PrepareArgs } from '../../platform/records/record-spec';
import { searchableParts } from '../../platform/search/search.repository';
import { computeScores } from './lead-scoring.service';
import { leadFields } from './leads.fields';
import { leadColumns, leadFromRow } from './leads.repository';

const emptyLead = (): Lead => ({
  id: '',
  version: 0,
  name: '',
  email: null,
  phone: null,
  companyName: null,
  title: null,
  source: null,
  status: 'new',
  ownerId: null,
  score: 0,
  tags: [],
  description: null,
  custom: {},
  convertedAt: null,
  convertedContactId: null,
  convertedCompanyId: null,
  convertedDealId: null,
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
});

const trimOrNull = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

async function prepareLead({ ctx, input, base, customDefs, errors, refs }: PrepareArgs<Lead, LeadCreate | LeadUpdate>): Promise<Lead> {
  const next: Lead = base ? structuredClone(base) : emptyLead();
  assignDefined(next, input as Partial<Lead>, ['ownerId', 'description']);
  if (!base && input.ownerId === undefined) next.ownerId = ctx.userId;
  if (input.name !== undefined) {
    next.name = input.name.trim();
    if (!next.name) errors.add('name', 'must not be blank');
  }
  if (input.email !== undefined) next.email = input.email ? normalizeEmail(input.email) : null;
  if (input.phone !== undefined) next.phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.companyName !== undefined) next.companyName = trimOrNull(input.companyName);
  if (input.title !== undefined) next.title = trimOrNull(input.title);
  if (input.source !== undefined) next.source = trimOrNull(input.source);
  if (input.tags !== undefined) next.tags = cleanTags(input.tags);
  if (input.status !== undefined) {
    if (base?.status === 'converted') errors.add('status', 'a converted lead keeps its status');
    else next.status = input.status;
  }
  next.custom = { ...next.custom, ...validateCustomValues(customDefs, input.custom, errors, base ? 'update' : 'create') };
  for (const [k, v] of Object.entries(next.custom)) if (v === null) delete next.custom[k];
  checkReferences(refs, errors, { ownerId: input.ownerId });
  return next;
}

/** Leads on the generic record machinery; every write rescores the written leads in its transaction. */
export function createLeadsService(scoped: (ctx: Ctx) => WorkspaceDb) {
  async function afterLeadWrite(tx: WorkspaceDb, leads: Lead[], mode: 'create' | 'update', ctx: Ctx) {
    const scores = await computeScores(tx, leads.map((l) => l.id));
    const changed = leads.filter((l) => scores.get(l.id) !== l.score);
    for (const lead of changed) {
      const before = lead.score;
      lead.score = scores.get(lead.id)!;
      await tx.updateTable('leads').set({ score: lead.score }).where('id', '=', lead.id).execute();
      // A create's event already carries the final state; an update's diff was taken before scoring.
      if (mode === 'update') await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'leads', objectId: lead.id, changes: { score: { before, after: lead.score } } }]);
    }
  }

  return createRecordService<Lead, LeadRow, LeadCreate, LeadUpdate>(
    {
      objectType: 'leads',
      table: 'leads',
      label: 'Lead',
      fields: leadFields,
      fromRow: leadFromRow,
      references: (input) => ({ ownerIds: [input.ownerId] }),
      prepare: prepareLead,
      toColumns: leadColumns,
      afterWrite: afterLeadWrite,
      searchDocument: (l) => ({
        title: l.name,
        subtitle: [l.companyName, l.email].filter(Boolean).join(' · '),
        body: searchableParts([l.email, l.phone, l.companyName]),
      }),
    },
    scoped,
  );
}
export type LeadsService = ReturnType<typeof createLeadsService>;

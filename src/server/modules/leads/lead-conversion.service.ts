import type { LeadConvert } from '../../../contract/leads';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { type EventInput, recordEvents } from '../../platform/events/events.repository';
import { AppError, notFound } from '../../platform/errors';
import { isId } from '../../platform/ids';
import { emailHolders, existingIds } from '../../platform/records/references.repository';
import type { CompaniesService } from '../companies/companies.service';
import type { ContactsService } from '../contacts/contacts.service';
import { type DealsService, seesAllDeals } from '../deals/deals.service';
import type { PipelinesService } from '../pipelines/pipelines.service';
import * as repo from './leads.repository';
import type { LeadsService } from './leads.service';

// Addresses at these domains say nothing about the company a person works for.
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'aol.com',
  'gmx.de', 'gmx.net', 'web.de', 'proton.me', 'protonmail.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', 'example.com',
]);

function splitName(name: string): { firstName: string | null; lastName: string | null } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0], lastName: null };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] };
}

type Deps = { leads: LeadsService; contacts: ContactsService; companies: CompaniesService; deals: DealsService; pipelines: PipelinesService };

/**
 * Converting a lead: the company (given, found by the email's domain, or new), the contact
 * (given, found by email, or new), optionally a deal, and the lead marked converted with links
 * to all three — in ONE transaction, so a failure at any step leaves nothing behind.
 */
export function createLeadConversionService(scoped: (ctx: Ctx) => WorkspaceDb, deps: Deps, clock: Clock) {
  const { leads, contacts, companies, deals, pipelines } = deps;

  async function requireExisting(tx: WorkspaceDb, table: 'companies' | 'contacts', id: string, field: string) {
    if (!(await existingIds(tx, table, [id])).has(id)) throw new AppError('validation_failed', `${field}: no such record in ${table}`, { field });
  }

  return {
    async convert(ctx: Ctx, id: string, input: LeadConvert) {
      requirePermission(ctx, 'records:write');
      if (input.deal) await pipelines.ensureDefault(ctx);
      const db = scoped(ctx);
      const result = await db.transaction(async (tx) => {
        const [lead] = isId(id) ? await leads.getIn(tx, ctx, [id]) : [];
        if (!lead || lead.deletedAt) throw notFound('Lead');
        if (lead.status === 'converted') throw new AppError('conflict', `Lead ${id} was already converted (contact ${lead.convertedContactId})`);
        const events: EventInput[] = [];
        const linked = (objectType: string, objectId: string) =>
          events.push({ action: 'converted_from_lead', objectType, objectId, changes: { leadId: { before: null, after: lead.id } } });

        const domain = lead.email?.split('@')[1] ?? null;
        const companyDomain = domain && !FREE_MAIL.has(domain) ? domain : null;
        let companyId: string | null;
        let companyCreated = false;
        if (input.companyId !== undefined) {
          companyId = input.companyId;
          if (companyId) await requireExisting(tx, 'companies', companyId, 'companyId');
        } else {
          companyId = (companyDomain && (await repo.companyByDomain(tx, companyDomain))) || null;
          if (!companyId && lead.companyName) {
            const company = await companies.createIn(tx, ctx, { name: lead.companyName, ...(companyDomain ? { domain: companyDomain } : {}), ownerId: lead.ownerId });
            companyId = company.id;
            companyCreated = true;
          }
        }
        if (companyId) linked('companies', companyId);

        let contactId: string | null = null;
        let contactCreated = false;
        if (input.contactId) {
          await requireExisting(tx, 'contacts', input.contactId, 'contactId');
          contactId = input.contactId;
        } else if (lead.email) contactId = (await emailHolders(tx, [lead.email])).get(lead.email) ?? null;
        if (!contactId) {
          const contact = await contacts.createIn(tx, ctx, {
            ...splitName(lead.name),
            title: lead.title,
            emails: lead.email ? [{ email: lead.email }] : [],
            phones: lead.phone ? [{ phone: lead.phone }] : [],
            companyId,
            ownerId: lead.ownerId,
            lifecycleStage: 'opportunity',
            tags: lead.tags,
          });
          contactId = contact.id;
          contactCreated = true;
        }
        linked('contacts', contactId);

        let dealId: string | null = null;
        if (input.deal) {
          const d = input.deal;
          const deal = await deals.createIn(tx, ctx, {
            name: d.name ?? `${lead.companyName ?? lead.name} deal`,
            ...(d.amount !== undefined ? { amount: d.amount } : {}),
            ...(d.currency !== undefined ? { currency: d.currency } : {}),
            ...(d.pipelineId !== undefined ? { pipelineId: d.pipelineId } : {}),
            ...(d.stageId !== undefined ? { stageId: d.stageId } : {}),
            ...(d.closeDate !== undefined ? { closeDate: d.closeDate } : {}),
            companyId,
            contactIds: [contactId],
            ownerId: seesAllDeals(ctx) ? lead.ownerId : ctx.userId,
            leadId: lead.id,
          });
          dealId = deal.id;
        }

        const at = clock.now().toISOString();
        if (!(await repo.markConverted(tx, lead, { at, contactId, companyId, dealId }))) {
          throw new AppError('precondition_failed', `Lead ${id} was changed by someone else; reload it and try again`);
        }
        events.push({
          action: 'converted',
          objectType: 'leads',
          objectId: lead.id,
          changes: {
            status: { before: lead.status, after: 'converted' },
            convertedContactId: { before: null, after: contactId },
            convertedCompanyId: { before: null, after: companyId },
            convertedDealId: { before: null, after: dealId },
          },
        });
        await recordEvents(tx, ctx, events);
        return { contactId, contactCreated, companyId, companyCreated, dealId };
      });
      return { lead: await leads.get(ctx, id), ...result };
    },
  };
}
export type LeadConversionService = ReturnType<typeof createLeadConversionService>;

import { Deal, DealBulkUpdate, DealCreate, DealUpdate } from '../contract/deals';
import type { WorkspaceDb } from './db/scoped';
import { ctxOf } from './http/auth';
import { hookRoutes } from './http/route-hooks';
import type { App } from './http/types';
import { registerCommissionRoutes } from './modules/commissions/commissions.routes';
import { createCommissionsService } from './modules/commissions/commissions.service';
import type { CompaniesService } from './modules/companies/companies.service';
import type { ContactsService } from './modules/contacts/contacts.service';
import { createDealBoardService } from './modules/deals/deal-board.service';
import { createDealsService } from './modules/deals/deals.service';
import { registerForecastRoutes } from './modules/forecast/forecast.routes';
import { createForecastService } from './modules/forecast/forecast.service';
import { registerInvoiceRoutes } from './modules/invoices/invoices.routes';
import { createInvoicesService } from './modules/invoices/invoices.service';
import { rescoreLeadsOnActivityChanges } from './modules/leads/lead-activity-scoring';
import { createLeadConversionService } from './modules/leads/lead-conversion.service';
import { createLeadScoringService } from './modules/leads/lead-scoring.service';
import { registerLeadRoutes } from './modules/leads/leads.routes';
import { createLeadsService } from './modules/leads/leads.service';
import { registerPipelineRoutes } from './modules/pipelines/pipelines.routes';
import { createPipelinesService } from './modules/pipelines/pipelines.service';
import { registerProductRoutes } from './modules/products/products.routes';
import { createProductsService } from './modules/products/products.service';
import { registerQuoteRoutes } from './modules/quotes/quotes.routes';
import { createQuotesService } from './modules/quotes/quotes.service';
import type { Clock } from './platform/clock';
import type { Ctx } from './platform/context';
import { registerRecordRoutes } from './platform/records/record-routes';

/**
 * Sales (C4): leads with scoring and conversion, pipelines and deals with a board, products and
 * price lists, quotes and invoices, commissions, quotas and the forecast.
 */
export function createSales(opts: { scoped: (ctx: Ctx) => WorkspaceDb; clock: Clock; contacts: ContactsService; companies: CompaniesService }) {
  const { scoped, clock, contacts, companies } = opts;
  const pipelines = createPipelinesService(scoped, clock);
  const deals = createDealsService(scoped, pipelines, clock);
  const leads = createLeadsService(scoped);
  const invoices = createInvoicesService(scoped, clock);
  return {
    leads,
    leadScoring: createLeadScoringService(scoped, clock),
    leadConversion: createLeadConversionService(scoped, { leads, contacts, companies, deals, pipelines }, clock),
    pipelines,
    deals,
    dealBoard: createDealBoardService(scoped, deals, pipelines, clock),
    products: createProductsService(scoped, clock),
    quotes: createQuotesService(scoped, invoices, clock),
    invoices,
    commissions: createCommissionsService(scoped, clock),
    forecast: createForecastService(scoped, clock),
  };
}
export type Sales = ReturnType<typeof createSales>;

/**
 * Hooks sales puts on routes other modules declare; call it before they are declared. Timelines
 * and activity lists are shared routes that know nothing of deal owners: a member reaches a
 * deal's history only if they may see the deal itself. Activities change lead scores.
 */
export function watchSharedRoutes(app: App, s: Sales) {
  // HEAD routes run the GET handler, so they are guarded too.
  const reads = (method: string, url: string) => (method === 'GET' || method === 'HEAD') && (url === '/api/v1/deals/:id/timeline' || url === '/api/v1/activities');
  hookRoutes(app, reads, {
    // A callback hook: an activity list not about a deal passes without a promise.
    preHandler: (req, _reply, done) => {
      const query = req.query as { objectType?: string; objectId?: string } | undefined;
      let dealId: string | undefined;
      if (req.routeOptions.url === '/api/v1/deals/:id/timeline') dealId = (req.params as { id: string }).id;
      else if (query?.objectType === 'deals' && query.objectId) dealId = query.objectId;
      if (dealId === undefined) return done();
      s.deals.get(ctxOf(req), dealId).then(() => done(), done);
    },
  });
  rescoreLeadsOnActivityChanges(app, s.leadScoring);
}

export function installSales(app: App, s: Sales) {
  registerLeadRoutes(app, { leads: s.leads, scoring: s.leadScoring, conversion: s.leadConversion });
  registerRecordRoutes(app, { path: 'deals', tag: 'Deals', service: s.deals as any, item: Deal, create: DealCreate, update: DealUpdate, bulkUpdate: DealBulkUpdate });
  registerPipelineRoutes(app, s.pipelines, s.dealBoard);
  registerProductRoutes(app, s.products);
  registerQuoteRoutes(app, s.quotes);
  registerInvoiceRoutes(app, s.invoices);
  registerCommissionRoutes(app, s.commissions);
  registerForecastRoutes(app, s.forecast);
}

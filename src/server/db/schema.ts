/**
 * Row types as stored. Timestamps are ISO-8601 UTC strings on both databases, booleans are 0/1,
 * JSON columns are text on SQLite and jsonb on PostgreSQL (read them through `dialect.json`).
 */
import type { WorkspaceRow, UserRow, MembershipRow, SessionRow, InvitationRow, ApiKeyRow, ContactRow, ContactEmailRow, CompanyRow, CustomFieldRow, SavedViewRow, EventRow, SearchDocumentRow } from './rows/foundation';
import type { JobRow, ActivityRow, RecordLinkRow, CommentRow, TaskRow, NotificationRow, CalendarFeedRow } from './rows/interactions';
import type { LeadRow, LeadScoreRuleRow, PipelineRow, PipelineStageRow, DealRow, DealContactRow, DealStageHistoryRow, ProductRow, PriceListRow, ProductPriceRow, CounterRow, QuoteRow, InvoiceRow, QuoteLineRow, InvoiceLineRow, PaymentRow, CommissionRuleRow, QuotaRow } from './rows/sales';
import type { ImportRow, ImportFileRow, ImportFileChunkRow, ImportRowRow, ImportMappingRow, ContactConsentRow, RetentionRuleRow, RetentionRunRow } from './rows/data';

export type * from './rows/foundation';
export type * from './rows/interactions';
export type * from './rows/sales';
export type * from './rows/data';

export type DB = {
  workspaces: WorkspaceRow;
  users: UserRow;
  memberships: MembershipRow;
  sessions: SessionRow;
  invitations: InvitationRow;
  api_keys: ApiKeyRow;
  contacts: ContactRow;
  contact_emails: ContactEmailRow;
  companies: CompanyRow;
  custom_fields: CustomFieldRow;
  saved_views: SavedViewRow;
  events: EventRow;
  search_documents: SearchDocumentRow;
  jobs: JobRow;
  activities: ActivityRow;
  record_links: RecordLinkRow;
  comments: CommentRow;
  tasks: TaskRow;
  notifications: NotificationRow;
  calendar_feeds: CalendarFeedRow;
  leads: LeadRow;
  lead_score_rules: LeadScoreRuleRow;
  pipelines: PipelineRow;
  pipeline_stages: PipelineStageRow;
  deals: DealRow;
  deal_contacts: DealContactRow;
  deal_stage_history: DealStageHistoryRow;
  products: ProductRow;
  price_lists: PriceListRow;
  product_prices: ProductPriceRow;
  counters: CounterRow;
  quotes: QuoteRow;
  quote_lines: QuoteLineRow;
  invoices: InvoiceRow;
  invoice_lines: InvoiceLineRow;
  payments: PaymentRow;
  commission_rules: CommissionRuleRow;
  quotas: QuotaRow;
  imports: ImportRow;
  import_files: ImportFileRow;
  import_file_chunks: ImportFileChunkRow;
  import_rows: ImportRowRow;
  import_mappings: ImportMappingRow;
  contact_consents: ContactConsentRow;
  retention_rules: RetentionRuleRow;
  retention_runs: RetentionRunRow;
};

/** Tables that belong to a workspace: the scoped data layer adds `workspace_id` to every query on them. */
export type TenantTable =
  | 'memberships'
  | 'invitations'
  | 'api_keys'
  | 'contacts'
  | 'contact_emails'
  | 'companies'
  | 'custom_fields'
  | 'saved_views'
  | 'events'
  | 'search_documents'
  | 'jobs'
  | 'activities'
  | 'record_links'
  | 'comments'
  | 'tasks'
  | 'notifications'
  | 'calendar_feeds'
  | 'leads'
  | 'lead_score_rules'
  | 'pipelines'
  | 'pipeline_stages'
  | 'deals'
  | 'deal_contacts'
  | 'deal_stage_history'
  | 'products'
  | 'price_lists'
  | 'product_prices'
  | 'counters'
  | 'quotes'
  | 'quote_lines'
  | 'invoices'
  | 'invoice_lines'
  | 'payments'
  | 'commission_rules'
  | 'quotas'
  | 'imports'
  | 'import_files'
  | 'import_file_chunks'
  | 'import_rows'
  | 'import_mappings'
  | 'contact_consents'
  | 'retention_rules'
  | 'retention_runs';

/**
 * Row types as stored. Timestamps are ISO-8601 UTC strings on both databases, booleans are 0/1,
 * JSON columns are text on SQLite and jsonb on PostgreSQL (read them through `dialect.json`).
 */
type Json = unknown;

export type WorkspaceRow = { id: string; name: string; slug: string; created_at: string; updated_at: string };
export type UserRow = {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
};
export type MembershipRow = { workspace_id: string; user_id: string; role: string; created_at: string };
export type SessionRow = {
  id: string;
  token_hash: string;
  user_id: string;
  workspace_id: string | null;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
};
export type InvitationRow = {
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
};
export type ApiKeyRow = {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};
export type ContactRow = {
  id: string;
  workspace_id: string;
  first_name: string | null;
  last_name: string | null;
  full_name: string;
  title: string | null;
  email: string | null;
  emails: Json;
  phone: string | null;
  phones: Json;
  addresses: Json;
  company_id: string | null;
  owner_id: string | null;
  lifecycle_stage: string | null;
  tags: Json;
  consent_email: number;
  consent_sms: number;
  consent_phone: number;
  birthday: string | null;
  description: string | null;
  custom: Json;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};
export type ContactEmailRow = { workspace_id: string; email: string; contact_id: string };
export type CompanyRow = {
  id: string;
  workspace_id: string;
  name: string;
  domain: string | null;
  website: string | null;
  industry: string | null;
  employees: number | null;
  annual_revenue: number | null;
  phone: string | null;
  phones: Json;
  addresses: Json;
  parent_id: string | null;
  owner_id: string | null;
  lifecycle_stage: string | null;
  tags: Json;
  description: string | null;
  custom: Json;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};
export type CustomFieldRow = {
  id: string;
  workspace_id: string;
  object_type: string;
  key: string;
  label: string;
  type: string;
  options: Json;
  required: number;
  position: number;
  created_at: string;
  updated_at: string;
};
export type SavedViewRow = {
  id: string;
  workspace_id: string;
  object_type: string;
  name: string;
  filter: Json;
  sort: Json;
  columns: Json;
  visibility: string;
  owner_id: string;
  created_at: string;
  updated_at: string;
};
export type EventRow = {
  id: string;
  workspace_id: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  changes: Json;
  created_at: string;
};
export type SearchDocumentRow = {
  rowid?: number;
  workspace_id: string;
  object_type: string;
  record_id: string;
  title: string;
  subtitle: string;
  body: string;
};

// Interactions (migration 20261123140000).
export type JobRow = {
  id: string;
  workspace_id: string | null;
  type: string;
  payload: Json;
  state: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  idempotency_key: string | null;
  locked_by: string | null;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
};
export type ActivityRow = {
  id: string;
  workspace_id: string;
  type: string;
  subject: string | null;
  body: string | null;
  details: Json;
  occurred_at: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
export type RecordLinkRow = { workspace_id: string; source_type: string; source_id: string; object_type: string; object_id: string };
export type CommentRow = {
  id: string;
  workspace_id: string;
  object_type: string;
  object_id: string;
  author_id: string | null;
  body: string;
  mentions: Json;
  created_at: string;
  updated_at: string;
};
export type TaskRow = {
  id: string;
  workspace_id: string;
  title: string;
  description: string | null;
  due_at: string | null;
  reminder_minutes: number | null;
  assignee_id: string | null;
  priority: string;
  status: string;
  recurrence: string | null;
  completed_at: string | null;
  reminder_job_id: string | null;
  previous_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
export type NotificationRow = {
  id: string;
  workspace_id: string;
  user_id: string;
  type: string;
  title: string;
  object_type: string | null;
  object_id: string | null;
  actor_id: string | null;
  read_at: string | null;
  created_at: string;
};
export type CalendarFeedRow = { workspace_id: string; user_id: string; token_hash: string; created_at: string };

// Sales (migration 20261123150000). Money columns are integer minor units; *_milli columns are
// decimals scaled by 1,000.
type Meta = { version: number; created_by: string | null; created_at: string; updated_at: string; deleted_at: string | null };
export type LeadRow = Meta & {
  id: string;
  workspace_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company_name: string | null;
  title: string | null;
  source: string | null;
  status: string;
  owner_id: string | null;
  score: number;
  tags: Json;
  description: string | null;
  custom: Json;
  converted_at: string | null;
  converted_contact_id: string | null;
  converted_company_id: string | null;
  converted_deal_id: string | null;
};
export type LeadScoreRuleRow = {
  id: string;
  workspace_id: string;
  name: string;
  kind: string;
  filter: Json;
  activity_type: string | null;
  points: number;
  position: number;
  created_at: string;
  updated_at: string;
};
export type PipelineRow = { id: string; workspace_id: string; name: string; position: number; is_default: number; created_at: string; updated_at: string };
export type PipelineStageRow = {
  id: string;
  workspace_id: string;
  pipeline_id: string;
  name: string;
  probability: number;
  kind: string;
  position: number;
  created_at: string;
  updated_at: string;
};
export type DealRow = Meta & {
  id: string;
  workspace_id: string;
  name: string;
  amount: number;
  currency: string;
  close_date: string | null;
  closed_at: string | null;
  pipeline_id: string;
  stage_id: string;
  position: number;
  owner_id: string | null;
  company_id: string | null;
  contact_ids: Json;
  lead_id: string | null;
  lost_reason: string | null;
  tags: Json;
  description: string | null;
  custom: Json;
};
export type DealContactRow = { workspace_id: string; deal_id: string; contact_id: string };
export type DealStageHistoryRow = { id: string; workspace_id: string; deal_id: string; pipeline_id: string; stage_id: string; entered_at: string; left_at: string | null };
export type ProductRow = {
  id: string;
  workspace_id: string;
  sku: string;
  name: string;
  description: string | null;
  tax_rate_milli: number;
  active: number;
  created_at: string;
  updated_at: string;
};
export type PriceListRow = { id: string; workspace_id: string; name: string; currency: string; is_default: number; created_at: string; updated_at: string };
export type ProductPriceRow = { workspace_id: string; product_id: string; price_list_id: string; unit_price: number };
export type CounterRow = { workspace_id: string; name: string; value: number };
type TotalsCols = { subtotal: number; discount_total: number; net_total: number; tax_total: number; total: number };
export type QuoteRow = TotalsCols & {
  id: string;
  workspace_id: string;
  number: number;
  title: string;
  status: string;
  deal_id: string | null;
  contact_id: string | null;
  company_id: string | null;
  owner_id: string | null;
  price_list_id: string | null;
  currency: string;
  valid_until: string | null;
  notes: string | null;
  invoice_id: string | null;
  sent_at: string | null;
  accepted_at: string | null;
  rejected_at: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
export type InvoiceRow = TotalsCols & {
  id: string;
  workspace_id: string;
  number: number;
  quote_id: string | null;
  deal_id: string | null;
  contact_id: string | null;
  company_id: string | null;
  owner_id: string | null;
  currency: string;
  issue_date: string;
  due_date: string;
  paid: number;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
export type LineCols = {
  id: string;
  workspace_id: string;
  position: number;
  product_id: string | null;
  description: string;
  quantity_milli: number;
  unit_price: number;
  discount_percent_milli: number | null;
  discount_amount: number | null;
  tax_rate_milli: number;
  gross: number;
  discount: number;
  net: number;
  tax: number;
  total: number;
};
export type QuoteLineRow = LineCols & { quote_id: string };
export type InvoiceLineRow = LineCols & { invoice_id: string };
export type PaymentRow = {
  id: string;
  workspace_id: string;
  invoice_id: string;
  amount: number;
  paid_on: string;
  method: string;
  reference: string | null;
  created_by: string | null;
  created_at: string;
};
export type CommissionRuleRow = {
  id: string;
  workspace_id: string;
  name: string;
  user_id: string | null;
  role: string | null;
  basis: string;
  rate_milli: number;
  created_at: string;
  updated_at: string;
};
export type QuotaRow = { id: string; workspace_id: string; user_id: string; period: string; currency: string; amount: number; created_at: string; updated_at: string };

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

export type ImportRow = {
  id: string;
  workspace_id: string;
  object_type: string;
  status: string;
  file_name: string | null;
  options: Json;
  rows_total: number | null;
  rows_done: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  error_count: number;
  failure: string | null;
  job_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
export type ImportFileRow = { import_id: string; workspace_id: string; content: Buffer };
export type ImportFileChunkRow = { import_id: string; workspace_id: string; seq: number; content: Buffer };
export type ImportRowRow = {
  workspace_id: string;
  import_id: string;
  row_no: number;
  outcome: string;
  record_id: string | null;
  before: Json | null;
  raw: Json | null;
  message: string | null;
};
export type ImportMappingRow = { workspace_id: string; object_type: string; name: string; mapping: Json; updated_at: string };

export type ContactConsentRow = {
  id: string;
  workspace_id: string;
  contact_id: string;
  purpose: string;
  status: string;
  legal_basis: string;
  source: string;
  proof: string | null;
  recorded_at: string;
  recorded_by: string | null;
  created_at: string;
};
export type RetentionRuleRow = {
  id: string;
  workspace_id: string;
  name: string;
  object_type: string;
  untouched_months: number;
  filter: Json | null;
  action: string;
  enabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
export type RetentionRunRow = {
  id: string;
  workspace_id: string;
  rule_id: string;
  trigger: string;
  status: string;
  cutoff: string;
  matched: number;
  affected: number;
  error: string | null;
  job_id: string | null;
  started_at: string;
  finished_at: string | null;
};

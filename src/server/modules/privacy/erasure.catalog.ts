import type { TenantTable } from '../../db/schema';

/**
 * Every column of a workspace table that may hold free text about a person, read from the
 * migrations. `key` identifies a row; `json` columns are walked value by value. A table added
 * later that stores people's words belongs here, or the erasure test's scan fails.
 */
export type ScrubTable = {
  table: TenantTable;
  key: string[];
  text: string[];
  json: string[];
  /** Another record's own name: someone else may share the person's name, so it is kept there. */
  names?: string[];
};

export const SCRUB_TABLES: ScrubTable[] = [
  { table: 'contacts', key: ['id'], text: ['first_name', 'last_name', 'full_name', 'title', 'email', 'phone', 'birthday', 'description'], json: ['emails', 'phones', 'addresses', 'tags', 'custom'], names: ['first_name', 'last_name', 'full_name'] },
  { table: 'companies', key: ['id'], text: ['name', 'domain', 'website', 'industry', 'phone', 'description'], json: ['phones', 'addresses', 'tags', 'custom'], names: ['name'] },
  { table: 'leads', key: ['id'], text: ['name', 'email', 'phone', 'company_name', 'title', 'source', 'description'], json: ['tags', 'custom'], names: ['name'] },
  { table: 'deals', key: ['id'], text: ['name', 'lost_reason', 'description'], json: ['tags', 'custom'] },
  { table: 'activities', key: ['id'], text: ['subject', 'body'], json: ['details'] },
  { table: 'comments', key: ['id'], text: ['body'], json: [] },
  { table: 'tasks', key: ['id'], text: ['title', 'description'], json: [] },
  { table: 'notifications', key: ['id'], text: ['title'], json: [] },
  { table: 'events', key: ['id'], text: [], json: ['changes'] },
  { table: 'search_documents', key: ['record_id'], text: ['title', 'subtitle', 'body'], json: [], names: ['title'] },
  { table: 'quotes', key: ['id'], text: ['title', 'notes'], json: [] },
  { table: 'quote_lines', key: ['id'], text: ['description'], json: [] },
  { table: 'invoices', key: ['id'], text: ['notes'], json: [] },
  { table: 'invoice_lines', key: ['id'], text: ['description'], json: [] },
  { table: 'payments', key: ['id'], text: ['reference'], json: [] },
  { table: 'saved_views', key: ['id'], text: ['name'], json: ['filter'] },
  { table: 'lead_score_rules', key: ['id'], text: ['name'], json: ['filter'] },
  { table: 'retention_rules', key: ['id'], text: ['name'], json: ['filter'] },
  { table: 'retention_runs', key: ['id'], text: ['error'], json: [] },
  { table: 'jobs', key: ['id'], text: ['last_error'], json: ['payload'] },
  { table: 'imports', key: ['id'], text: ['file_name', 'failure'], json: ['options'] },
  { table: 'import_rows', key: ['import_id', 'row_no'], text: ['message'], json: ['before', 'raw'] },
  { table: 'contact_consents', key: ['id'], text: ['source', 'proof'], json: [] },
];

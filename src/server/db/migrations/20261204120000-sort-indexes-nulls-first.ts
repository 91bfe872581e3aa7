import type { Kysely } from 'kysely';
import { ciIndex, isPostgres, sortIndex } from './migration-kit';

// Lists order by `col asc nulls first` (or `desc nulls last`) on both databases, but the
// PostgreSQL indexes were built NULLS LAST: no sorted list could read them in order, so a page
// of contacts sorted by last name read and sorted every match (160 ms at a million contacts
// instead of 9 ms). SQLite already orders NULLs first and keeps its indexes.
const LIVE = 'deleted_at is null';
const INDEXES: [name: string, table: string, column: string, where?: string][] = [
  ['contacts_ws_last_name', 'contacts', 'last_name:ci', LIVE],
  ['contacts_ws_first_name', 'contacts', 'first_name:ci', LIVE],
  ['contacts_ws_full_name', 'contacts', 'full_name:ci', LIVE],
  ['contacts_ws_email', 'contacts', 'email:ci', LIVE],
  ['contacts_ws_company', 'contacts', 'company_id'],
  ['contacts_ws_owner', 'contacts', 'owner_id', LIVE],
  ['contacts_ws_stage', 'contacts', 'lifecycle_stage', LIVE],
  ['contacts_ws_updated', 'contacts', 'updated_at', LIVE],
  ['companies_ws_name', 'companies', 'name:ci', LIVE],
  ['companies_ws_owner', 'companies', 'owner_id', LIVE],
  ['companies_ws_updated', 'companies', 'updated_at', LIVE],
  ['deals_ws_name', 'deals', 'name:ci', LIVE],
  ['deals_ws_close', 'deals', 'close_date', LIVE],
  ['deals_ws_owner', 'deals', 'owner_id', LIVE],
  ['deals_ws_updated', 'deals', 'updated_at', LIVE],
  ['leads_ws_name', 'leads', 'name:ci', LIVE],
  ['leads_ws_email', 'leads', 'email:ci', LIVE],
  ['leads_ws_owner', 'leads', 'owner_id', LIVE],
  ['leads_ws_score', 'leads', 'score', LIVE],
  ['leads_ws_status', 'leads', 'status', LIVE],
  ['leads_ws_updated', 'leads', 'updated_at', LIVE],
  ['products_ws_name', 'products', 'name:ci'],
];

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [name, table, column, where] of INDEXES) {
    await db.schema.dropIndex(name).execute();
    await sortIndex(db, name, table, column, where);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [name, table, column, where] of INDEXES) {
    await db.schema.dropIndex(name).execute();
    await ciIndex(db, name, table, ['workspace_id', column, 'id'], where);
  }
}

import { type Kysely, sql } from 'kysely';
import { ciIndex, ciText, idType, jsonType } from './migration-kit';

// Sales (C4): leads and score rules, pipelines and stages, deals with contacts and stage history,
// products and price lists, quotes and invoices with lines, payments, gapless counters,
// commission rules and quotas. Money is integer minor units (bigint); quantities and
// percentages are integers scaled by 1,000 (0.333 → 333, 19% → 19000).
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db);
  const json = jsonType(db);
  const ci = ciText(db);
  const workspace = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');
  const live = 'deleted_at is null';
  const money = (c: any) => c.notNull().defaultTo(0);

  await db.schema
    .createTable('leads')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('name', ci, (c) => c.notNull())
    .addColumn('email', ci)
    .addColumn('phone', 'text')
    .addColumn('company_name', ci)
    .addColumn('title', ci)
    .addColumn('source', ci)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', id)
    .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tags', json, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('custom', json, (c) => c.notNull())
    .addColumn('converted_at', 'text')
    .addColumn('converted_contact_id', id)
    .addColumn('converted_company_id', id)
    .addColumn('converted_deal_id', id)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await ciIndex(db, 'leads_ws_id', 'leads', ['workspace_id', 'id'], live);
  await ciIndex(db, 'leads_ws_name', 'leads', ['workspace_id', 'name:ci', 'id'], live);
  await ciIndex(db, 'leads_ws_email', 'leads', ['workspace_id', 'email:ci', 'id'], live);
  await ciIndex(db, 'leads_ws_status', 'leads', ['workspace_id', 'status', 'id'], live);
  await ciIndex(db, 'leads_ws_owner', 'leads', ['workspace_id', 'owner_id', 'id'], live);
  await ciIndex(db, 'leads_ws_score', 'leads', ['workspace_id', 'score', 'id'], live);
  await ciIndex(db, 'leads_ws_updated', 'leads', ['workspace_id', 'updated_at', 'id'], live);
  await ciIndex(db, 'leads_ws_trash', 'leads', ['workspace_id', 'deleted_at']);
  await ciIndex(db, 'leads_ws_contact', 'leads', ['workspace_id', 'converted_contact_id']);
  await ciIndex(db, 'leads_ws_company', 'leads', ['workspace_id', 'converted_company_id']);

  await db.schema
    .createTable('lead_score_rules')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filter', json)
    .addColumn('activity_type', 'text')
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lead_score_rules_ws').on('lead_score_rules').columns(['workspace_id', 'position']).execute();

  await db.schema
    .createTable('pipelines')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One default per workspace, even when two first requests create it at the same moment.
  await sql`create unique index pipelines_one_default on pipelines (workspace_id) where is_default = 1`.execute(db);

  await db.schema
    .createTable('pipeline_stages')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('pipeline_id', id, (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('probability', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pipeline_stages_pipeline').on('pipeline_stages').columns(['workspace_id', 'pipeline_id', 'position']).execute();

  await db.schema
    .createTable('deals')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('name', ci, (c) => c.notNull())
    .addColumn('amount', 'bigint', money)
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('close_date', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('pipeline_id', id, (c) => c.notNull())
    .addColumn('stage_id', id, (c) => c.notNull())
    .addColumn('position', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('owner_id', id)
    .addColumn('company_id', id)
    .addColumn('contact_ids', json, (c) => c.notNull())
    .addColumn('lead_id', id)
    .addColumn('lost_reason', 'text')
    .addColumn('tags', json, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('custom', json, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await ciIndex(db, 'deals_ws_id', 'deals', ['workspace_id', 'id'], live);
  await ciIndex(db, 'deals_ws_name', 'deals', ['workspace_id', 'name:ci', 'id'], live);
  await ciIndex(db, 'deals_ws_board', 'deals', ['workspace_id', 'stage_id', 'position', 'id'], live);
  await ciIndex(db, 'deals_ws_owner', 'deals', ['workspace_id', 'owner_id', 'id'], live);
  await ciIndex(db, 'deals_ws_close', 'deals', ['workspace_id', 'close_date', 'id'], live);
  await ciIndex(db, 'deals_ws_company', 'deals', ['workspace_id', 'company_id']);
  await ciIndex(db, 'deals_ws_updated', 'deals', ['workspace_id', 'updated_at', 'id'], live);
  await ciIndex(db, 'deals_ws_trash', 'deals', ['workspace_id', 'deleted_at']);

  await db.schema
    .createTable('deal_contacts')
    .addColumn('workspace_id', id, workspace)
    .addColumn('deal_id', id, (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('contact_id', id, (c) => c.notNull())
    .addPrimaryKeyConstraint('deal_contacts_pk', ['workspace_id', 'deal_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('deal_contacts_contact').on('deal_contacts').columns(['workspace_id', 'contact_id']).execute();

  // One row per visit of a stage; moving on closes the open interval (left_at).
  await db.schema
    .createTable('deal_stage_history')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('deal_id', id, (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('pipeline_id', id, (c) => c.notNull())
    .addColumn('stage_id', id, (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .execute();
  await db.schema.createIndex('deal_stage_history_deal').on('deal_stage_history').columns(['workspace_id', 'deal_id', 'entered_at']).execute();

  await db.schema
    .createTable('products')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('sku', ci, (c) => c.notNull())
    .addColumn('name', ci, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('tax_rate_milli', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index products_ws_sku on products (workspace_id, lower(sku))`.execute(db);
  await ciIndex(db, 'products_ws_name', 'products', ['workspace_id', 'name:ci', 'id']);

  await db.schema
    .createTable('price_lists')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('product_prices')
    .addColumn('workspace_id', id, workspace)
    .addColumn('product_id', id, (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('price_list_id', id, (c) => c.notNull().references('price_lists.id').onDelete('cascade'))
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_prices_pk', ['workspace_id', 'product_id', 'price_list_id'])
    .execute();

  // Gapless numbering: the next number is taken by updating this row inside the transaction
  // that uses it, so a rollback gives it back and concurrent writers queue on the row lock.
  await db.schema
    .createTable('counters')
    .addColumn('workspace_id', id, workspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['workspace_id', 'name'])
    .execute();

  const totals = (t: any) =>
    t
      .addColumn('subtotal', 'bigint', money)
      .addColumn('discount_total', 'bigint', money)
      .addColumn('net_total', 'bigint', money)
      .addColumn('tax_total', 'bigint', money)
      .addColumn('total', 'bigint', money);

  await totals(
    db.schema
      .createTable('quotes')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('workspace_id', id, workspace)
      .addColumn('number', 'bigint', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('deal_id', id)
      .addColumn('contact_id', id)
      .addColumn('company_id', id)
      .addColumn('owner_id', id)
      .addColumn('price_list_id', id)
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text')
      .addColumn('notes', 'text'),
  )
    .addColumn('invoice_id', id)
    .addColumn('sent_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('rejected_at', 'text')
    .addColumn('version', 'integer', (c: any) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('quotes_ws_number').on('quotes').columns(['workspace_id', 'number']).unique().execute();
  await db.schema.createIndex('quotes_ws_deal').on('quotes').columns(['workspace_id', 'deal_id']).execute();

  await totals(
    db.schema
      .createTable('invoices')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('workspace_id', id, workspace)
      .addColumn('number', 'bigint', (c) => c.notNull())
      .addColumn('quote_id', id)
      .addColumn('deal_id', id)
      .addColumn('contact_id', id)
      .addColumn('company_id', id)
      .addColumn('owner_id', id)
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('issue_date', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull()),
  )
    .addColumn('paid', 'bigint', money)
    .addColumn('notes', 'text')
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('invoices_ws_number').on('invoices').columns(['workspace_id', 'number']).unique().execute();
  await db.schema.createIndex('invoices_ws_quote').on('invoices').columns(['workspace_id', 'quote_id']).unique().execute();
  await db.schema.createIndex('invoices_ws_contact').on('invoices').columns(['workspace_id', 'contact_id']).execute();
  await db.schema.createIndex('invoices_ws_company').on('invoices').columns(['workspace_id', 'company_id']).execute();

  for (const [table, parent, parentTable] of [
    ['quote_lines', 'quote_id', 'quotes'],
    ['invoice_lines', 'invoice_id', 'invoices'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('workspace_id', id, workspace)
      .addColumn(parent, id, (c) => c.notNull().references(`${parentTable}.id`).onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('product_id', id)
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('quantity_milli', 'bigint', (c) => c.notNull())
      .addColumn('unit_price', 'bigint', (c) => c.notNull())
      .addColumn('discount_percent_milli', 'integer')
      .addColumn('discount_amount', 'bigint')
      .addColumn('tax_rate_milli', 'integer', (c) => c.notNull())
      .addColumn('gross', 'bigint', (c) => c.notNull())
      .addColumn('discount', 'bigint', (c) => c.notNull())
      .addColumn('net', 'bigint', (c) => c.notNull())
      .addColumn('tax', 'bigint', (c) => c.notNull())
      .addColumn('total', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_parent`).on(table).columns(['workspace_id', parent, 'position']).execute();
  }

  await db.schema
    .createTable('payments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('invoice_id', id, (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_invoice').on('payments').columns(['workspace_id', 'invoice_id']).execute();
  await db.schema.createIndex('payments_ws_date').on('payments').columns(['workspace_id', 'paid_on']).execute();

  await db.schema
    .createTable('commission_rules')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('user_id', id)
    .addColumn('role', 'text')
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('rate_milli', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index commission_rules_user on commission_rules (workspace_id, basis, user_id) where user_id is not null`.execute(db);
  await sql`create unique index commission_rules_role on commission_rules (workspace_id, basis, role) where role is not null`.execute(db);

  await db.schema
    .createTable('quotas')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('user_id', id, (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('quotas_key', ['workspace_id', 'user_id', 'period', 'currency'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'quotas',
    'commission_rules',
    'payments',
    'invoice_lines',
    'quote_lines',
    'invoices',
    'quotes',
    'counters',
    'product_prices',
    'price_lists',
    'products',
    'deal_stage_history',
    'deal_contacts',
    'deals',
    'pipeline_stages',
    'pipelines',
    'lead_score_rules',
    'leads',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

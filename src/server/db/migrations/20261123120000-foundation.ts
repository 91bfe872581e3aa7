import { type Kysely, sql } from 'kysely';
import { ciIndex, ciText, idType, isPostgres, jsonType } from './migration-kit';

export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db);
  const json = jsonType(db);
  const ci = ciText(db);

  await db.schema
    .createTable('workspaces')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', id, (c) => c.references('workspaces.id').onDelete('set null'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', id, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .execute();
  await db.schema.createIndex('invitations_workspace').on('invitations').columns(['workspace_id', 'email']).execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_keys_workspace').on('api_keys').columns(['workspace_id', 'id']).execute();

  await db.schema
    .createTable('companies')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', ci, (c) => c.notNull())
    .addColumn('domain', ci)
    .addColumn('website', 'text')
    .addColumn('industry', ci)
    .addColumn('employees', 'integer')
    .addColumn('annual_revenue', 'double precision')
    .addColumn('phone', 'text')
    .addColumn('phones', json, (c) => c.notNull())
    .addColumn('addresses', json, (c) => c.notNull())
    .addColumn('parent_id', id)
    .addColumn('owner_id', id)
    .addColumn('lifecycle_stage', 'text')
    .addColumn('tags', json, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('custom', json, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  const live = 'deleted_at is null';
  await ciIndex(db, 'companies_ws_id', 'companies', ['workspace_id', 'id'], live);
  await ciIndex(db, 'companies_ws_name', 'companies', ['workspace_id', 'name:ci', 'id'], live);
  await ciIndex(db, 'companies_ws_domain', 'companies', ['workspace_id', 'domain:ci'], live);
  await ciIndex(db, 'companies_ws_parent', 'companies', ['workspace_id', 'parent_id']);
  await ciIndex(db, 'companies_ws_owner', 'companies', ['workspace_id', 'owner_id', 'id'], live);
  await ciIndex(db, 'companies_ws_updated', 'companies', ['workspace_id', 'updated_at', 'id'], live);
  await ciIndex(db, 'companies_ws_trash', 'companies', ['workspace_id', 'deleted_at']);

  await db.schema
    .createTable('contacts')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('first_name', ci)
    .addColumn('last_name', ci)
    .addColumn('full_name', ci, (c) => c.notNull())
    .addColumn('title', ci)
    .addColumn('email', ci)
    .addColumn('emails', json, (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('phones', json, (c) => c.notNull())
    .addColumn('addresses', json, (c) => c.notNull())
    .addColumn('company_id', id)
    .addColumn('owner_id', id)
    .addColumn('lifecycle_stage', 'text')
    .addColumn('tags', json, (c) => c.notNull())
    .addColumn('consent_email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_sms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_phone', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('birthday', 'text')
    .addColumn('description', 'text')
    .addColumn('custom', json, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await ciIndex(db, 'contacts_ws_id', 'contacts', ['workspace_id', 'id'], live);
  await ciIndex(db, 'contacts_ws_last_name', 'contacts', ['workspace_id', 'last_name:ci', 'id'], live);
  await ciIndex(db, 'contacts_ws_first_name', 'contacts', ['workspace_id', 'first_name:ci', 'id'], live);
  await ciIndex(db, 'contacts_ws_full_name', 'contacts', ['workspace_id', 'full_name:ci', 'id'], live);
  await ciIndex(db, 'contacts_ws_email', 'contacts', ['workspace_id', 'email:ci', 'id'], live);
  await ciIndex(db, 'contacts_ws_company', 'contacts', ['workspace_id', 'company_id', 'id']);
  await ciIndex(db, 'contacts_ws_owner', 'contacts', ['workspace_id', 'owner_id', 'id'], live);
  await ciIndex(db, 'contacts_ws_stage', 'contacts', ['workspace_id', 'lifecycle_stage', 'id'], live);
  await ciIndex(db, 'contacts_ws_updated', 'contacts', ['workspace_id', 'updated_at', 'id'], live);
  await ciIndex(db, 'contacts_ws_trash', 'contacts', ['workspace_id', 'deleted_at']);

  // One row per email address of a contact: the unique key makes a duplicate impossible even
  // when two requests race.
  await db.schema
    .createTable('contact_emails')
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('contact_id', id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('contact_emails_pk', ['workspace_id', 'email'])
    .execute();
  await db.schema.createIndex('contact_emails_contact').on('contact_emails').column('contact_id').execute();

  await db.schema
    .createTable('custom_fields')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('options', json, (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('custom_fields_key', ['workspace_id', 'object_type', 'key'])
    .execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filter', json)
    .addColumn('sort', json, (c) => c.notNull())
    .addColumn('columns', json, (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('owner_id', id, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_views_ws').on('saved_views').columns(['workspace_id', 'object_type']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', id)
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', id, (c) => c.notNull())
    .addColumn('changes', json, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_ws_id').on('events').columns(['workspace_id', 'id']).execute();
  await db.schema.createIndex('events_ws_object').on('events').columns(['workspace_id', 'object_id', 'id']).execute();

  if (isPostgres(db)) {
    await sql`create table search_documents (
      record_id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      object_type text not null,
      title text not null,
      subtitle text not null,
      body text not null,
      tsv tsvector generated always as (
        setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')
      ) stored
    )`.execute(db);
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
    await sql`create index search_documents_ws on search_documents (workspace_id)`.execute(db);
  } else {
    await sql`create table search_documents (
      rowid integer primary key,
      record_id text not null unique,
      workspace_id text not null references workspaces(id) on delete cascade,
      object_type text not null,
      title text not null,
      subtitle text not null,
      body text not null
    )`.execute(db);
    // External-content FTS5 index kept in step by triggers, so writers touch only the base table.
    await sql`create virtual table search_fts using fts5(
      title, body, content='search_documents', content_rowid='rowid',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, title, body) values (new.rowid, new.title, new.body);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.rowid, old.title, old.body);
    end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.rowid, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.rowid, new.title, new.body);
    end`.execute(db);
    await sql`create index search_documents_ws on search_documents (workspace_id)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists search_fts`.execute(db);
  for (const t of [
    'search_documents',
    'events',
    'saved_views',
    'custom_fields',
    'contact_emails',
    'contacts',
    'companies',
    'api_keys',
    'invitations',
    'sessions',
    'memberships',
    'users',
    'workspaces',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

// Foundation (migration 20261123120000): workspaces, people, contacts, companies, fields, views, events, search.
/** A JSON column: text on SQLite, jsonb on PostgreSQL; read it through `dialect.json`. */
export type Json = unknown;

/** The columns every record table (contacts, companies, leads, deals) has besides its own. */
export type RecordColumns = {
  id: string;
  workspace_id: string;
  tags: Json;
  description: string | null;
  custom: Json;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

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
export type ContactRow = RecordColumns & {
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
  consent_email: number;
  consent_sms: number;
  consent_phone: number;
  birthday: string | null;
};
export type ContactEmailRow = { workspace_id: string; email: string; contact_id: string };
export type CompanyRow = RecordColumns & {
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

// Data in and out (migrations 20261123160000, 20261123180000, 20261123190000, 20261123230000): imports and privacy.
import type { Json } from './foundation';

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
  /** Companies a contacts import created for the names its rows gave (not rows of the file). */
  companies_created_count: number;
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

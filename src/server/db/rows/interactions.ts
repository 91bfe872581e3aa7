import type { Json } from './foundation';

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

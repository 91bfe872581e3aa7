import type { Kysely } from 'kysely';
import { idType, jsonType } from './migration-kit';

// Interactions: the job queue, activities and their links to records, comments, tasks,
// notifications and calendar feeds. Timestamps are ISO-8601 UTC text, as everywhere.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db);
  const json = jsonType(db);
  const workspace = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');

  // A job without a workspace is the system's own (recurring maintenance).
  await db.schema
    .createTable('jobs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, (c) => c.references('workspaces.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', json, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // Several nulls are allowed on both databases; a key given twice inserts once.
  await db.schema.createIndex('jobs_idempotency').on('jobs').column('idempotency_key').unique().execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  await db.schema.createIndex('jobs_ws_state').on('jobs').columns(['workspace_id', 'state', 'id']).execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text')
    .addColumn('details', json, (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activities_ws_type').on('activities').columns(['workspace_id', 'type', 'occurred_at']).execute();

  // Which records an activity or task is about; any kind of record (deals, tickets later).
  await db.schema
    .createTable('record_links')
    .addColumn('workspace_id', id, workspace)
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', id, (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', id, (c) => c.notNull())
    .addPrimaryKeyConstraint('record_links_pk', ['workspace_id', 'source_type', 'source_id', 'object_type', 'object_id'])
    .execute();
  await db.schema.createIndex('record_links_object').on('record_links').columns(['workspace_id', 'object_type', 'object_id', 'source_type']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', id, (c) => c.notNull())
    .addColumn('author_id', id)
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', json, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_object').on('comments').columns(['workspace_id', 'object_type', 'object_id', 'created_at']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('due_at', 'text')
    .addColumn('reminder_minutes', 'integer')
    .addColumn('assignee_id', id)
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recurrence', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('reminder_job_id', id)
    .addColumn('previous_id', id)
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_assignee').on('tasks').columns(['workspace_id', 'assignee_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tasks_status').on('tasks').columns(['workspace_id', 'status', 'due_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('workspace_id', id, workspace)
    .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', id)
    .addColumn('actor_id', id)
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['workspace_id', 'user_id', 'id']).execute();
  await db.schema.createIndex('notifications_unread').on('notifications').columns(['workspace_id', 'user_id', 'read_at']).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('workspace_id', id, workspace)
    .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_feeds_pk', ['workspace_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['calendar_feeds', 'notifications', 'tasks', 'comments', 'record_links', 'activities', 'jobs']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

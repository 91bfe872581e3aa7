import type { Kysely } from 'kysely';
import type { ActivityRow, DB } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export async function replaceFeed(tx: WorkspaceDb, userId: string, tokenHash: string, at: string): Promise<void> {
  await tx.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await tx.insertInto('calendar_feeds', { user_id: userId, token_hash: tokenHash, created_at: at }).execute();
}

export const deleteFeed = (db: WorkspaceDb, userId: string) => db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();

export const findFeed = (db: WorkspaceDb, userId: string) => db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', userId).executeTakeFirst();

/** The feed a secret URL belongs to, across workspaces (the token names its workspace), with its owner still a member. */
export const findFeedByHash = (db: Kysely<DB>, tokenHash: string) =>
  db
    .selectFrom('calendar_feeds')
    .innerJoin('memberships', (j) => j.onRef('memberships.workspace_id', '=', 'calendar_feeds.workspace_id').onRef('memberships.user_id', '=', 'calendar_feeds.user_id'))
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['calendar_feeds.workspace_id', 'calendar_feeds.user_id', 'users.name', 'users.email'])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .executeTakeFirst();

/** Meetings that start within a window. */
export const meetingsBetween = (db: WorkspaceDb, from: string, to: string, limit: number) =>
  db
    .selectFrom('activities')
    .selectAll()
    .where('type', '=', 'meeting')
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .orderBy('occurred_at')
    .limit(limit)
    .execute() as Promise<ActivityRow[]>;

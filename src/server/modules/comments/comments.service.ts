import { type Comment, type CommentCreate, type CommentQuery, MENTION_PATTERN } from '../../../contract/comments';
import { can } from '../../../contract/roles';
import type { CommentRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { recordEvents } from '../../platform/events/events.repository';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { htmlToText, sanitizeRichText } from '../../platform/html/sanitize';
import { isId, newId } from '../../platform/ids';
import { recordExists } from '../../platform/links/links.repository';
import { memberIds } from '../../platform/records/references.repository';
import type { Notify } from '../notifications/notifications.service';
import * as repo from './comments.repository';

export const toComment = (db: WorkspaceDb, r: CommentRow): Comment => ({
  id: r.id,
  objectType: r.object_type,
  objectId: r.object_id,
  authorId: r.author_id,
  body: r.body,
  mentions: db.dialect.json.read<string[]>(r.mentions, []),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The user ids mentioned with `@[Name](user:<id>)`, each once. */
export const mentionedIds = (body: string): string[] => [...new Set([...body.matchAll(new RegExp(MENTION_PATTERN))].map((m) => m[2].toLowerCase()))];

export function createCommentsService(scoped: (ctx: Ctx) => WorkspaceDb, notify: Notify, clock: Clock) {
  /** Sanitises the body and checks that every mention is a member of the workspace. */
  async function prepare(db: WorkspaceDb, raw: string) {
    const body = sanitizeRichText(raw);
    if (!htmlToText(body)) throw invalid('body', 'is empty once unsafe markup is removed');
    const mentions = mentionedIds(body);
    const members = await memberIds(db, mentions);
    const stranger = mentions.find((id) => !members.has(id));
    if (stranger) throw invalid('body', `mentions ${stranger}, who is not a member of this workspace`);
    return { body, mentions };
  }

  async function notifyMentions(tx: WorkspaceDb, ctx: Ctx, comment: { objectType: string; objectId: string }, userIds: string[]) {
    const targets = userIds.filter((id) => id !== ctx.userId);
    if (targets.length === 0) return;
    const [names, title] = await Promise.all([repo.memberNames(tx, ctx.userId ? [ctx.userId] : []), repo.recordTitle(tx, comment.objectType, comment.objectId)]);
    const who = (ctx.userId && names.get(ctx.userId)) || 'Someone';
    await notify(
      tx,
      targets.map((userId) => ({
        userId,
        type: 'mention',
        title: `${who} mentioned you${title ? ` on ${title}` : ''}`,
        objectType: comment.objectType,
        objectId: comment.objectId,
        actorId: ctx.userId,
      })),
    );
  }

  async function load(db: WorkspaceDb, id: string): Promise<CommentRow> {
    const row = isId(id) ? await repo.findComment(db, id) : undefined;
    if (!row) throw notFound('Comment');
    return row;
  }

  return {
    async list(ctx: Ctx, q: CommentQuery) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const before = q.cursor ? await repo.findComment(db, q.cursor) : undefined;
      if (q.cursor && !before) throw new AppError('invalid_cursor', 'cursor: start again without it', { field: 'cursor' });
      const rows = await repo.commentsOn(db, { ...q, before: before && { at: before.created_at, id: before.id }, limit: q.limit + 1 });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      return { data: page.map((r) => toComment(db, r)), nextCursor: more ? page[page.length - 1].id : null };
    },

    async create(ctx: Ctx, input: CommentCreate): Promise<Comment> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      if (!(await recordExists(db, input.objectType, input.objectId))) throw invalid('objectId', `no such record in ${input.objectType}`);
      const { body, mentions } = await prepare(db, input.body);
      const at = clock.now().toISOString();
      const row: CommentRow = {
        id: newId(),
        workspace_id: ctx.workspaceId,
        object_type: input.objectType,
        object_id: input.objectId,
        author_id: ctx.userId,
        body,
        mentions: db.dialect.json.write(mentions),
        created_at: at,
        updated_at: at,
      };
      await db.transaction(async (tx) => {
        const { workspace_id: _ws, ...values } = row;
        await repo.insertComment(tx, values);
        await recordEvents(tx, ctx, [
          { action: 'created', objectType: 'comment', objectId: row.id, changes: { objectId: { before: null, after: row.object_id }, body: { before: null, after: body } } },
        ]);
        await notifyMentions(tx, ctx, input, mentions);
      });
      return toComment(db, row);
    },

    /** Only the author edits a comment; people newly mentioned are notified. */
    async update(ctx: Ctx, id: string, input: { body: string }): Promise<Comment> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      const row = await load(db, id);
      if (!ctx.userId || row.author_id !== ctx.userId) throw forbidden('Only its author can edit a comment');
      const { body, mentions } = await prepare(db, input.body);
      const before = db.dialect.json.read<string[]>(row.mentions, []);
      const at = clock.now().toISOString();
      await db.transaction(async (tx) => {
        await repo.updateCommentBody(tx, id, { body, mentions: tx.dialect.json.write(mentions), updated_at: at });
        await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'comment', objectId: id, changes: { body: { before: row.body, after: body } } }]);
        await notifyMentions(tx, ctx, { objectType: row.object_type, objectId: row.object_id }, mentions.filter((m) => !before.includes(m)));
      });
      return toComment(db, { ...row, body, mentions: db.dialect.json.write(mentions), updated_at: at });
    },

    /** The author, or an admin, deletes a comment. */
    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'records:write');
      const db = scoped(ctx);
      const row = await load(db, id);
      if (row.author_id !== ctx.userId && !can(ctx.role, 'workspace:manage')) throw forbidden('Only its author or an admin can delete a comment');
      await db.transaction(async (tx) => {
        await repo.deleteComment(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'comment', objectId: id, changes: { body: { before: row.body, after: null } } }]);
      });
    },
  };
}
export type CommentsService = ReturnType<typeof createCommentsService>;

import { Type } from '@sinclair/typebox';
import { Comment, CommentCreate, CommentQuery, CommentUpdate } from '../../../contract/comments';
import { IdParams, Nullable } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { CommentsService } from './comments.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Comments'];

export function registerCommentRoutes(app: App, comments: CommentsService) {
  app.get(
    '/api/v1/comments',
    { schema: { tags, summary: 'Comments on a record, newest first', querystring: CommentQuery, response: { 200: Type.Object({ data: Type.Array(Comment), nextCursor: Nullable(Type.String()) }), ...errors } } },
    async (req) => comments.list(ctxOf(req), req.query),
  );
  app.post('/api/v1/comments', { schema: { tags, summary: 'Comment on a record; mentioned members are notified', body: CommentCreate, response: { 201: Comment, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await comments.create(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/comments/:id', { schema: { tags, summary: 'Edit your comment', params: IdParams, body: CommentUpdate, response: { 200: Comment, ...errors } } }, async (req) =>
    comments.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/comments/:id', { schema: { tags, summary: 'Delete a comment', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await comments.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}

import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from './common';
import { literalUnion } from './literal-union';

/** Records that take comments; more kinds join as modules arrive. */
export const COMMENTABLE_TYPES = ['contacts', 'companies'] as const;

/** `@[Ann Lee](user:0190…)`: the syntax of a mention inside a comment body. */
export const MENTION_PATTERN = /@\[([^\]\n]{1,120})\]\(user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

const Body = Type.String({
  minLength: 1,
  maxLength: 20_000,
  description:
    'HTML, sanitised on write. Mention a member with the token `@[Their name](user:<their user id>)`; each mentioned member (but the author) is notified.',
});

export const CommentCreate = Type.Object(
  { objectType: literalUnion(COMMENTABLE_TYPES), objectId: Type.String({ format: 'uuid' }), body: Body },
  { additionalProperties: false },
);
export type CommentCreate = Static<typeof CommentCreate>;

export const CommentUpdate = Type.Object({ body: Body }, { additionalProperties: false });
export type CommentUpdate = Static<typeof CommentUpdate>;

export const Comment = Type.Object({
  id: Type.String(),
  objectType: Type.String(),
  objectId: Type.String(),
  authorId: Nullable(Type.String()),
  body: Type.String(),
  mentions: Type.Array(Type.String(), { description: 'User ids mentioned in the body' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Comment = Static<typeof Comment>;

export const CommentQuery = Type.Object(
  {
    objectType: literalUnion(COMMENTABLE_TYPES),
    objectId: Type.String({ format: 'uuid' }),
    cursor: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type CommentQuery = Static<typeof CommentQuery>;

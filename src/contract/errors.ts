import { type Static, Type } from '@sinclair/typebox';

/** Every error Rapport returns has one of these stable codes; the HTTP status follows from it. */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_filter: 400,
  invalid_cursor: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate_email: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  busy: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const FieldError = Type.Object({
  field: Type.String({ description: 'Path of the offending field, e.g. `emails.0` or `filter.and.1.value`' }),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldError>;

/** RFC 9457 problem details, with a stable `code` and the offending `field`. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    field: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldError)),
    existingId: Type.Optional(Type.String({ description: 'For duplicates: the record that already holds the value' })),
    requestId: Type.Optional(Type.String()),
  },
);
export type Problem = Static<typeof Problem>;

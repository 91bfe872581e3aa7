import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from './common';
import { literalUnion } from './literal-union';

export const JOB_STATES = ['pending', 'running', 'done', 'dead', 'cancelled'] as const;
export const JobStateSchema = literalUnion(JOB_STATES, {
  description: 'pending: waiting for its time or a retry; running: claimed by a worker; done; dead: out of attempts (retry it); cancelled',
});

export const Job = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'e.g. tasks.reminder' }),
  state: JobStateSchema,
  payload: Type.Unknown(),
  runAt: Type.String({ description: 'When it runs next (or ran last)' }),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Nullable(Type.String({ description: 'Why the last attempt failed' })),
  idempotencyKey: Nullable(Type.String()),
  lockedUntil: Nullable(Type.String({ description: 'While running: when the worker’s lease ends' })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
export type Job = Static<typeof Job>;

export const JobCounts = Type.Object({
  pending: Type.Integer(),
  running: Type.Integer(),
  done: Type.Integer(),
  dead: Type.Integer(),
  cancelled: Type.Integer(),
});

export const JobList = Type.Object({ counts: JobCounts, data: Type.Array(Job), nextCursor: Nullable(Type.String()) });
export type JobList = Static<typeof JobList>;

export const JobQuery = Type.Object(
  {
    state: Type.Optional(JobStateSchema),
    type: Type.Optional(Type.String({ maxLength: 100 })),
    cursor: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  },
  { additionalProperties: false },
);
export type JobQuery = Static<typeof JobQuery>;

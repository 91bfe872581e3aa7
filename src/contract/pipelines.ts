import { type Static, Type } from '@sinclair/typebox';
import { Nullable, ShortText } from './common';
import { literalUnion } from './literal-union';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const StageInput = Type.Object(
  {
    id: Type.Optional(Type.String({ format: 'uuid', description: 'An existing stage to keep (omit for a new one)' })),
    name: ShortText({ minLength: 1, maxLength: 100 }),
    probability: Type.Integer({ minimum: 0, maximum: 100, description: 'Chance of winning, in percent' }),
    kind: Type.Optional(literalUnion(STAGE_KINDS)),
  },
  { additionalProperties: false },
);
export type StageInput = Static<typeof StageInput>;

export const PipelineCreate = Type.Object(
  {
    name: ShortText({ minLength: 1, maxLength: 100 }),
    stages: Type.Array(StageInput, { minItems: 1, maxItems: 50, description: 'In board order' }),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PipelineCreate = Static<typeof PipelineCreate>;

export const PipelineUpdate = Type.Object(
  {
    name: Type.Optional(ShortText({ minLength: 1, maxLength: 100 })),
    stages: Type.Optional(Type.Array(StageInput, { minItems: 1, maxItems: 50, description: 'The whole list in board order; a stage left out is removed (it must hold no deals)' })),
    isDefault: Type.Optional(Type.Literal(true, { description: 'Make this the default pipeline' })),
  },
  { additionalProperties: false },
);
export type PipelineUpdate = Static<typeof PipelineUpdate>;

export const Stage = Type.Object({
  id: Type.String(),
  pipelineId: Type.String(),
  name: Type.String(),
  probability: Type.Integer(),
  kind: literalUnion(STAGE_KINDS),
  position: Type.Integer(),
});
export type Stage = Static<typeof Stage>;

export const Pipeline = Type.Object({
  id: Type.String(),
  name: Type.String(),
  isDefault: Type.Boolean(),
  position: Type.Integer(),
  stages: Type.Array(Stage),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Pipeline = Static<typeof Pipeline>;

export const BoardQuery = Type.Object(
  {
    ownerId: Type.Optional(Type.String({ format: 'uuid' })),
    filter: Type.Optional(Type.String({ maxLength: 8000, description: 'A filter over deal fields, as JSON' })),
    stageId: Type.Optional(Type.String({ format: 'uuid', description: 'Only this column (to page through it with cursor)' })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 25, description: 'Deals per column' }),
  },
  { additionalProperties: false },
);
export type BoardQuery = Static<typeof BoardQuery>;

export const ColumnAmount = Type.Object({
  currency: Type.String(),
  count: Type.Integer(),
  amount: Type.Integer({ description: 'Sum of amounts, minor units' }),
  weightedAmount: Type.Integer({ description: 'Sum of amount × stage probability, rounded once, half away from zero' }),
});

export const BoardColumn = Type.Object({
  stage: Stage,
  count: Type.Integer(),
  totals: Type.Array(ColumnAmount, { description: 'One entry per currency' }),
  deals: Type.Array(Type.Unknown()),
  nextCursor: Nullable(Type.String()),
});
export const Board = Type.Object({ pipeline: Pipeline, columns: Type.Array(BoardColumn) });

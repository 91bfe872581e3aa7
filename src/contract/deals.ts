import { type Static, Type } from '@sinclair/typebox';
import { BulkUpdate, CustomValues, DateOnly, Id, LongText, Nullable, RecordMeta, ShortText, Tags } from './common';
import { Currency, MinorUnits } from './money';
import { STAGE_KINDS } from './pipelines';
import { literalUnion } from './literal-union';

const optionalDealProps = {
  amount: Type.Optional(MinorUnits),
  currency: Type.Optional(Currency),
  closeDate: Type.Optional(Nullable(DateOnly)),
  pipelineId: Type.Optional(Id),
  stageId: Type.Optional(Id),
  ownerId: Type.Optional(Nullable(Id)),
  companyId: Type.Optional(Nullable(Id)),
  contactIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  lostReason: Type.Optional(Nullable(ShortText({ maxLength: 500 }))),
  tags: Type.Optional(Tags),
  description: Type.Optional(Nullable(LongText)),
  custom: Type.Optional(CustomValues),
};
const DealName = ShortText({ minLength: 1, maxLength: 200 });

/** A new deal: without a pipeline it goes to the default one, without a stage to the pipeline's first. */
export const DealCreate = Type.Object({ name: DealName, ...optionalDealProps }, { additionalProperties: false });
export type DealCreate = Static<typeof DealCreate>;

export const DealUpdate = Type.Object({ name: Type.Optional(DealName), ...optionalDealProps }, { additionalProperties: false });
export type DealUpdate = Static<typeof DealUpdate>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const Deal = Type.Object({
  ...RecordMeta,
  name: Type.String(),
  amount: Type.Integer({ description: 'Minor units' }),
  currency: Type.String(),
  closeDate: Nullable(Type.String({ description: 'Expected close date; set to the day it was won or lost unless given' })),
  closedAt: Nullable(Type.String({ description: 'When it entered a won or lost stage' })),
  pipelineId: Type.String(),
  stageId: Type.String(),
  stage: Type.Object({ id: Type.String(), name: Type.String(), probability: Type.Integer(), kind: literalUnion(STAGE_KINDS) }),
  ownerId: Nullable(Type.String()),
  companyId: Nullable(Type.String()),
  company: Nullable(Named),
  contactIds: Type.Array(Type.String()),
  leadId: Nullable(Type.String({ description: 'The lead this deal was converted from' })),
  lostReason: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  custom: Type.Record(Type.String(), Type.Unknown()),
});
export type Deal = Static<typeof Deal>;

export const DealBulkUpdate = BulkUpdate(DealUpdate);

export const DealMove = Type.Object(
  {
    stageId: Id,
    position: Type.Optional(Type.Integer({ minimum: 0, description: 'Place in the target column, 0 = top; the end when omitted' })),
    version: Type.Optional(Type.Integer({ description: 'Refuse the move if the deal changed since this version' })),
    lostReason: Type.Optional(Nullable(ShortText({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type DealMove = Static<typeof DealMove>;

export const StageInterval = Type.Object({
  stageId: Type.String(),
  stageName: Type.String(),
  pipelineId: Type.String(),
  enteredAt: Type.String(),
  leftAt: Nullable(Type.String()),
  seconds: Type.Integer({ description: 'Time spent in the stage; until now for the current one' }),
});
export const StageHistory = Type.Object({
  data: Type.Array(StageInterval),
  totals: Type.Array(Type.Object({ stageId: Type.String(), stageName: Type.String(), seconds: Type.Integer() }), { description: 'Time per stage over every visit' }),
});

import { type Static, Type } from '@sinclair/typebox';
import { BulkUpdate, CustomValues, DateOnly, Id, LongText, Nullable, RecordMeta, ShortText, Tags } from './common';
import { Filter } from './filter';
import { Currency, MinorUnits } from './money';
import { literalUnion } from './literal-union';

/** Statuses a person sets; `converted` is set only by converting the lead. */
export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified'] as const;
export const ALL_LEAD_STATUSES = [...LEAD_STATUSES, 'converted'] as const;

const optionalLeadProps = {
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  phone: Type.Optional(Nullable(Type.String({ minLength: 3, maxLength: 40 }))),
  companyName: Type.Optional(Nullable(ShortText({ maxLength: 200 }))),
  title: Type.Optional(Nullable(ShortText({ maxLength: 160 }))),
  source: Type.Optional(Nullable(ShortText({ maxLength: 100, description: 'Where the lead came from: web form, referral, event…' }))),
  status: Type.Optional(literalUnion(LEAD_STATUSES)),
  ownerId: Type.Optional(Nullable(Id)),
  tags: Type.Optional(Tags),
  description: Type.Optional(Nullable(LongText)),
  custom: Type.Optional(CustomValues),
};
const LeadName = ShortText({ minLength: 1, maxLength: 200 });

export const LeadCreate = Type.Object({ name: LeadName, ...optionalLeadProps }, { additionalProperties: false });
export type LeadCreate = Static<typeof LeadCreate>;
export const LeadUpdate = Type.Object({ name: Type.Optional(LeadName), ...optionalLeadProps }, { additionalProperties: false });
export type LeadUpdate = Static<typeof LeadUpdate>;
export const LeadBulkUpdate = BulkUpdate(LeadUpdate);

export const Lead = Type.Object({
  ...RecordMeta,
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  companyName: Nullable(Type.String()),
  title: Nullable(Type.String()),
  source: Nullable(Type.String()),
  status: literalUnion(ALL_LEAD_STATUSES),
  ownerId: Nullable(Type.String()),
  score: Type.Integer({ description: 'Computed from the score rules on every change' }),
  tags: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  custom: Type.Record(Type.String(), Type.Unknown()),
  convertedAt: Nullable(Type.String()),
  convertedContactId: Nullable(Type.String()),
  convertedCompanyId: Nullable(Type.String()),
  convertedDealId: Nullable(Type.String()),
});
export type Lead = Static<typeof Lead>;

export const SCORE_RULE_KINDS = ['filter', 'activity'] as const;

/** A score rule: points when the lead matches a filter, or points for each linked activity of a type. */
export const ScoreRuleCreate = Type.Object(
  {
    name: ShortText({ minLength: 1, maxLength: 100 }),
    kind: Type.Optional(literalUnion(SCORE_RULE_KINDS, { description: 'filter (default) or activity' })),
    filter: Type.Optional(Filter),
    activityType: Type.Optional(ShortText({ minLength: 1, maxLength: 40, description: 'For kind activity: email, call, meeting…' })),
    points: Type.Integer({ minimum: -1000, maximum: 1000 }),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export type ScoreRuleCreate = Static<typeof ScoreRuleCreate>;
export const ScoreRuleUpdate = Type.Object(
  {
    name: Type.Optional(ShortText({ minLength: 1, maxLength: 100 })),
    filter: Type.Optional(Filter),
    activityType: Type.Optional(ShortText({ minLength: 1, maxLength: 40 })),
    points: Type.Optional(Type.Integer({ minimum: -1000, maximum: 1000 })),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export type ScoreRuleUpdate = Static<typeof ScoreRuleUpdate>;
export const ScoreRule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: literalUnion(SCORE_RULE_KINDS),
  filter: Type.Unknown(),
  activityType: Nullable(Type.String()),
  points: Type.Integer(),
  position: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ScoreRule = Static<typeof ScoreRule>;

export const LeadConvert = Type.Object(
  {
    companyId: Type.Optional(Nullable(Id)),
    contactId: Type.Optional(Id),
    deal: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(ShortText({ minLength: 1, maxLength: 200 })),
          amount: Type.Optional(MinorUnits),
          currency: Type.Optional(Currency),
          pipelineId: Type.Optional(Id),
          stageId: Type.Optional(Id),
          closeDate: Type.Optional(Nullable(DateOnly)),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: 'Without companyId/contactId the lead’s email decides: an existing contact with that email, a company with its domain, else new ones' },
);
export type LeadConvert = Static<typeof LeadConvert>;

export const LeadConversion = Type.Object({
  lead: Lead,
  contactId: Type.String(),
  contactCreated: Type.Boolean(),
  companyId: Nullable(Type.String()),
  companyCreated: Type.Boolean(),
  dealId: Nullable(Type.String()),
});

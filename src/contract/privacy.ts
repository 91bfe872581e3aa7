import { type Static, Type } from '@sinclair/typebox';
import { Id, Nullable, ShortText, Timestamp } from './common';
import { Filter } from './filter';
import { literalUnion } from './literal-union';

/** The lawful bases for processing personal data, GDPR Art. 6(1)(a)–(f). */
export const LEGAL_BASES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * Common purposes; any other lower-case key may be used. `email`, `sms` and `phone` are the
 * contact's marketing flags (`consent.email` …) and are kept in step with their newest record.
 */
export const CONSENT_PURPOSES = ['email', 'sms', 'phone', 'newsletter', 'profiling', 'third_party_sharing'] as const;
export const FLAG_PURPOSES = ['email', 'sms', 'phone'] as const;

export const ConsentStatus = literalUnion(['granted', 'withdrawn'] as const);

export const ConsentCreate = Type.Object(
  {
    purpose: Type.String({ pattern: '^[a-z][a-z0-9_]{0,59}$', description: 'e.g. email, sms, phone, newsletter, profiling' }),
    status: ConsentStatus,
    legalBasis: literalUnion(LEGAL_BASES, { description: 'GDPR Art. 6(1) basis' }),
    source: ShortText({ minLength: 1, maxLength: 200, description: 'Where it was given or withdrawn: web form, phone call, email reply…' }),
    recordedAt: Type.Optional(Timestamp),
    proof: Type.Optional(Nullable(Type.String({ maxLength: 5000, description: 'e.g. the form text shown, an IP address, a message id' }))),
  },
  { additionalProperties: false },
);
export type ConsentCreate = Static<typeof ConsentCreate>;

export const ConsentRecord = Type.Object({
  id: Type.String(),
  contactId: Type.String(),
  purpose: Type.String(),
  status: ConsentStatus,
  legalBasis: Type.String(),
  source: Type.String(),
  proof: Nullable(Type.String()),
  recordedAt: Type.String(),
  recordedBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type ConsentRecord = Static<typeof ConsentRecord>;

export const ConsentList = Type.Object({
  data: Type.Array(ConsentRecord, { description: 'Every record, newest first' }),
  current: Type.Array(ConsentRecord, { description: 'The record in force for each purpose' }),
});
export type ConsentList = Static<typeof ConsentList>;

export const EraseRequest = Type.Object(
  { confirm: Type.String({ maxLength: 300, description: "The contact's full name as shown, or the word ERASE" }) },
  { additionalProperties: false },
);
export type EraseRequest = Static<typeof EraseRequest>;

export const EraseResult = Type.Object({
  contactId: Type.String(),
  erasedAt: Type.String(),
  /** Rows changed per table (no values): what the erasure touched. */
  rows: Type.Record(Type.String(), Type.Integer()),
});
export type EraseResult = Static<typeof EraseResult>;

export const RETENTION_OBJECTS = ['leads', 'contacts', 'activities'] as const;
export const RETENTION_ACTIONS = ['trash', 'delete', 'anonymise'] as const;

const ruleProps = {
  name: ShortText({ minLength: 1, maxLength: 120 }),
  objectType: literalUnion(RETENTION_OBJECTS),
  untouchedMonths: Type.Integer({ minimum: 1, maximum: 600, description: 'Records not changed (and with no activity) for this many months' }),
  filter: Type.Optional(Nullable(Filter)),
  action: literalUnion(RETENTION_ACTIONS, { description: 'trash: to the trash; delete: permanently; anonymise: erase the person, keep the record' }),
  enabled: Type.Optional(Type.Boolean()),
};
export const RetentionRuleCreate = Type.Object(ruleProps, { additionalProperties: false });
export type RetentionRuleCreate = Static<typeof RetentionRuleCreate>;
export const RetentionRuleUpdate = Type.Partial(Type.Object(ruleProps), { additionalProperties: false });
export type RetentionRuleUpdate = Static<typeof RetentionRuleUpdate>;

export const RetentionRun = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  trigger: literalUnion(['schedule', 'manual'] as const),
  status: literalUnion(['done', 'failed'] as const),
  cutoff: Type.String({ description: 'Records untouched since before this time were due' }),
  matched: Type.Integer(),
  affected: Type.Integer(),
  error: Nullable(Type.String()),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
export type RetentionRun = Static<typeof RetentionRun>;

export const RetentionRule = Type.Object({
  id: Id,
  name: Type.String(),
  objectType: literalUnion(RETENTION_OBJECTS),
  untouchedMonths: Type.Integer(),
  filter: Nullable(Filter),
  action: literalUnion(RETENTION_ACTIONS),
  enabled: Type.Boolean(),
  lastRun: Nullable(RetentionRun),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type RetentionRule = Static<typeof RetentionRule>;

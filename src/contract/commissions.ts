import { type Static, Type } from '@sinclair/typebox';
import { Id, Nullable, ShortText } from './common';
import { Decimal3, DecimalOut, Period } from './money';
import { RoleSchema } from './roles';
import { literalUnion } from './literal-union';

/** deal_won: a share of each won deal's amount; invoice_paid: a share of each payment received. */
export const COMMISSION_BASES = ['deal_won', 'invoice_paid'] as const;

/**
 * A rule for one user, or for everyone with a role. For each basis the user's own rule wins over
 * the rule of their role; there is at most one rule per user (or role) and basis.
 */
export const CommissionRuleCreate = Type.Object(
  {
    name: ShortText({ minLength: 1, maxLength: 100 }),
    userId: Type.Optional(Nullable(Id)),
    role: Type.Optional(Nullable(RoleSchema)),
    basis: literalUnion(COMMISSION_BASES),
    ratePercent: Decimal3,
  },
  { additionalProperties: false },
);
export type CommissionRuleCreate = Static<typeof CommissionRuleCreate>;
export const CommissionRuleUpdate = Type.Object(
  { name: Type.Optional(ShortText({ minLength: 1, maxLength: 100 })), ratePercent: Type.Optional(Decimal3) },
  { additionalProperties: false },
);
export type CommissionRuleUpdate = Static<typeof CommissionRuleUpdate>;
export const CommissionRule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  userId: Nullable(Type.String()),
  role: Nullable(Type.String()),
  basis: literalUnion(COMMISSION_BASES),
  ratePercent: DecimalOut,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type CommissionRule = Static<typeof CommissionRule>;

export const StatementQuery = Type.Object(
  { period: Period, userId: Type.Optional(Type.String({ format: 'uuid', description: 'Defaults to you' })) },
  { additionalProperties: false },
);
export type StatementQuery = Static<typeof StatementQuery>;

export const StatementLine = Type.Object({
  basis: literalUnion(COMMISSION_BASES),
  ruleId: Type.String(),
  dealId: Nullable(Type.String()),
  invoiceId: Nullable(Type.String()),
  paymentId: Nullable(Type.String()),
  date: Type.String(),
  currency: Type.String(),
  base: Type.Integer({ description: 'Won amount or payment, minor units' }),
  ratePercent: DecimalOut,
  commission: Type.Integer({ description: 'base × rate, rounded half away from zero to the minor unit' }),
});
export const Statement = Type.Object({
  userId: Type.String(),
  period: Type.Object({ key: Type.String(), start: Type.String(), end: Type.String({ description: 'Exclusive' }) }),
  lines: Type.Array(StatementLine),
  totals: Type.Array(Type.Object({ currency: Type.String(), base: Type.Integer(), commission: Type.Integer() })),
});
export type Statement = Static<typeof Statement>;

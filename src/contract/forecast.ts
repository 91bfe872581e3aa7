import { type Static, Type } from '@sinclair/typebox';
import { Id } from './common';
import { Currency, MinorUnits, Period } from './money';

export const ForecastQuery = Type.Object(
  {
    period: Period,
    ownerId: Type.Optional(Type.String({ format: 'uuid' })),
    pipelineId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type ForecastQuery = Static<typeof ForecastQuery>;

const Figures = {
  currency: Type.String(),
  won: Type.Integer({ description: 'Deals in won stages closing in the period' }),
  pipeline: Type.Integer({ description: 'Open deals closing in the period, at full amount' }),
  weighted: Type.Integer({ description: 'Σ amount × probability of open deals, rounded once (half away from zero)' }),
  bestCase: Type.Integer({ description: 'won + every open deal' }),
  quota: Type.Union([Type.Integer(), Type.Null()]),
  attainmentPercent: Type.Union([Type.String(), Type.Null()], { description: 'won / quota, two decimals' }),
  openCount: Type.Integer(),
  wonCount: Type.Integer(),
};
export const ForecastRow = Type.Object({ ownerId: Type.Union([Type.String(), Type.Null()]), ...Figures });
export const Forecast = Type.Object({
  period: Type.Object({ key: Type.String(), start: Type.String(), end: Type.String({ description: 'Exclusive' }) }),
  rows: Type.Array(ForecastRow, { description: 'One per owner and currency' }),
  totals: Type.Array(Type.Object(Figures), { description: 'One per currency' }),
});
export type Forecast = Static<typeof Forecast>;

export const QuotaSet = Type.Object(
  { userId: Id, period: Period, currency: Currency, amount: MinorUnits },
  { additionalProperties: false },
);
export type QuotaSet = Static<typeof QuotaSet>;
export const Quota = Type.Object({ id: Type.String(), userId: Type.String(), period: Type.String(), currency: Type.String(), amount: Type.Integer(), updatedAt: Type.String() });
export type Quota = Static<typeof Quota>;

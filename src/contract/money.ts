import { type Static, Type } from '@sinclair/typebox';

/**
 * Money travels as an integer number of minor units (cents for EUR, yen for JPY, fils for KWD)
 * with an ISO 4217 currency code: never as a float. Decimals that are not money (quantities,
 * percentages) travel as strings with at most three decimal places ("0.333", "19", "8.875");
 * inputs may also be JSON numbers, which are read through their decimal text.
 */
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR' });
export const MinorUnits = Type.Integer({
  minimum: -1_000_000_000_000,
  maximum: 1_000_000_000_000,
  description: 'An amount in minor units of its currency (1999 = 19.99 EUR)',
});
export const Decimal3 = Type.Union([Type.String({ pattern: '^-?\\d{1,9}(\\.\\d{1,3})?$' }), Type.Number()], {
  description: 'A decimal with at most three places, as a string ("0.333") or a JSON number',
});
export const DecimalOut = Type.String({ description: 'A decimal as text, e.g. "0.333" or "19"' });

/** `2026-11` (a month) or `2026-Q4` (a quarter). */
export const Period = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$', description: 'A month (2026-11) or a quarter (2026-Q4)' });

export const CurrencyTotal = Type.Object({ currency: Type.String(), amount: Type.Integer() });
export type CurrencyTotal = Static<typeof CurrencyTotal>;

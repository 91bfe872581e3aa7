import { type Static, Type } from '@sinclair/typebox';
import { DateOnly, Id, LongText, Nullable, ShortText } from './common';
import { Currency, Decimal3, DecimalOut, MinorUnits } from './money';
import { literalUnion } from './literal-union';

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected'] as const;

/**
 * A line: a product (its name, price-list price and tax rate are the defaults) or free text.
 * A discount is a percentage of the line or an amount off the line, not both.
 */
export const LineInput = Type.Object(
  {
    productId: Type.Optional(Nullable(Id)),
    description: Type.Optional(ShortText({ maxLength: 500 })),
    quantity: Decimal3,
    unitPrice: Type.Optional(MinorUnits),
    discountPercent: Type.Optional(Decimal3),
    discountAmount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 })),
    taxRate: Type.Optional(Decimal3),
  },
  { additionalProperties: false },
);
export type LineInput = Static<typeof LineInput>;

const optionalQuoteProps = {
  dealId: Type.Optional(Nullable(Id)),
  contactId: Type.Optional(Nullable(Id)),
  companyId: Type.Optional(Nullable(Id)),
  ownerId: Type.Optional(Nullable(Id)),
  priceListId: Type.Optional(Nullable(Id)),
  currency: Type.Optional(Currency),
  validUntil: Type.Optional(Nullable(DateOnly)),
  notes: Type.Optional(Nullable(LongText)),
  lines: Type.Optional(Type.Array(LineInput, { maxItems: 500 })),
};
export const QuoteCreate = Type.Object({ title: ShortText({ minLength: 1, maxLength: 200 }), ...optionalQuoteProps }, { additionalProperties: false });
export type QuoteCreate = Static<typeof QuoteCreate>;
export const QuoteUpdate = Type.Object({ title: Type.Optional(ShortText({ minLength: 1, maxLength: 200 })), ...optionalQuoteProps }, { additionalProperties: false });
export type QuoteUpdate = Static<typeof QuoteUpdate>;

export const Totals = Type.Object({
  subtotal: Type.Integer({ description: 'Sum of line gross amounts (quantity × unit price)' }),
  discountTotal: Type.Integer(),
  netTotal: Type.Integer(),
  taxTotal: Type.Integer(),
  total: Type.Integer(),
});
export type Totals = Static<typeof Totals>;

export const Line = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  productId: Nullable(Type.String()),
  description: Type.String(),
  quantity: DecimalOut,
  unitPrice: Type.Integer(),
  discountPercent: Nullable(DecimalOut),
  discountAmount: Nullable(Type.Integer()),
  taxRate: DecimalOut,
  gross: Type.Integer(),
  discount: Type.Integer(),
  net: Type.Integer(),
  tax: Type.Integer(),
  total: Type.Integer(),
});
export type Line = Static<typeof Line>;

export const Quote = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  status: literalUnion(QUOTE_STATUSES),
  dealId: Nullable(Type.String()),
  contactId: Nullable(Type.String()),
  companyId: Nullable(Type.String()),
  ownerId: Nullable(Type.String()),
  priceListId: Nullable(Type.String()),
  currency: Type.String(),
  validUntil: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  lines: Type.Array(Line),
  ...Totals.properties,
  invoiceId: Nullable(Type.String()),
  sentAt: Nullable(Type.String()),
  acceptedAt: Nullable(Type.String()),
  rejectedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Quote = Static<typeof Quote>;

export const QuoteQuery = Type.Object(
  {
    status: Type.Optional(literalUnion(QUOTE_STATUSES)),
    dealId: Type.Optional(Type.String({ format: 'uuid' })),
    contactId: Type.Optional(Type.String({ format: 'uuid' })),
    companyId: Type.Optional(Type.String({ format: 'uuid' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type QuoteQuery = Static<typeof QuoteQuery>;

export const QuoteAccept = Type.Object(
  {
    issueDate: Type.Optional(DateOnly),
    dueDate: Type.Optional(DateOnly),
    paymentTermsDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, default: 30, description: 'Due this many days after issue, unless dueDate is given' })),
  },
  { additionalProperties: false },
);
export type QuoteAccept = Static<typeof QuoteAccept>;

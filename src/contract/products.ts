import { type Static, Type } from '@sinclair/typebox';
import { Id, LongText, Nullable, ShortText } from './common';
import { Currency, Decimal3, DecimalOut, MinorUnits } from './money';

export const ProductPriceInput = Type.Object({ priceListId: Id, unitPrice: MinorUnits }, { additionalProperties: false });

export const ProductCreate = Type.Object(
  {
    sku: ShortText({ minLength: 1, maxLength: 64 }),
    name: ShortText({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Nullable(LongText)),
    taxRate: Type.Optional(Decimal3),
    active: Type.Optional(Type.Boolean()),
    prices: Type.Optional(Type.Array(ProductPriceInput, { maxItems: 100, description: 'Unit price in each price list (in the list’s currency)' })),
  },
  { additionalProperties: false },
);
export type ProductCreate = Static<typeof ProductCreate>;
export const ProductUpdate = Type.Object(
  {
    sku: Type.Optional(ShortText({ minLength: 1, maxLength: 64 })),
    name: Type.Optional(ShortText({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Nullable(LongText)),
    taxRate: Type.Optional(Decimal3),
    active: Type.Optional(Type.Boolean()),
    prices: Type.Optional(Type.Array(ProductPriceInput, { maxItems: 100, description: 'Replaces every price' })),
  },
  { additionalProperties: false },
);
export type ProductUpdate = Static<typeof ProductUpdate>;

export const ProductPrice = Type.Object({ priceListId: Type.String(), currency: Type.String(), unitPrice: Type.Integer() });
export const Product = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  taxRate: DecimalOut,
  active: Type.Boolean(),
  prices: Type.Array(ProductPrice),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Product = Static<typeof Product>;

export const PriceListCreate = Type.Object(
  { name: ShortText({ minLength: 1, maxLength: 100 }), currency: Currency, isDefault: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type PriceListCreate = Static<typeof PriceListCreate>;
export const PriceListUpdate = Type.Object(
  { name: Type.Optional(ShortText({ minLength: 1, maxLength: 100 })), isDefault: Type.Optional(Type.Literal(true)) },
  { additionalProperties: false },
);
export type PriceListUpdate = Static<typeof PriceListUpdate>;
export const PriceList = Type.Object({
  id: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  isDefault: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PriceList = Static<typeof PriceList>;

export const ProductQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'SKU or name starts with / contains' })),
    active: Type.Optional(Type.Boolean()),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
export type ProductQuery = Static<typeof ProductQuery>;

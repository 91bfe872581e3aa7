import { type Static, Type } from '@sinclair/typebox';
import { DateOnly, LongText, Nullable, ShortText } from './common';
import { Line, Totals } from './quotes';
import { literalUnion } from './literal-union';

export const INVOICE_STATUSES = ['open', 'paid', 'overdue'] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cash', 'check', 'other'] as const;

export const PaymentCreate = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'Minor units of the invoice currency' }),
    date: DateOnly,
    method: literalUnion(PAYMENT_METHODS),
    reference: Type.Optional(Nullable(ShortText({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type PaymentCreate = Static<typeof PaymentCreate>;

export const Payment = Type.Object({
  id: Type.String(),
  invoiceId: Type.String(),
  amount: Type.Integer(),
  date: Type.String(),
  method: Type.String(),
  reference: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Payment = Static<typeof Payment>;

export const Invoice = Type.Object({
  id: Type.String(),
  number: Type.Integer({ description: 'Per workspace, from 1, without gaps' }),
  displayNumber: Type.String(),
  quoteId: Nullable(Type.String()),
  dealId: Nullable(Type.String()),
  contactId: Nullable(Type.String()),
  companyId: Nullable(Type.String()),
  ownerId: Nullable(Type.String()),
  currency: Type.String(),
  issueDate: Type.String(),
  dueDate: Type.String(),
  status: literalUnion(INVOICE_STATUSES, { description: 'overdue: past the due date with a balance left' }),
  ...Totals.properties,
  paid: Type.Integer(),
  balance: Type.Integer(),
  notes: Nullable(Type.String()),
  lines: Type.Array(Line),
  payments: Type.Array(Payment),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Invoice = Static<typeof Invoice>;

export const InvoiceUpdate = Type.Object(
  { dueDate: Type.Optional(DateOnly), notes: Type.Optional(Nullable(LongText)) },
  { additionalProperties: false },
);
export type InvoiceUpdate = Static<typeof InvoiceUpdate>;

export const InvoiceQuery = Type.Object(
  {
    status: Type.Optional(literalUnion(INVOICE_STATUSES)),
    contactId: Type.Optional(Type.String({ format: 'uuid' })),
    companyId: Type.Optional(Type.String({ format: 'uuid' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type InvoiceQuery = Static<typeof InvoiceQuery>;

/** Purchase history of a contact or company: its invoices with their lines, and totals per currency. */
export const Purchases = Type.Object({
  data: Type.Array(Invoice),
  totals: Type.Array(Type.Object({ currency: Type.String(), invoiced: Type.Integer(), paid: Type.Integer(), balance: Type.Integer() })),
});


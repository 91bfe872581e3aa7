import { type Static, Type } from '@sinclair/typebox';
import {
  Address,
  BulkUpdate,
  CustomValues,
  Id,
  LifecycleStage,
  LongText,
  Nullable,
  PhoneEntry,
  RecordMeta,
  ShortText,
  Tags,
} from './common';

const DOMAIN_PATTERN = '^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$';

const optionalCompanyProps = {
  domain: Type.Optional(Nullable(Type.String({ maxLength: 253, pattern: DOMAIN_PATTERN }))),
  website: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 500 }))),
  industry: Type.Optional(Nullable(ShortText({ maxLength: 120 }))),
  employees: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 }))),
  annualRevenue: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
  phones: Type.Optional(Type.Array(PhoneEntry, { maxItems: 20 })),
  addresses: Type.Optional(Type.Array(Address, { maxItems: 10 })),
  parentId: Type.Optional(Nullable(Id)),
  ownerId: Type.Optional(Nullable(Id)),
  lifecycleStage: Type.Optional(Nullable(LifecycleStage)),
  tags: Type.Optional(Tags),
  description: Type.Optional(Nullable(LongText)),
  custom: Type.Optional(CustomValues),
};
const CompanyName = ShortText({ minLength: 1, maxLength: 200 });

export const CompanyCreate = Type.Object(
  { name: CompanyName, ...optionalCompanyProps },
  { additionalProperties: false },
);
export type CompanyCreate = Static<typeof CompanyCreate>;

export const CompanyUpdate = Type.Object(
  { name: Type.Optional(CompanyName), ...optionalCompanyProps },
  { additionalProperties: false },
);
export type CompanyUpdate = Static<typeof CompanyUpdate>;

export const Company = Type.Object(
  {
    ...RecordMeta,
    name: Type.String(),
    domain: Nullable(Type.String()),
    website: Nullable(Type.String()),
    industry: Nullable(Type.String()),
    employees: Nullable(Type.Integer()),
    annualRevenue: Nullable(Type.Number()),
    phone: Nullable(Type.String()),
    phones: Type.Array(PhoneEntry),
    addresses: Type.Array(Address),
    parentId: Nullable(Type.String()),
    parent: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    ownerId: Nullable(Type.String()),
    lifecycleStage: Nullable(Type.String()),
    tags: Type.Array(Type.String()),
    description: Nullable(Type.String()),
    custom: Type.Record(Type.String(), Type.Unknown()),
  },
);
export type Company = Static<typeof Company>;

export const CompanyBulkUpdate = BulkUpdate(CompanyUpdate);
export type CompanyBulkUpdate = Static<typeof CompanyBulkUpdate>;

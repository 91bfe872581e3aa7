import { type Static, Type } from '@sinclair/typebox';
import {
  Address,
  BulkUpdate,
  CustomValues,
  DateOnly,
  Id,
  LifecycleStage,
  LongText,
  Nullable,
  PhoneEntry,
  RecordMeta,
  ShortText,
  Tags,
} from './common';

export const EmailEntry = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    label: Type.Optional(ShortText({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type EmailEntry = Static<typeof EmailEntry>;

export const Consent = Type.Object(
  {
    email: Type.Optional(Type.Boolean({ description: 'May receive marketing email' })),
    sms: Type.Optional(Type.Boolean()),
    phone: Type.Optional(Type.Boolean({ description: 'May be called' })),
  },
  { additionalProperties: false },
);
export type Consent = Static<typeof Consent>;

const contactProps = {
  firstName: Nullable(ShortText({ maxLength: 120 })),
  lastName: Nullable(ShortText({ maxLength: 120 })),
  title: Nullable(ShortText({ maxLength: 160 })),
  emails: Type.Array(EmailEntry, { maxItems: 20, description: 'The first one is the primary email' }),
  phones: Type.Array(PhoneEntry, { maxItems: 20, description: 'The first one is the primary phone' }),
  addresses: Type.Array(Address, { maxItems: 10 }),
  companyId: Nullable(Id),
  ownerId: Nullable(Id),
  lifecycleStage: Nullable(LifecycleStage),
  tags: Tags,
  consent: Consent,
  birthday: Nullable(DateOnly),
  description: Nullable(LongText),
  custom: CustomValues,
};

export const ContactCreate = Type.Partial(Type.Object(contactProps), {
  additionalProperties: false,

});
export type ContactCreate = Static<typeof ContactCreate>;

export const ContactUpdate = Type.Partial(Type.Object(contactProps), {
  additionalProperties: false,

});
export type ContactUpdate = Static<typeof ContactUpdate>;

export const Contact = Type.Object(
  {
    ...RecordMeta,
    firstName: Nullable(Type.String()),
    lastName: Nullable(Type.String()),
    fullName: Type.String(),
    title: Nullable(Type.String()),
    email: Nullable(Type.String({ description: 'The primary email' })),
    emails: Type.Array(EmailEntry),
    phone: Nullable(Type.String({ description: 'The primary phone, E.164 where it could be normalised' })),
    phones: Type.Array(PhoneEntry),
    addresses: Type.Array(Address),
    companyId: Nullable(Type.String()),
    company: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    ownerId: Nullable(Type.String()),
    lifecycleStage: Nullable(Type.String()),
    tags: Type.Array(Type.String()),
    consent: Type.Object({ email: Type.Boolean(), sms: Type.Boolean(), phone: Type.Boolean() }),
    birthday: Nullable(Type.String()),
    description: Nullable(Type.String()),
    custom: Type.Record(Type.String(), Type.Unknown()),
  },
);
export type Contact = Static<typeof Contact>;

export const ContactBulkUpdate = BulkUpdate(ContactUpdate);
export type ContactBulkUpdate = Static<typeof ContactBulkUpdate>;

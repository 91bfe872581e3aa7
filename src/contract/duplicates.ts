import { type Static, Type } from '@sinclair/typebox';
import { Company } from './companies';
import { Id } from './common';
import { Contact } from './contacts';
import { literalUnion } from './literal-union';

export const DUPLICATE_KINDS = ['email', 'phone', 'name', 'domain'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

/** Why records were grouped: the normalised value they share (for `name` on contacts, the name block). */
export const DuplicateReason = Type.Object({
  kind: literalUnion(DUPLICATE_KINDS),
  value: Type.String({ description: 'The normalised email, E.164 phone, domain or company name; for a contact name, "last name, initial"' }),
});
export type DuplicateReason = Static<typeof DuplicateReason>;

const group = <T extends typeof Contact | typeof Company>(item: T) =>
  Type.Object({
    reasons: Type.Array(DuplicateReason),
    records: Type.Array(item, { description: 'Oldest first: the first one is the suggested survivor' }),
  });
export const ContactDuplicateGroup = group(Contact);
export const CompanyDuplicateGroup = group(Company);
export type DuplicateGroup<T> = { reasons: DuplicateReason[]; records: T[] };

export const DuplicatesQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 2000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type DuplicatesQuery = Static<typeof DuplicatesQuery>;

/**
 * How current the answer is. Many changed records (a first look, a large import) are looked
 * through in the background: until then the list holds the groups found so far.
 */
export const DuplicateScan = Type.Union([
  Type.Object({ status: Type.Literal('current') }),
  Type.Object({
    status: Type.Literal('scanning'),
    done: Type.Integer({ minimum: 0, description: 'Records looked through so far' }),
    total: Type.Integer({ minimum: 0, description: 'Records to look through' }),
  }),
]);
export type DuplicateScan = Static<typeof DuplicateScan>;

const page = <T extends typeof ContactDuplicateGroup | typeof CompanyDuplicateGroup>(group: T) =>
  Type.Object({ data: Type.Array(group), nextCursor: Type.Union([Type.String(), Type.Null()]), scan: DuplicateScan });
export const ContactDuplicatePage = page(ContactDuplicateGroup);
export const CompanyDuplicatePage = page(CompanyDuplicateGroup);
export type DuplicatePage<T> = { data: DuplicateGroup<T>[]; nextCursor: string | null; scan: DuplicateScan };

/** "These records are not duplicates": every pair among them stops being suggested. */
export const DismissDuplicates = Type.Object(
  { ids: Type.Array(Id, { minItems: 2, maxItems: 20, uniqueItems: true }) },
  { additionalProperties: false },
);
export type DismissDuplicates = Static<typeof DismissDuplicates>;

export const MAX_MERGED = 9;

/**
 * Merges `mergedIds` into `survivorId`. `fields` names, per field, the record whose value survives
 * (`firstName`, `custom.industry_code`, …); a field not named keeps the survivor's value, or the
 * first merged record's when the survivor has none. Emails, phones and tags are united.
 */
export const MergeRecords = Type.Object(
  {
    survivorId: Id,
    mergedIds: Type.Array(Id, { minItems: 1, maxItems: MAX_MERGED, uniqueItems: true }),
    fields: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.]{0,80}$' }), Id)),
  },
  { additionalProperties: false },
);
export type MergeRecords = Static<typeof MergeRecords>;

/** Fields of a contact whose surviving value can be chosen in a merge. */
export const CONTACT_MERGE_FIELDS = [
  'firstName',
  'lastName',
  'title',
  'email',
  'phone',
  'companyId',
  'ownerId',
  'lifecycleStage',
  'birthday',
  'addresses',
  'consent',
  'description',
] as const;

/** Fields of a company whose surviving value can be chosen in a merge. */
export const COMPANY_MERGE_FIELDS = [
  'name',
  'domain',
  'website',
  'industry',
  'employees',
  'annualRevenue',
  'phone',
  'parentId',
  'ownerId',
  'lifecycleStage',
  'addresses',
  'description',
] as const;

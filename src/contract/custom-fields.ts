import { literalUnion } from './literal-union';
import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from './common';

export const CUSTOM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'currency',
  'date',
  'datetime',
  'boolean',
  'select',
  'multi_select',
  'email',
  'phone',
  'url',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const OBJECT_TYPES = ['contacts', 'companies'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];
export const ObjectTypeSchema = literalUnion(OBJECT_TYPES);
/** Every kind of record with custom fields, saved views and the generic list (sales adds leads and deals). */
export const RECORD_TYPES = [...OBJECT_TYPES, 'leads', 'deals'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const RecordTypeSchema = literalUnion(RECORD_TYPES);

const Choices = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200, uniqueItems: true });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR' });

export const CustomFieldCreate = Type.Object(
  {
    objectType: RecordTypeSchema,
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$', description: 'Stable key used in the API and filters' }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    type: literalUnion(CUSTOM_FIELD_TYPES),
    choices: Type.Optional(Choices),
    currency: Type.Optional(Currency),
    required: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export type CustomFieldCreate = Static<typeof CustomFieldCreate>;

export const CustomFieldUpdate = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    choices: Type.Optional(Choices),
    currency: Type.Optional(Currency),
    required: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export type CustomFieldUpdate = Static<typeof CustomFieldUpdate>;

export const CustomField = Type.Object({
  id: Type.String(),
  objectType: Type.String(),
  key: Type.String(),
  label: Type.String(),
  type: Type.String(),
  choices: Type.Array(Type.String()),
  currency: Nullable(Type.String()),
  required: Type.Boolean(),
  position: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type CustomField = Static<typeof CustomField>;

import { literalUnion } from './literal-union';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Filter, SortSpec } from './filter';

export const Id = Type.String({ format: 'uuid', description: 'Time-sortable id (UUIDv7)' });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const ShortText = (opts: { maxLength?: number; minLength?: number; description?: string } = {}) =>
  Type.String({ maxLength: 255, ...opts });
export const LongText = Type.String({ maxLength: 20000 });
export const Timestamp = Type.String({ format: 'date-time' });
export const DateOnly = Type.String({ format: 'date' });

export const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 50, uniqueItems: true });

export const Address = Type.Object(
  {
    label: Type.Optional(ShortText({ maxLength: 40 })),
    street: Type.Optional(ShortText()),
    city: Type.Optional(ShortText({ maxLength: 120 })),
    region: Type.Optional(ShortText({ maxLength: 120 })),
    postalCode: Type.Optional(ShortText({ maxLength: 20 })),
    country: Type.Optional(ShortText({ maxLength: 2, minLength: 2, description: 'ISO 3166-1 alpha-2' })),
  },
  { additionalProperties: false },
);
export type Address = Static<typeof Address>;

export const PhoneEntry = Type.Object(
  {
    phone: Type.String({ minLength: 3, maxLength: 40 }),
    label: Type.Optional(ShortText({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type PhoneEntry = Static<typeof PhoneEntry>;

export const CustomValues = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), Type.Unknown(), {
  description: 'Values of the workspace’s custom fields, by key',
});

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;
export const LifecycleStage = literalUnion(LIFECYCLE_STAGES);

export const RecordMeta = {
  id: Id,
  version: Type.Integer({ description: 'Increases on every change; send it back in If-Match' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
};

/** Body of `POST /api/v1/{object}/query`, the same as the list endpoint's query string. */
export const ListQuery = Type.Object(
  {
    filter: Type.Optional(Filter),
    sort: Type.Optional(Type.Array(SortSpec, { maxItems: 3 })),
    cursor: Type.Optional(Type.String({ maxLength: 2000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    count: Type.Optional(Type.Boolean({ description: 'Also return the total number of matching rows' })),
    trash: Type.Optional(Type.Boolean({ description: 'List records in the trash instead' })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

/** The list endpoint's query string: filter and sort travel as JSON text. */
export const ListQueryString = Type.Object(
  {
    filter: Type.Optional(Type.String({ maxLength: 8000, description: 'A filter as JSON' })),
    sort: Type.Optional(
      Type.String({ maxLength: 300, description: 'Comma-separated fields, `-` for descending: `-updatedAt,lastName`' }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 2000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    count: Type.Optional(Type.Boolean()),
    trash: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListQueryString = Static<typeof ListQueryString>;

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    data: Type.Array(item),
    nextCursor: Nullable(Type.String()),
    total: Type.Optional(Type.Integer()),
  });

/** Body of `PATCH /api/v1/{object}/bulk`: up to 1,000 changes, each optionally guarded by its version. */
export const BulkUpdate = <T extends TSchema>(changes: T) =>
  Type.Object(
    {
      items: Type.Array(
        Type.Object(
          { id: Type.String({ maxLength: 64 }), version: Type.Optional(Type.Integer()), changes },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 1000 },
      ),
    },
    { additionalProperties: false },
  );

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const BulkIds = Type.Object(
  { ids: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 1000, uniqueItems: true }) },
  { additionalProperties: false },
);

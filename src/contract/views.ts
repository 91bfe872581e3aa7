import { type Static, Type } from '@sinclair/typebox';
import { RecordTypeSchema } from './custom-fields';
import { Filter, SortSpec } from './filter';

const Visibility = Type.Union([Type.Literal('private'), Type.Literal('shared')]);
const Columns = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 60 });

export const ViewCreate = Type.Object(
  {
    objectType: RecordTypeSchema,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    filter: Type.Optional(Type.Union([Filter, Type.Null()])),
    sort: Type.Optional(Type.Array(SortSpec, { maxItems: 3 })),
    columns: Type.Optional(Columns),
    visibility: Type.Optional(Visibility),
  },
  { additionalProperties: false },
);
export type ViewCreate = Static<typeof ViewCreate>;

export const ViewUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    filter: Type.Optional(Type.Union([Filter, Type.Null()])),
    sort: Type.Optional(Type.Array(SortSpec, { maxItems: 3 })),
    columns: Type.Optional(Columns),
    visibility: Type.Optional(Visibility),
  },
  { additionalProperties: false },
);
export type ViewUpdate = Static<typeof ViewUpdate>;

export const View = Type.Object({
  id: Type.String(),
  objectType: Type.String(),
  name: Type.String(),
  filter: Type.Unknown(),
  sort: Type.Array(Type.Object({ field: Type.String(), direction: Type.String() })),
  columns: Type.Array(Type.String()),
  visibility: Type.String(),
  ownerId: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type View = Static<typeof View>;

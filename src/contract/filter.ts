import { literalUnion } from './literal-union';
import { type Static, Type } from '@sinclair/typebox';

/**
 * The one filter language of Rapport: list views, saved views, segments, workflow conditions
 * and reports all speak it. A filter is a tree of `and` / `or` / `not` groups whose leaves
 * compare one field with a value.
 *
 *   { "and": [ { "field": "lastName", "op": "startsWith", "value": "sm" },
 *              { "not": { "field": "tags", "op": "contains", "value": "churned" } } ] }
 *
 * Text comparisons ignore case. `neq` and `notIn` also match records where the field is empty,
 * which is what a person means by "stage is not Customer".
 */
export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'notIn',
  'contains',
  'startsWith',
  'isEmpty',
  'isNotEmpty',
  'between',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const Scalar = Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]);
export type Scalar = Static<typeof Scalar>;

export const FilterCondition = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 100, description: 'A field key, or `custom.<key>` for a custom field' }),
    op: literalUnion(FILTER_OPERATORS),
    value: Type.Optional(Type.Union([Scalar, Type.Array(Scalar, { maxItems: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type FilterCondition = Static<typeof FilterCondition>;

export type Filter = FilterCondition | { and: Filter[] } | { or: Filter[] } | { not: Filter };

export const Filter = Type.Unsafe<Filter>(
  Type.Recursive(
  (Self) =>
    Type.Union([
      FilterCondition,
      Type.Object({ and: Type.Array(Self, { maxItems: 100 }) }, { additionalProperties: false }),
      Type.Object({ or: Type.Array(Self, { maxItems: 100 }) }, { additionalProperties: false }),
      Type.Object({ not: Self }, { additionalProperties: false }),
    ]),
  { $id: 'Filter', description: 'A filter in the Rapport filter language' },
  ),
);

export const SortSpec = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 100 }),
    direction: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' }),
  },
  { additionalProperties: false },
);
export type SortSpec = Static<typeof SortSpec>;

export function isGroup(f: Filter): f is { and: Filter[] } | { or: Filter[] } | { not: Filter } {
  return 'and' in f || 'or' in f || 'not' in f;
}

/** Which operators make sense for which kind of field; the web filter builder uses it too. */
export const OPERATORS_BY_TYPE: Record<string, readonly FilterOperator[]> = {
  text: ['eq', 'neq', 'in', 'notIn', 'contains', 'startsWith', 'lt', 'lte', 'gt', 'gte', 'between', 'isEmpty', 'isNotEmpty'],
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  date: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'isEmpty', 'isNotEmpty'],
  boolean: ['eq', 'neq', 'isEmpty', 'isNotEmpty'],
  select: ['eq', 'neq', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  multiselect: ['contains', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  ref: ['eq', 'neq', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
};

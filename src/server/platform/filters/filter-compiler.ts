import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Filter, type FilterCondition, OPERATORS_BY_TYPE, type Scalar } from '../../../contract/filter';
import type { Dialect } from '../../db/dialect';
import { AppError } from '../errors';
import { isId } from '../ids';
import { isIsoDate } from '../normalize';
import type { FieldRegistry, FieldSpec } from './field-spec';

const MAX_DEPTH = 12;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const fail = (path: string, message: string): never => {
  throw new AppError('invalid_filter', `${path}: ${message}`, { field: path, errors: [{ field: path, message }] });
};

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

/**
 * Compiles a filter into a WHERE expression for either database. Every value is bound as a
 * parameter; field names resolve only through the registry, never into SQL text.
 */
export function compileFilter(
  filter: Filter | undefined | null,
  fields: FieldRegistry,
  dialect: Dialect,
  path = 'filter',
): RawBuilder<SqlBool> {
  if (filter === undefined || filter === null) return TRUE;
  return compileNode(filter, fields, dialect, path, 0);
}

function compileNode(node: Filter, fields: FieldRegistry, dialect: Dialect, path: string, depth: number): RawBuilder<SqlBool> {
  if (depth > MAX_DEPTH) fail(path, `filters nest at most ${MAX_DEPTH} levels deep`);
  if (typeof node !== 'object' || node === null || Array.isArray(node)) fail(path, 'must be an object');
  // ?filter= is not checked by the request schema: refuse what it would refuse, since an ignored
  // key (a second group, a misspelt "value") silently changes which rows match.
  const keys = Object.keys(node);
  const groups = keys.filter((k) => k === 'and' || k === 'or' || k === 'not');
  if (groups.length > 1 || (groups.length === 1 && keys.length > 1)) fail(path, 'a group has exactly one of "and", "or", "not"');
  if (groups.length === 0) {
    const extra = keys.find((k) => k !== 'field' && k !== 'op' && k !== 'value');
    if (extra !== undefined) fail(`${path}.${extra}`, 'is not part of a condition (field, op, value)');
  }
  if ('and' in node || 'or' in node) {
    const op = 'and' in node ? 'and' : 'or';
    const list = (node as Record<string, unknown>)[op];
    if (!Array.isArray(list)) return fail(`${path}.${op}`, 'must be an array');
    if (list.length === 0) return op === 'and' ? TRUE : FALSE;
    const parts = list.map((child, i) => compileNode(child as Filter, fields, dialect, `${path}.${op}.${i}`, depth + 1));
    return sql<SqlBool>`(${sql.join(parts, op === 'and' ? sql` and ` : sql` or `)})`;
  }
  if ('not' in node) {
    // SQL's NOT of an unknown (a comparison with an empty field) is unknown, which would drop
    // the empty rows; "not (stage = customer)" must keep them, as `neq` does.
    const inner = compileNode(node.not, fields, dialect, `${path}.not`, depth + 1);
    return sql<SqlBool>`(case when ${inner} then 1 = 0 else 1 = 1 end)`;
  }
  return compileCondition(node as FilterCondition, fields, dialect, path);
}

function compileCondition(cond: FilterCondition, fields: FieldRegistry, dialect: Dialect, path: string): RawBuilder<SqlBool> {
  const field = fields.get(cond.field);
  if (!field) return fail(`${path}.field`, `unknown field "${cond.field}"`);
  const allowed = OPERATORS_BY_TYPE[field.kind];
  if (!allowed.includes(cond.op)) {
    return fail(`${path}.op`, `"${cond.op}" does not apply to ${field.kind} field "${field.key}"; use one of ${allowed.join(', ')}`);
  }
  const expr = field.expr(dialect);
  const valuePath = `${path}.value`;

  if (cond.op === 'isEmpty' || cond.op === 'isNotEmpty') {
    const empty = emptyTest(field, expr, dialect);
    return cond.op === 'isEmpty' ? empty : sql<SqlBool>`not (${empty})`;
  }
  if (field.kind === 'multiselect') return compileArray(cond, expr as RawBuilder<unknown>, dialect, valuePath);

  const one = () => coerce(field, cond.value, valuePath);
  const many = (): unknown[] => {
    if (!Array.isArray(cond.value) || cond.value.length === 0) return fail(valuePath, `"${cond.op}" needs a non-empty array`);
    return cond.value.map((v, i) => coerce(field, v, `${valuePath}.${i}`));
  };
  const isText = field.kind === 'text' || field.kind === 'select';
  const lhs: Expression<unknown> = isText ? dialect.ci(expr) : expr;
  const param = (v: unknown) => (isText ? dialect.ciValue(v as string) : v);

  switch (cond.op) {
    case 'eq':
      return sql<SqlBool>`${lhs} = ${param(one())}`;
    case 'neq':
      return sql<SqlBool>`(${expr} is null or ${lhs} <> ${param(one())})`;
    case 'lt':
      return sql<SqlBool>`${lhs} < ${param(one())}`;
    case 'lte':
      return sql<SqlBool>`${lhs} <= ${param(one())}`;
    case 'gt':
      return sql<SqlBool>`${lhs} > ${param(one())}`;
    case 'gte':
      return sql<SqlBool>`${lhs} >= ${param(one())}`;
    case 'between': {
      const [lo, hi] = many();
      if (!Array.isArray(cond.value) || cond.value.length !== 2) fail(valuePath, '"between" needs [low, high]');
      return sql<SqlBool>`(${lhs} >= ${param(lo)} and ${lhs} <= ${param(hi)})`;
    }
    case 'in':
      return sql<SqlBool>`${lhs} in (${sql.join(many().map(param))})`;
    case 'notIn':
      return sql<SqlBool>`(${expr} is null or ${lhs} not in (${sql.join(many().map(param))}))`;
    case 'contains':
      return dialect.contains(expr, textValue(cond.value, valuePath));
    case 'startsWith':
      return dialect.startsWith(expr, textValue(cond.value, valuePath));
    default:
      return fail(`${path}.op`, `unknown operator "${String(cond.op)}"`);
  }
}

function compileArray(cond: FilterCondition, array: RawBuilder<unknown>, dialect: Dialect, valuePath: string): RawBuilder<SqlBool> {
  if (cond.op === 'contains') return dialect.arrayHas(array, textValue(cond.value, valuePath));
  if (!Array.isArray(cond.value) || cond.value.length === 0) return fail(valuePath, `"${cond.op}" needs a non-empty array`);
  const any = sql<SqlBool>`(${sql.join(
    cond.value.map((v, i) => dialect.arrayHas(array, textValue(v, `${valuePath}.${i}`))),
    sql` or `,
  )})`;
  return cond.op === 'in' ? any : sql<SqlBool>`not ${any}`;
}

function emptyTest(field: FieldSpec, expr: Expression<unknown>, dialect: Dialect): RawBuilder<SqlBool> {
  if (field.kind === 'multiselect') return dialect.arrayIsEmpty(expr as RawBuilder<unknown>);
  if (field.kind === 'text' || field.kind === 'select') return sql<SqlBool>`(${expr} is null or ${expr} = '')`;
  return sql<SqlBool>`${expr} is null`;
}

function textValue(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) return fail(path, 'must be a non-empty string');
  return value;
}

/** Checks a comparison value against the field's kind and brings it to the stored form. */
function coerce(field: FieldSpec, value: unknown, path: string): Scalar {
  if (value === undefined || value === null || Array.isArray(value)) return fail(path, `must be a single ${field.kind} value`);
  switch (field.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'must be a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return fail(path, 'must be true or false');
      return value ? 1 : 0;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)) || !isIsoDate(value.slice(0, 10))) {
        return fail(path, 'must be a date (YYYY-MM-DD) or an ISO date-time');
      }
      return value.length > 10 ? new Date(value).toISOString() : value;
    case 'ref':
      if (!isId(value)) return fail(path, 'must be an id');
      return (value as string).toLowerCase();
    default:
      if (typeof value !== 'string') return fail(path, 'must be a string');
      return value;
  }
}

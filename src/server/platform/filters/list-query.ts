import { type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Filter, SortSpec } from '../../../contract/filter';
import type { Dialect } from '../../db/dialect';
import { AppError } from '../errors';
import { compileFilter } from './filter-compiler';
import type { FieldRegistry, FieldSpec } from './field-spec';

export type ListParams = {
  filter?: Filter | null;
  sort?: SortSpec[];
  cursor?: string;
  limit?: number;
  count?: boolean;
};

type SortKey = { field: FieldSpec; dir: 'asc' | 'desc' };

/** Parses `-updatedAt,lastName` into sort specs. */
export function parseSortParam(value: string | undefined): SortSpec[] | undefined {
  if (!value) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.startsWith('-') ? { field: s.slice(1), direction: 'desc' as const } : { field: s, direction: 'asc' as const }));
}

function resolveSort(sort: SortSpec[] | undefined, fields: FieldRegistry): SortKey[] {
  return (sort ?? []).map((s, i) => {
    const field = fields.get(s.field);
    const path = `sort.${i}.field`;
    if (!field) throw new AppError('validation_failed', `${path}: unknown field "${s.field}"`, { field: path });
    if (!field.sortable) throw new AppError('validation_failed', `${path}: "${s.field}" cannot be sorted`, { field: path });
    return { field, dir: s.direction ?? 'asc' };
  });
}

const signature = (keys: SortKey[]) => keys.map((k) => `${k.field.key}:${k.dir}`).join(',');

function encodeCursor(keys: SortKey[], row: Record<string, unknown>, dialect: Dialect): string {
  const values = keys.map((k) => k.field.read(row, dialect) ?? null);
  return Buffer.from(JSON.stringify({ s: signature(keys), v: values, id: row.id })).toString('base64url');
}

function decodeCursor(cursor: string, keys: SortKey[]): { v: unknown[]; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed.s === signature(keys) && Array.isArray(parsed.v) && parsed.v.length === keys.length && typeof parsed.id === 'string') {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid_cursor', 'cursor: does not belong to this list and sort; start again without it', {
    field: 'cursor',
  });
}

/**
 * Keyset pagination over (sort keys…, id). Empty values sort as the smallest value on both
 * databases (SQLite's native order), so the same indexes serve both directions.
 */
function orderExpr(key: SortKey, dialect: Dialect): Expression<unknown> {
  const e = key.field.expr(dialect);
  return key.field.kind === 'text' || key.field.kind === 'select' ? dialect.ci(e) : e;
}

function afterCursor(keys: SortKey[], idDir: 'asc' | 'desc', idRef: Expression<unknown>, cursor: { v: unknown[]; id: string }, dialect: Dialect) {
  const clauses: RawBuilder<SqlBool>[] = [];
  const equalSoFar: RawBuilder<SqlBool>[] = [];
  keys.forEach((key, i) => {
    const e = orderExpr(key, dialect);
    const raw = key.field.expr(dialect);
    const isText = key.field.kind === 'text' || key.field.kind === 'select';
    const c = cursor.v[i];
    const p = isText && typeof c === 'string' ? dialect.ciValue(c) : c;
    let after: RawBuilder<SqlBool>;
    if (c === null) after = key.dir === 'asc' ? sql<SqlBool>`${raw} is not null` : sql<SqlBool>`1 = 0`;
    else after = key.dir === 'asc' ? sql<SqlBool>`${e} > ${p}` : sql<SqlBool>`(${e} < ${p} or ${raw} is null)`;
    clauses.push(equalSoFar.length ? sql<SqlBool>`(${sql.join(equalSoFar, sql` and `)} and ${after})` : after);
    equalSoFar.push(c === null ? sql<SqlBool>`${raw} is null` : sql<SqlBool>`${e} = ${p}`);
  });
  const idAfter = idDir === 'asc' ? sql<SqlBool>`${idRef} > ${cursor.id}` : sql<SqlBool>`${idRef} < ${cursor.id}`;
  clauses.push(equalSoFar.length ? sql<SqlBool>`(${sql.join(equalSoFar, sql` and `)} and ${idAfter})` : idAfter);
  return sql<SqlBool>`(${sql.join(clauses, sql` or `)})`;
}

export async function runListQuery<Row extends { id: string }>(opts: {
  base: SelectQueryBuilder<any, any, Row>;
  table: string;
  fields: FieldRegistry;
  dialect: Dialect;
  params: ListParams;
}): Promise<{ rows: Row[]; nextCursor: string | null; total?: number }> {
  const { base, table, fields, dialect, params } = opts;
  const limit = params.limit ?? 50;
  const where = compileFilter(params.filter, fields, dialect);
  const keys = resolveSort(params.sort, fields).filter((k) => k.field.key !== 'id');
  const idSpec = (params.sort ?? []).find((s) => s.field === 'id');
  // Newest first unless told otherwise; the id breaks ties in the direction of the first key.
  const idDir: 'asc' | 'desc' = idSpec?.direction ?? keys[0]?.dir ?? 'desc';
  const idRef = sql.ref(`${table}.id`);

  let q = base.where(where);
  if (params.cursor) q = q.where(afterCursor(keys, idDir, idRef, decodeCursor(params.cursor, keys), dialect));
  for (const key of keys) {
    q = q.orderBy(sql`${orderExpr(key, dialect)} ${sql.raw(key.dir === 'asc' ? 'asc nulls first' : 'desc nulls last')}`);
  }
  q = q.orderBy(idRef, idDir).limit(limit + 1);

  const [rows, total] = await Promise.all([
    q.execute(),
    params.count
      ? base
          .clearSelect()
          .where(where)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirst()
          .then((r) => Number((r as { n?: number } | undefined)?.n ?? 0))
      : Promise.resolve(undefined),
  ]);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return {
    rows: page,
    nextCursor: more ? encodeCursor(keys, page[page.length - 1] as Record<string, unknown>, dialect) : null,
    ...(total !== undefined ? { total } : {}),
  };
}

import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../contract/filter';
import { type Dialect, postgresDialect, sqliteDialect } from '../../db/dialect';
import { AppError } from '../errors';
import { compileFilter } from './filter-compiler';
import { type FieldRegistry, column, customField } from './field-spec';

// Compile-only Kysely instances: these tests look at the SQL text and its parameters.
const compilers = {
  sqlite: new Kysely<any>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgres: new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

const fields: FieldRegistry = new Map(
  [
    column('t', 'name', 'name', 'text', 'Name'),
    column('t', 'age', 'age', 'number', 'Age'),
    column('t', 'born', 'born', 'date', 'Born'),
    column('t', 'ok', 'ok', 'boolean', 'Ok'),
    column('t', 'stage', 'stage', 'select', 'Stage'),
    column('t', 'tags', 'tags', 'multiselect', 'Tags'),
    column('t', 'companyId', 'company_id', 'ref', 'Company'),
    customField('t', { key: 'tier', label: 'Tier', type: 'select', choices: ['gold'] }),
  ].map((f) => [f.key, f]),
);

const dialects: [string, Dialect][] = [
  ['sqlite', sqliteDialect],
  ['postgres', postgresDialect],
];

function compiled(name: string, dialect: Dialect, filter: unknown) {
  const db = compilers[name as 'sqlite' | 'postgres'];
  return compileFilter(filter as Filter, fields, dialect).compile(db);
}

function errorOf(filter: unknown): { code: string; field?: string } {
  try {
    compileFilter(filter as Filter, fields, sqliteDialect);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return { code: (err as AppError).code, field: (err as AppError).extra.field };
  }
  throw new Error(`compiled without error: ${JSON.stringify(filter)}`);
}

describe.each(dialects)('compileFilter for %s', (name, dialect) => {
  it('binds every value as a parameter, never as SQL text', () => {
    const evil = "x' or '1'='1";
    const q = compiled(name, dialect, {
      or: [
        { field: 'name', op: 'eq', value: evil },
        { field: 'name', op: 'contains', value: evil },
        { field: 'name', op: 'startsWith', value: evil },
        { field: 'stage', op: 'in', value: [evil, 'b'] },
        { field: 'tags', op: 'contains', value: evil },
        { field: 'custom.tier', op: 'notIn', value: [evil] },
      ],
    });
    expect(q.sql).not.toContain("'1'='1");
    expect(q.sql).not.toContain(evil.toLowerCase());
    expect(q.parameters.some((p) => String(p).toLowerCase().includes("x' or '1'='1"))).toBe(true);
  });

  it('escapes LIKE wildcards in contains and startsWith', () => {
    const q = compiled(name, dialect, { field: 'name', op: 'contains', value: '50%_off\\' });
    expect(q.parameters).toContain('%50\\%\\_off\\\\%');
  });

  it('compiles an empty filter, and empty groups, to constants', () => {
    expect(compiled(name, dialect, undefined).sql).toBe('1 = 1');
    expect(compiled(name, dialect, null).sql).toBe('1 = 1');
    expect(compiled(name, dialect, { and: [] }).sql).toBe('1 = 1');
    expect(compiled(name, dialect, { or: [] }).sql).toBe('1 = 0');
  });

  it('turns booleans into 0/1 and lower-cases reference ids', () => {
    expect(compiled(name, dialect, { field: 'ok', op: 'eq', value: true }).parameters).toEqual([1]);
    const id = '01900000-0000-7000-8000-00000000ABCD';
    expect(compiled(name, dialect, { field: 'companyId', op: 'eq', value: id }).parameters).toEqual([id.toLowerCase()]);
    // Date-times are compared in UTC, as they are stored.
    expect(compiled(name, dialect, { field: 'born', op: 'lt', value: '2024-01-01T01:00:00+01:00' }).parameters).toEqual(['2024-01-01T00:00:00.000Z']);
    expect(compiled(name, dialect, { field: 'born', op: 'lt', value: '2024-01-01' }).parameters).toEqual(['2024-01-01']);
  });

  it('keeps empty values in a negation', () => {
    const q = compiled(name, dialect, { not: { field: 'age', op: 'gt', value: 3 } });
    // NOT (null > 3) would be null and drop the row; the CASE makes it true.
    expect(q.sql).toMatch(/^\(case when .* then 1 = 0 else 1 = 1 end\)$/);
  });
});

describe('compileFilter errors', () => {
  it.each([
    [{ field: 'nope', op: 'eq', value: 1 }, 'filter.field'],
    [{ field: 'age', op: 'contains', value: '1' }, 'filter.op'],
    [{ field: 'age', op: 'bogus', value: 1 }, 'filter.op'],
    [{ field: 'age', op: 'eq', value: '1' }, 'filter.value'],
    [{ field: 'age', op: 'eq', value: null }, 'filter.value'],
    [{ field: 'age', op: 'in', value: [] }, 'filter.value'],
    [{ field: 'age', op: 'in', value: [1, '2'] }, 'filter.value.1'],
    [{ field: 'age', op: 'between', value: [1, 2, 3] }, 'filter.value'],
    [{ field: 'born', op: 'gt', value: '2023-02-29' }, 'filter.value'],
    [{ field: 'born', op: 'gt', value: 'yesterday' }, 'filter.value'],
    [{ field: 'ok', op: 'eq', value: 1 }, 'filter.value'],
    [{ field: 'companyId', op: 'eq', value: 'acme' }, 'filter.value'],
    [{ field: 'tags', op: 'contains', value: '' }, 'filter.value'],
    [{ field: 'tags', op: 'in', value: 'a' }, 'filter.value'],
    [{ field: 'name', op: 'eq', value: 'a', extra: 1 }, 'filter.extra'],
    [{ and: [], or: [] }, 'filter'],
    [{ not: { field: 'name', op: 'eq', value: 'a' }, field: 'name' }, 'filter'],
    [{ and: 'x' }, 'filter.and'],
    [{ and: [{ or: [{ field: 'x', op: 'eq', value: 1 }] }] }, 'filter.and.0.or.0.field'],
    [{ not: [] }, 'filter.not'],
    [[], 'filter'],
    ['name', 'filter'],
  ])('%j → %s', (filter, field) => {
    expect(errorOf(filter)).toEqual({ code: 'invalid_filter', field });
  });

  it('limits nesting', () => {
    let deep: unknown = { field: 'name', op: 'eq', value: 'a' };
    for (let i = 0; i < 12; i++) deep = { not: deep };
    expect(() => compileFilter(deep as Filter, fields, sqliteDialect)).not.toThrow();
    deep = { not: deep };
    expect(errorOf(deep).code).toBe('invalid_filter');
  });
});

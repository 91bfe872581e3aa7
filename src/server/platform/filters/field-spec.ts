import { type Expression, sql } from 'kysely';
import type { Dialect, ValueKind } from '../../db/dialect';

/** How a field behaves in filters and sorts; the same kinds as OPERATORS_BY_TYPE in the contract. */
export type FieldKind = 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect' | 'ref';

export type FieldSpec = {
  key: string;
  label: string;
  kind: FieldKind;
  /** The SQL expression that yields the field's value for a row. */
  expr: (dialect: Dialect) => Expression<unknown>;
  /** Row property holding the value, for building cursors. */
  read: (row: Record<string, unknown>, dialect: Dialect) => unknown;
  sortable: boolean;
  options?: string[];
};

export type FieldRegistry = Map<string, FieldSpec>;

/** A built-in column of `table`. */
export function column(
  table: string,
  key: string,
  col: string,
  kind: FieldKind,
  label: string,
  extra: Partial<Pick<FieldSpec, 'sortable' | 'options'>> = {},
): FieldSpec {
  return {
    key,
    label,
    kind,
    expr: (dialect) => (kind === 'multiselect' ? dialect.jsonArray(sql.ref(`${table}.${col}`), null) : sql.ref(`${table}.${col}`)),
    read: (row) => row[col],
    sortable: extra.sortable ?? kind !== 'multiselect',
    options: extra.options,
  };
}

const CUSTOM_KIND: Record<string, FieldKind> = {
  text: 'text',
  long_text: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  number: 'number',
  currency: 'number',
  date: 'date',
  datetime: 'date',
  boolean: 'boolean',
  select: 'select',
  multi_select: 'multiselect',
};

const valueKind = (kind: FieldKind): ValueKind =>
  kind === 'number' ? 'number' : kind === 'boolean' ? 'boolean' : 'text';

/** A custom field stored in the `custom` JSON column of `table`. */
export function customField(table: string, def: { key: string; label: string; type: string; choices: string[] }): FieldSpec {
  const kind = CUSTOM_KIND[def.type] ?? 'text';
  return {
    key: `custom.${def.key}`,
    label: def.label,
    kind,
    expr: (dialect) =>
      kind === 'multiselect'
        ? dialect.jsonArray(sql.ref(`${table}.custom`), def.key)
        : dialect.jsonField(sql.ref(`${table}.custom`), def.key, valueKind(kind)),
    read: (row, dialect) => {
      const custom = dialect.json.read<Record<string, unknown>>(row.custom, {});
      const v = custom[def.key];
      return kind === 'boolean' && typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    },
    sortable: kind !== 'multiselect' && def.type !== 'long_text',
    options: def.choices.length ? def.choices : undefined,
  };
}

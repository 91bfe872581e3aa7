import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { SortSpec } from '../../../contract/filter';
import { CHECKBOX_WIDTH, type Column } from './columns';

type Props = {
  primary: Column;
  columns: Column[];
  sort: SortSpec[];
  onSort: (field: string) => void;
  width: number;
  allSelected: boolean;
  someSelected: boolean;
  onToggleAll: () => void;
  selectable: boolean;
};

function HeaderCell({ column, sort, onSort, sticky }: { column: Column; sort: SortSpec[]; onSort: (f: string) => void; sticky?: boolean }) {
  const { field } = column;
  // A reference (company, owner) sorts by its id on the server, an order nobody could read.
  const sortable = field.sortable && field.kind !== 'ref';
  const dir = sort[0]?.field === field.key ? sort[0].direction : null;
  const Icon = dir === 'asc' ? IconArrowUp : dir === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <div
      role="columnheader"
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
      className={`data-grid-cell${sticky ? ' sticky' : ''}`}
      style={{ width: column.width, height: 36, ...(sticky ? { left: CHECKBOX_WIDTH } : {}) }}
    >
      <button
        type="button"
        className="sort-button"
        disabled={!sortable}
        onClick={() => onSort(field.key)}
        aria-label={sortable ? `Sort by ${field.label}` : field.label}
        title={sortable ? `Sort by ${field.label}` : `${field.label} cannot be sorted`}
      >
        <span className="cell-text">{field.label}</span>
        {sortable && <Icon size={13} style={{ flexShrink: 0, opacity: dir ? 1 : 0.35 }} aria-hidden />}
      </button>
    </div>
  );
}

export function TableHeader({ primary, columns, sort, onSort, width, allSelected, someSelected, onToggleAll, selectable }: Props) {
  return (
    <div className="data-grid-header" role="row" style={{ width }}>
      <div className="data-grid-cell sticky" style={{ width: CHECKBOX_WIDTH, left: 0, justifyContent: 'center' }} role="columnheader">
        {selectable && (
          <input
            type="checkbox"
            className="row-check"
            aria-label="Select all loaded rows"
            checked={allSelected}
            ref={(el) => {
              if (el) el.indeterminate = someSelected && !allSelected;
            }}
            onChange={onToggleAll}
          />
        )}
      </div>
      <HeaderCell column={primary} sort={sort} onSort={onSort} sticky />
      {columns.map((c) => (
        <HeaderCell key={c.field.key} column={c} sort={sort} onSort={onSort} />
      ))}
    </div>
  );
}

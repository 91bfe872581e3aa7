import { Skeleton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SortSpec } from '../../../contract/filter';
import { CHECKBOX_WIDTH, type Column, ROW_HEIGHT } from './columns';
import type { AnyRecord, ObjectConfig } from './object-config';
import { TableHeader } from './table-header';
import { TableRow } from './table-row';

export type RecordTableProps = {
  config: ObjectConfig;
  rows: AnyRecord[];
  total: number | undefined;
  primary: Column;
  columns: Column[];
  sort: SortSpec[];
  onSort: (field: string) => void;
  selected: Set<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  selectable: boolean;
  trash: boolean;
  hasNextPage: boolean;
  /** Any fetch of the list in flight: a live refresh can supersede a next-page fetch, and the next page is asked for again once it ends. */
  isFetching: boolean;
  fetchNextPage: () => void;
  memberName: (id: string) => string | undefined;
  onSave: (record: AnyRecord, column: Column, value: unknown) => Promise<unknown>;
  onRestore: (id: string) => void;
};

/** How close to the end of the loaded rows the next page is asked for. */
const PREFETCH_ROWS = 40;

/**
 * A virtualised grid: only the rows in view (plus a margin) exist in the DOM, so 100,000 rows
 * scroll like 100. Pages load as the end of the loaded rows comes into view.
 */
export function RecordTable(props: RecordTableProps) {
  const { rows, hasNextPage, isFetching, fetchNextPage, primary, columns } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ id: string; key: string } | null>(null);
  const count = rows.length + (hasNextPage ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.id ?? `loader-${i}`,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : 0;

  useEffect(() => {
    if (hasNextPage && !isFetching && lastIndex >= rows.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetching, lastIndex, rows.length, fetchNextPage]);

  const width = CHECKBOX_WIDTH + primary.width + columns.reduce((w, c) => w + c.width, 0);
  const onEdit = useCallback((id: string, key: string | null) => setEditing(key ? { id, key } : null), []);
  const loadedSelected = rows.length > 0 && rows.every((r) => props.selected.has(r.id));

  return (
    <div
      ref={scrollRef}
      className="data-grid"
      role="grid"
      aria-rowcount={(props.total ?? rows.length) + 1}
      aria-label={props.config.plural}
      data-testid="record-table"
    >
      <TableHeader
        primary={primary}
        columns={columns}
        sort={props.sort}
        onSort={props.onSort}
        width={width}
        allSelected={loadedSelected}
        someSelected={props.selected.size > 0}
        onToggleAll={props.onToggleAll}
        selectable={props.selectable}
      />
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {items.map((item) => {
          const record = rows[item.index];
          if (!record) {
            return (
              <div key={item.key} className="data-grid-row" style={{ top: item.start, height: ROW_HEIGHT, width, alignItems: 'center', padding: '0 12px', gap: 12 }} aria-busy>
                <Skeleton height={12} width={CHECKBOX_WIDTH - 24} />
                <Skeleton height={12} width={primary.width - 40} />
                <Skeleton height={12} width={Math.min(600, width / 2)} />
              </div>
            );
          }
          return (
            <TableRow
              key={item.key}
              config={props.config}
              record={record}
              index={item.index}
              top={item.start}
              width={width}
              primary={primary}
              columns={columns}
              selected={props.selected.has(record.id)}
              selectable={props.selectable}
              trash={props.trash}
              editingKey={editing?.id === record.id ? editing.key : null}
              memberName={props.memberName}
              onToggle={props.onToggle}
              onEdit={onEdit}
              onSave={props.onSave}
              onRestore={props.onRestore}
            />
          );
        })}
      </div>
    </div>
  );
}

/** The table's shape while the first page loads. */
export function TableSkeleton() {
  return (
    <div className="data-grid" aria-busy aria-label="Loading" style={{ contain: 'none' }}>
      <div className="data-grid-header" style={{ height: 36 }} />
      {Array.from({ length: 12 }, (_, i) => (
        
        <div key={i} style={{ display: 'flex', gap: 16, alignItems: 'center', height: ROW_HEIGHT, padding: '0 14px', borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Skeleton height={14} width={14} radius="sm" />
          <Skeleton height={12} width={180} />
          <Skeleton height={12} width={200} />
          <Skeleton height={12} width={120} />
        </div>
      ))}
    </div>
  );
}

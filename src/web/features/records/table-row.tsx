import { ActionIcon, Tooltip } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { memo } from 'react';
import { Link } from 'react-router-dom';
import { CellValue } from './cell-value';
import { CHECKBOX_WIDTH, type Column } from './columns';
import { InlineCellEditor } from './inline-cell-editor';
import type { AnyRecord, ObjectConfig } from './object-config';

export type RowProps = {
  config: ObjectConfig;
  record: AnyRecord;
  index: number;
  top: number;
  width: number;
  primary: Column;
  columns: Column[];
  selected: boolean;
  selectable: boolean;
  trash: boolean;
  editingKey: string | null;
  memberName: (id: string) => string | undefined;
  onToggle: (id: string) => void;
  onEdit: (id: string, key: string | null) => void;
  onSave: (record: AnyRecord, column: Column, value: unknown) => Promise<unknown>;
  onRestore: (id: string) => void;
};

function Cell({ row, column }: { row: RowProps; column: Column }) {
  const editable = !!column.editor && !row.trash && row.selectable;
  const content = (
    <div
      role="gridcell"
      className="data-grid-cell"
      style={{ width: column.width }}
      data-editable={editable}
      data-column={column.field.key}
      onDoubleClick={editable ? () => row.onEdit(row.record.id, column.field.key) : undefined}
      onKeyDown={editable ? (e) => e.key === 'Enter' && e.target === e.currentTarget && row.onEdit(row.record.id, column.field.key) : undefined}
      tabIndex={editable ? -1 : undefined}
      title={editable ? 'Double-click to edit' : undefined}
    >
      <CellValue record={row.record} field={column.field} customDef={column.customDef} memberName={row.memberName} Custom={row.config.cells?.[column.field.key]} />
    </div>
  );
  if (row.editingKey !== column.field.key) return content;
  return (
    <InlineCellEditor record={row.record} column={column} onSave={row.onSave} onClose={() => row.onEdit(row.record.id, null)}>
      {content}
    </InlineCellEditor>
  );
}

/** One virtual row: checkbox, the pinned name that links to the record, then the chosen columns. */
export const TableRow = memo(function TableRow(row: RowProps) {
  const { record, config, primary } = row;
  const title = config.titleOf(record);
  return (
    <div
      role="row"
      aria-rowindex={row.index + 2}
      aria-selected={row.selected}
      className="data-grid-row"
      data-selected={row.selected}
      data-testid="list-row"
      style={{ top: row.top, height: 40, width: row.width }}
    >
      <div className="data-grid-cell sticky" style={{ width: CHECKBOX_WIDTH, left: 0, justifyContent: 'center' }} role="gridcell">
        {row.selectable && <input type="checkbox" className="row-check" aria-label={`Select ${title}`} checked={row.selected} onChange={() => row.onToggle(record.id)} />}
      </div>
      <div className="data-grid-cell sticky" style={{ width: primary.width, left: CHECKBOX_WIDTH, justifyContent: 'space-between' }} role="gridcell">
        <Link className="record-link" to={`/${config.type}/${record.id}`}>
          {title}
        </Link>
        {row.trash && row.selectable && (
          <Tooltip label="Restore" withArrow>
            <ActionIcon size="sm" variant="subtle" aria-label={`Restore ${title}`} onClick={() => row.onRestore(record.id)}>
              <IconRestore size={15} />
            </ActionIcon>
          </Tooltip>
        )}
      </div>
      {row.columns.map((c) => (
        <Cell key={c.field.key} row={row} column={c} />
      ))}
    </div>
  );
});

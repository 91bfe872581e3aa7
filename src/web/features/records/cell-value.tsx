import type { CSSProperties } from 'react';
import { Link } from 'react-router-dom';
import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { CustomField } from '../../../contract/custom-fields';
import { formatDate, formatNumber } from '../../lib/format';
import type { FieldInfo } from '../views/filter-model';
import { type AnyRecord, type CellComponent, STAGE_COLORS, stageLabel } from './object-config';
import { valueAt } from './record-changes';

// Cells are plain elements with CSS classes, not Mantine components: a scrolling table renders
// hundreds of them per frame.

const Empty = () => <span className="cell-empty">—</span>;

function Tags({ values }: { values: string[] }) {
  if (!values.length) return <Empty />;
  return (
    <span className="cell-tags">
      {values.slice(0, 3).map((t) => (
        <span key={t} className="cell-tag">
          {t}
        </span>
      ))}
      {values.length > 3 && <span className="cell-more">+{values.length - 3}</span>}
    </span>
  );
}

const stageStyle = (stage: string): CSSProperties => {
  const color = STAGE_COLORS[stage] ?? 'gray';
  return { background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` };
};

/** One value as the table shows it; `memberName` resolves user ids. */
export function CellValue({
  record,
  field,
  customDef,
  memberName,
  Custom,
}: {
  record: AnyRecord;
  field: FieldInfo;
  customDef?: CustomField;
  memberName: (id: string) => string | undefined;
  Custom?: CellComponent;
}) {
  const key = field.key;
  if (Custom) return <Custom record={record} />;
  if (key === 'companyId' || key === 'parentId') {
    const ref = key === 'companyId' ? (record as Contact).company : (record as Company).parent;
    return ref ? (
      <Link className="record-link" to={`/companies/${ref.id}`}>
        {ref.name}
      </Link>
    ) : (
      <Empty />
    );
  }
  const value = valueAt(record, key);
  if (field.kind === 'boolean') return value ? <span className="cell-yes">Yes</span> : <span className="cell-empty">No</span>;
  if (value === null || value === undefined || value === '') return <Empty />;
  if (key === 'ownerId' || key === 'createdBy') return <span className="cell-text">{memberName(String(value)) ?? 'Former member'}</span>;
  if (key === 'lifecycleStage') {
    return (
      <span className="cell-badge" style={stageStyle(String(value))}>
        {stageLabel(String(value))}
      </span>
    );
  }
  if (Array.isArray(value)) return <Tags values={value.map(String)} />;
  if (typeof value === 'number') return <span className="cell-text cell-number">{formatNumber(value, customDef?.currency)}</span>;
  const text = String(value);
  if (field.kind === 'date') return <span className="cell-text">{formatDate(text, customDef?.type === 'datetime')}</span>;
  if (key === 'website' || customDef?.type === 'url') {
    return (
      <a className="cell-text cell-link" href={text} target="_blank" rel="noreferrer">
        {text.replace(/^https?:\/\//, '')}
      </a>
    );
  }
  return (
    <span className="cell-text" title={text.length > 28 ? text : undefined}>
      {text}
    </span>
  );
}

import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { CustomField } from '../../../contract/custom-fields';
import { formatDate, formatNumber } from '../../lib/format';
import type { FieldInfo } from '../views/filter-model';
import { type AnyRecord, STAGE_COLORS, stageLabel } from './object-config';
import { valueAt } from './record-changes';

const Empty = () => (
  <Text span c="gray.5" size="sm">
    —
  </Text>
);

function Tags({ values }: { values: string[] }) {
  if (!values.length) return <Empty />;
  return (
    <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
      {values.slice(0, 3).map((t) => (
        <Badge key={t} size="sm" variant="light" color="gray" radius="sm" style={{ flexShrink: 0, textTransform: 'none' }}>
          {t}
        </Badge>
      ))}
      {values.length > 3 && (
        <Text span size="xs" c="dimmed">
          +{values.length - 3}
        </Text>
      )}
    </Group>
  );
}

/** One value as the table shows it; `memberName` resolves user ids. */
export function CellValue({
  record,
  field,
  customDef,
  memberName,
}: {
  record: AnyRecord;
  field: FieldInfo;
  customDef?: CustomField;
  memberName: (id: string) => string | undefined;
}) {
  const key = field.key;
  if (key === 'companyId') {
    const company = (record as Contact).company;
    return company ? (
      <Link className="record-link" to={`/companies/${company.id}`}>
        {company.name}
      </Link>
    ) : (
      <Empty />
    );
  }
  if (key === 'parentId') {
    const parent = (record as Company).parent;
    return parent ? (
      <Link className="record-link" to={`/companies/${parent.id}`}>
        {parent.name}
      </Link>
    ) : (
      <Empty />
    );
  }
  const value = valueAt(record, key);
  if (value === null || value === undefined || value === '') return field.kind === 'boolean' ? <Text span size="sm" c="dimmed">No</Text> : <Empty />;
  if (key === 'ownerId' || key === 'createdBy') return <span className="cell-text">{memberName(String(value)) ?? 'Former member'}</span>;
  if (key === 'lifecycleStage') {
    return (
      <Badge size="sm" variant="light" color={STAGE_COLORS[String(value)] ?? 'gray'} style={{ textTransform: 'none' }}>
        {stageLabel(String(value))}
      </Badge>
    );
  }
  if (Array.isArray(value)) return <Tags values={value.map(String)} />;
  if (typeof value === 'boolean' || field.kind === 'boolean') {
    return value ? <IconCheck size={16} color="var(--mantine-color-teal-6)" aria-label="Yes" /> : <Text span size="sm" c="dimmed">No</Text>;
  }
  if (typeof value === 'number') return <span className="cell-text" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNumber(value, customDef?.currency)}</span>;
  const text = String(value);
  if (field.kind === 'date') return <span className="cell-text">{formatDate(text, customDef?.type === 'datetime')}</span>;
  if (key === 'website' || customDef?.type === 'url') {
    return (
      <Anchor href={text} target="_blank" rel="noreferrer" size="sm" className="cell-text" onClick={(e) => e.stopPropagation()}>
        {text.replace(/^https?:\/\//, '')}
      </Anchor>
    );
  }
  if (key === 'email' || customDef?.type === 'email') {
    return (
      <Anchor href={`mailto:${text}`} size="sm" className="cell-text" c="inherit">
        {text}
      </Anchor>
    );
  }
  return <span className="cell-text" title={text.length > 30 ? text : undefined}>{text}</span>;
}

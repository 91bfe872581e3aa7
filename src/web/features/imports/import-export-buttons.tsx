import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Filter } from '../../../contract/filter';
import { useCan } from '../../app/session';
import { queryString } from '../../lib/api';

// A list column that holds a reference exports as the name it shows.
const EXPORT_COLUMN: Record<string, string> = { companyId: 'company', parentId: 'parent' };

/** The address of an export of the list as it is shown: its filter and its columns. */
export function exportUrl(type: string, format: 'csv' | 'json' | 'vcf', opts: { filter: Filter | null; columns: string[] }): string {
  const columns = format === 'vcf' ? undefined : ['id', ...opts.columns.map((c) => EXPORT_COLUMN[c] ?? c)].join(',');
  return `/api/v1/${type}/export${queryString({ format, filter: opts.filter ? JSON.stringify(opts.filter) : undefined, columns })}`;
}

/** Import (contacts, companies, leads, deals) and Export (contacts, companies) on a list's toolbar. */
export function ImportExportButtons({ type, filter, columns }: { type: string; filter: Filter | null; columns: string[] }) {
  const canImport = useCan('records:bulk');
  const formats = [
    { format: 'csv' as const, label: 'CSV (spreadsheets)' },
    { format: 'json' as const, label: 'JSON' },
    ...(type === 'contacts' ? [{ format: 'vcf' as const, label: 'vCard (address books)' }] : []),
  ];
  return (
    <>
      {canImport && (
        <Button variant="subtle" color="gray" leftSection={<IconFileImport size={16} />} component={Link} to={`/imports/new?object=${type}`} visibleFrom="sm">
          Import
        </Button>
      )}
      {(type === 'contacts' || type === 'companies') && (
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="subtle" color="gray" leftSection={<IconDownload size={16} />} visibleFrom="sm">
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>This list, as shown</Menu.Label>
          {formats.map((f) => (
            <Menu.Item key={f.format} component="a" href={exportUrl(type, f.format, { filter, columns })} download>
              {f.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      )}
    </>
  );
}

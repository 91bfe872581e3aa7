import { Button, Group, Text } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import type { Filter } from '../../../contract/filter';
import { plural } from '../../lib/format';
import { DuplicatesButton } from '../duplicates/duplicates-button';
import { ImportExportButtons } from '../imports/import-export-buttons';
import { FilterBuilder } from '../views/filter-builder';
import type { FieldInfo } from '../views/filter-model';
import { ViewsMenu } from '../views/views-menu';
import { ColumnChooser } from './column-chooser';
import type { ListState } from './list-params';
import type { ObjectConfig } from './object-config';

type Props = {
  config: ObjectConfig;
  state: ListState;
  update: (patch: Partial<ListState>) => void;
  fields: FieldInfo[];
  columnFields: FieldInfo[];
  columns: string[];
  loaded: number;
  total: number | undefined;
};

export function ListToolbar({ config, state, update, fields, columnFields, columns, loaded, total }: Props) {
  const filterable = fields.filter((f) => f.key !== 'deletedAt' || state.trash);
  return (
    <Group justify="space-between" gap="xs" mb="sm" wrap="wrap">
      <Group gap="xs" wrap="wrap" style={{ rowGap: 8 }}>
        {state.trash ? (
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => update({ trash: false })}>
            Back to {config.plural}
          </Button>
        ) : (
          <ViewsMenu config={config} state={state} update={update} />
        )}
        <FilterBuilder filter={state.filter} fields={filterable} onApply={(filter: Filter | null) => update({ filter })} />
        <ColumnChooser fields={columnFields} columns={columns} onChange={(cols) => update({ columns: cols })} />
        {!state.trash && (
          <Button variant="subtle" color="gray" leftSection={<IconTrash size={16} />} onClick={() => update({ trash: true })} visibleFrom="sm">
            Trash
          </Button>
        )}
        {!state.trash && <DuplicatesButton type={config.type} />}
        {!state.trash && <ImportExportButtons type={config.type as 'contacts' | 'companies'} filter={state.filter} columns={[config.primaryColumn, ...columns]} />}
      </Group>
      <Text size="sm" c="dimmed" data-testid="list-count" aria-live="polite" visibleFrom="sm">
        {total === undefined ? '' : total === loaded || loaded === 0 ? plural(total, config.singular, config.plural) : `${loaded.toLocaleString()} of ${plural(total, config.singular, config.plural)}`}
      </Text>
    </Group>
  );
}

import { Badge, Button, Group, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useMembers } from '../settings/use-members';
import { BulkBar } from './bulk-bar';
import { type Column, columnWidth, isColumnCandidate } from './columns';
import { CreateRecordModal } from './create-record-modal';
import { editorFor } from './field-editors';
import { ListEmpty } from './list-empty';
import { toggleSort } from './list-params';
import { ListToolbar } from './list-toolbar';
import type { AnyRecord, ObjectConfig } from './object-config';
import { changesFor } from './record-changes';
import { RecordTable, TableSkeleton } from './record-table';
import { useCustomFields, useFields } from './use-fields';
import { useListState } from './use-list-state';
import { useRecordList } from './use-record-list';
import { useRecordMutations } from './use-record-mutations';

/** The list screen of any record type: views, filter, columns, sort, bulk actions, trash; `actions` sit beside the title. */
export function RecordListPage({ config, actions }: { config: ObjectConfig; actions?: React.ReactNode }) {
  const [state, update] = useListState();
  const [params, setParams] = useSearchParams();
  const fields = useFields(config.type);
  const customFieldsQuery = useCustomFields(config.type);
  const customDefs = useMemo(() => customFieldsQuery.data ?? [], [customFieldsQuery.data]);
  const members = useMembers();
  const canWrite = useCan('records:write');
  const mutations = useRecordMutations(config.type);
  const list = useRecordList(config.type, { filter: state.filter, sort: state.sort, trash: state.trash });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  useDocumentTitle(`${state.trash ? 'Trash · ' : ''}${config.plural[0].toUpperCase()}${config.plural.slice(1)} · Rapport`);

  const listIdentity = JSON.stringify([state.filter, state.sort, state.trash]);
  // A different list starts with nothing selected.
  useEffect(() => setSelected(new Set()), [listIdentity]);

  const allFields = useMemo(() => fields.data ?? [], [fields.data]);
  const columnFields = allFields.filter((f) => isColumnCandidate(f, config.primaryColumn));
  const columnList = (state.columns ?? config.defaultColumns).filter((k) => columnFields.some((f) => f.key === k)).join(',');
  const columnKeys = useMemo(() => (columnList ? columnList.split(',') : []), [columnList]);
  const toColumn = useCallback(
    (key: string): Column | null => {
      const field = allFields.find((f) => f.key === key);
      if (!field) return null;
      return { field, width: columnWidth(field), editor: editorFor(config.type, key, customDefs), customDef: customDefs.find((d) => `custom.${d.key}` === key) };
    },
    [allFields, customDefs, config.type],
  );
  const columns = useMemo(() => columnKeys.map(toColumn).filter((c): c is Column => c !== null), [columnKeys, toColumn]);
  const primary = useMemo(() => toColumn(config.primaryColumn), [toColumn, config.primaryColumn]);

  const onToggle = useCallback((id: string) => setSelected((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  }), []);
  const onToggleAll = () => setSelected((prev) => (list.rows.length && list.rows.every((r) => prev.has(r.id)) ? new Set() : new Set(list.rows.map((r) => r.id))));
  const onSave = useCallback((record: AnyRecord, column: Column, value: unknown) => mutations.update(record, changesFor(record, column.field.key, value)), [mutations]);
  const onRestore = useCallback(
    (id: string) =>
      void mutations.restore(id).then(
        (r) => notifySuccess(`${config.titleOf(r)} restored`),
        (err) => notifyError(err, 'Could not restore'),
      ),
    [mutations, config],
  );
  const onSort = useCallback((field: string) => update({ sort: toggleSort(state.sort, field) }), [state.sort, update]);
  const memberName = useCallback((id: string) => members.byId.get(id)?.name, [members.byId]);
  const selectedRecords = list.rows.filter((r) => selected.has(r.id));
  const creating = params.get('new') === '1';
  const closeCreate = () =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('new');
      return next;
    });

  const error = list.error ?? fields.error;
  return (
    <div className="list-page">
      <Group justify="space-between" mb="sm" gap="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={1} size="h3" style={{ textTransform: 'capitalize' }}>
            {state.trash ? `Trash · ${config.plural}` : config.plural}
          </Title>
          {list.total !== undefined && (
            <Badge variant="light" color="gray" size="lg" style={{ textTransform: 'none', flexShrink: 0 }} maw="none">
              {list.total.toLocaleString()}
            </Badge>
          )}
          {actions}
        </Group>
        {canWrite && !state.trash && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setParams((prev) => new URLSearchParams([...prev, ['new', '1']]))}
            aria-label={`New ${config.singular}`}
            style={{ flexShrink: 0 }}
          >
            New<span className="hide-on-phone">&nbsp;{config.singular}</span>
          </Button>
        )}
      </Group>
      <ListToolbar
        config={config}
        state={state}
        update={update}
        fields={allFields}
        columnFields={columnFields}
        columns={columnKeys}
        loaded={list.rows.length}
        total={list.total}
      />
      {selected.size > 0 && (
        <div style={{ marginBottom: 8 }}>
          <BulkBar config={config} selected={selectedRecords} trash={state.trash} customDefs={customDefs} onDone={() => setSelected(new Set())} />
        </div>
      )}
      {error ? (
        <ErrorAlert error={error} title={`Could not load ${config.plural}`}>
          {state.filter && (
            <div style={{ marginTop: 8 }}>
              <Button size="xs" variant="white" color="red" onClick={() => update({ filter: null })}>
                Clear the filter
              </Button>
            </div>
          )}
        </ErrorAlert>
      ) : list.isPending || fields.isPending || !primary ? (
        <TableSkeleton />
      ) : list.rows.length === 0 ? (
        <ListEmpty config={config} state={state} update={update} canWrite={canWrite} onCreate={() => setParams((prev) => new URLSearchParams([...prev, ['new', '1']]))} />
      ) : (
        <RecordTable
          config={config}
          rows={list.rows}
          total={list.total}
          primary={primary}
          columns={columns}
          sort={state.sort}
          onSort={onSort}
          selected={selected}
          onToggle={onToggle}
          onToggleAll={onToggleAll}
          selectable={canWrite}
          trash={state.trash}
          hasNextPage={list.hasNextPage}
          isFetching={list.isFetching}
          fetchNextPage={list.fetchNextPage}
          memberName={memberName}
          onSave={onSave}
          onRestore={onRestore}
        />
      )}
      {creating && (config.CreateModal ? <config.CreateModal opened onClose={closeCreate} /> : <CreateRecordModal config={config} opened onClose={closeCreate} />)}
    </div>
  );
}

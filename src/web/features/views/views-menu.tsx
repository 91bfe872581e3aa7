import { Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconDeviceFloppy, IconLayoutList, IconLock, IconPlus, IconTrash, IconTrashX, IconUsers } from '@tabler/icons-react';
import type { SortSpec } from '../../../contract/filter';
import type { View } from '../../../contract/views';
import { useCan, useCurrentSession } from '../../app/session';
import { notifyError, notifySuccess } from '../../lib/notify';
import { type ListState, differsFromView } from '../records/list-params';
import type { ObjectConfig } from '../records/object-config';
import { SaveViewModal } from './save-view-modal';
import { useViewMutations, useViews } from './use-views';

type Props = { config: ObjectConfig; state: ListState; update: (patch: Partial<ListState>) => void };

/** Saved views: switch between them, save the current list as one, share, update or delete. */
export function ViewsMenu({ config, state, update }: Props) {
  const session = useCurrentSession();
  const canShare = useCan('views:share');
  const { data: views = [], isPending } = useViews(config.type);
  const mutations = useViewMutations(config.type);
  const [saveOpened, saveModal] = useDisclosure(false);
  const current = views.find((v) => v.id === state.viewId) ?? null;
  const changed = current ? differsFromView(state, current, config.defaultColumns) : false;
  const mayEdit = (v: View) => v.ownerId === session.user.id || (v.visibility === 'shared' && canShare);

  const open = (v: View | null) =>
    update(
      v
        ? { viewId: v.id, filter: (v.filter as ListState['filter']) ?? null, sort: v.sort as SortSpec[], columns: v.columns.length ? v.columns : null }
        : { viewId: null, filter: null, sort: [], columns: null },
    );
  const body = () => ({ filter: state.filter, sort: state.sort, columns: state.columns ?? config.defaultColumns });

  const saveNew = (input: { name: string; shared: boolean }) =>
    mutations.create.mutate(
      { objectType: config.type, name: input.name, visibility: input.shared ? 'shared' : 'private', ...body() },
      {
        onSuccess: (view) => {
          saveModal.close();
          update({ viewId: view.id });
          notifySuccess(`View “${view.name}” saved`);
        },
      },
    );
  const saveChanges = () =>
    current &&
    mutations.update.mutate({ id: current.id, ...body() }, { onSuccess: () => notifySuccess('View updated'), onError: (e) => notifyError(e, 'Could not update the view') });
  const toggleShare = () =>
    current &&
    mutations.update.mutate(
      { id: current.id, visibility: current.visibility === 'shared' ? 'private' : 'shared' },
      {
        onSuccess: (v) => notifySuccess(v.visibility === 'shared' ? 'Everyone in the workspace can now use this view' : 'The view is private again'),
        onError: (e) => notifyError(e, 'Could not change who sees the view'),
      },
    );
  const remove = () =>
    current &&
    mutations.remove.mutate(current.id, {
      onSuccess: () => {
        open(null);
        notifySuccess('View deleted');
      },
      onError: (e) => notifyError(e, 'Could not delete the view'),
    });

  return (
    <>
      <Menu position="bottom-start" width={280} shadow="md">
        <Menu.Target>
          <Button variant="default" leftSection={<IconLayoutList size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="views-menu" maw={{ base: 150, sm: 260 }}>
            <Text span size="sm" fw={500} truncate>
              {current ? current.name : state.viewId && isPending ? 'Saved view' : `All ${config.plural}`}
              {changed ? ' (edited)' : ''}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Views</Menu.Label>
          <Menu.Item onClick={() => open(null)} fw={!current ? 600 : undefined}>
            All {config.plural}
          </Menu.Item>
          {views.map((v) => (
            <Menu.Item
              key={v.id}
              onClick={() => open(v)}
              fw={v.id === current?.id ? 600 : undefined}
              rightSection={v.visibility === 'shared' ? <IconUsers size={14} aria-label="Shared" /> : <IconLock size={14} aria-label="Private" />}
            >
              <Text size="sm" truncate>
                {v.name}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          {current && changed && mayEdit(current) && (
            <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={saveChanges}>
              Save changes to “{current.name}”
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={saveModal.open}>
            Save as new view…
          </Menu.Item>
          {current && mayEdit(current) && (canShare || current.visibility === 'shared') && (
            <Menu.Item leftSection={current.visibility === 'shared' ? <IconLock size={16} /> : <IconUsers size={16} />} onClick={toggleShare}>
              {current.visibility === 'shared' ? 'Make private' : 'Share with workspace'}
            </Menu.Item>
          )}
          {current && mayEdit(current) && (
            <Menu.Item leftSection={<IconTrash size={16} />} color="red" onClick={remove}>
              Delete view
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item leftSection={<IconTrashX size={16} />} onClick={() => update({ trash: true, viewId: null })}>
            Deleted {config.plural} (trash)
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {saveOpened && (
        <SaveViewModal
          opened
          onClose={() => {
            saveModal.close();
            mutations.create.reset();
          }}
          canShare={canShare}
          saving={mutations.create.isPending}
          error={mutations.create.error}
          onSave={saveNew}
        />
      )}
    </>
  );
}

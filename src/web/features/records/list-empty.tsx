import { Button, Paper } from '@mantine/core';
import { IconFilterOff, IconPlus, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { EmptyState } from '../../components/empty-state';
import type { ListState } from './list-params';
import type { ObjectConfig } from './object-config';

type Props = { config: ObjectConfig; state: ListState; update: (p: Partial<ListState>) => void; canWrite: boolean; onCreate: () => void };

export function ListEmpty({ config, state, update, canWrite, onCreate }: Props) {
  let content: React.ReactNode;
  if (state.filter) {
    content = (
      <EmptyState
        icon={<IconFilterOff size={28} />}
        title={`No ${config.plural} match this filter`}
        description="Change the conditions, or clear the filter to see everything."
        action={
          <Button variant="light" onClick={() => update({ filter: null })}>
            Clear filter
          </Button>
        }
      />
    );
  } else if (state.trash) {
    content = <EmptyState icon={<IconTrash size={28} />} title="The trash is empty" description={`Deleted ${config.plural} show up here, ready to be restored.`} />;
  } else {
    content = (
      <EmptyState
        icon={<IconUsersGroup size={28} />}
        title={`No ${config.plural} yet`}
        description={config.emptyText}
        action={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
              New {config.singular}
            </Button>
          )
        }
      />
    );
  }
  return (
    <Paper withBorder radius="md" style={{ flex: 1 }}>
      {content}
    </Paper>
  );
}

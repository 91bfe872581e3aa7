import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type Props = {
  /** Names the row in the buttons' labels ("Edit Pipeline A"), which screen readers and tests use. */
  name: string;
  onEdit: () => void;
  /** Left out where the row cannot be deleted; any confirmation is the caller's. */
  onDelete?: () => void;
  deleteHint?: string;
  deleting?: boolean;
  justify?: 'flex-start' | 'flex-end';
  /** Further row actions, shown before Edit. */
  children?: ReactNode;
};

/** The Edit and Delete buttons at the end of a settings table row. */
export function RowActions({ name, onEdit, onDelete, deleteHint = 'Delete', deleting, justify, children }: Props) {
  return (
    <Group gap={4} wrap="nowrap" justify={justify}>
      {children}
      <Tooltip label="Edit" withArrow>
        <ActionIcon variant="subtle" aria-label={`Edit ${name}`} onClick={onEdit}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      {onDelete && (
        <Tooltip label={deleteHint} withArrow>
          <ActionIcon variant="subtle" color="red" aria-label={`Delete ${name}`} loading={deleting} onClick={onDelete}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

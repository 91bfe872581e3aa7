import { Badge, Button, Divider, Group, Paper, Popover, Select, Stack, Text } from '@mantine/core';
import { IconFilter, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Filter } from '../../../contract/filter';
import { onEscapeUnlessNested } from '../../lib/escape';
import { FilterConditionRow } from './filter-condition-row';
import {
  type BuilderNode,
  type FieldInfo,
  type GroupNode,
  addToGroup,
  countConditions,
  countIncomplete,
  emptyGroup,
  fromFilter,
  newCondition,
  toFilter,
  updateNode,
} from './filter-model';

const MODES = [
  { value: 'and', label: 'All of these match' },
  { value: 'or', label: 'Any of these match' },
  { value: 'not-or', label: 'None of these match' },
  { value: 'not-and', label: 'Not all of these match' },
];
const modeOf = (g: GroupNode) => `${g.negated ? 'not-' : ''}${g.combinator}`;

type GroupProps = { group: GroupNode; fields: FieldInfo[]; root: GroupNode; setRoot: (g: GroupNode) => void; depth: number };

function GroupEditor({ group, fields, root, setRoot, depth }: GroupProps) {
  const replace = (node: BuilderNode | null) => setRoot(updateNode(root, group.id, node));
  const setChild = (id: string, node: BuilderNode | null) => setRoot(updateNode(root, id, node));
  const firstField = fields.find((f) => f.key !== 'id') ?? fields[0];
  return (
    <Stack gap="xs">
      <Group gap="xs" justify="space-between">
        <Select
          size="xs"
          aria-label={depth === 0 ? 'Match' : 'Group match'}
          data={MODES}
          value={modeOf(group)}
          onChange={(m) => m && replace({ ...group, combinator: m.endsWith('or') ? 'or' : 'and', negated: m.startsWith('not-') })}
          allowDeselect={false}
          w={210}
          comboboxProps={{ withinPortal: false }}
        />
        {depth > 0 && (
          <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconX size={12} />} onClick={() => replace(null)}>
            Remove group
          </Button>
        )}
      </Group>
      {group.children.length === 0 && (
        <Text size="sm" c="dimmed">
          No conditions yet.
        </Text>
      )}
      {group.children.map((child) =>
        child.type === 'condition' ? (
          <FilterConditionRow key={child.id} cond={child} fields={fields} onChange={(c) => setChild(child.id, c)} onRemove={() => setChild(child.id, null)} />
        ) : (
          <Paper key={child.id} withBorder p="xs" radius="sm" bg="gray.0">
            <GroupEditor group={child} fields={fields} root={root} setRoot={setRoot} depth={depth + 1} />
          </Paper>
        ),
      )}
      <Group gap="xs">
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => firstField && setRoot(addToGroup(root, group.id, newCondition(firstField)))}>
          Add condition
        </Button>
        {depth === 0 && (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => firstField && setRoot(addToGroup(root, group.id, { ...emptyGroup('or'), children: [newCondition(firstField)] }))}
          >
            Add group
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The filter button and its builder; the list changes when the person applies. */
export function FilterBuilder({ filter, fields, onApply }: { filter: Filter | null; fields: FieldInfo[]; onApply: (f: Filter | null) => void }) {
  const [opened, setOpened] = useState(false);
  const [root, setRoot] = useState<GroupNode>(() => fromFilter(filter));
  const active = filter ? countConditions(fromFilter(filter)) : 0;
  const open = () => {
    const start = fromFilter(filter);
    if (start.children.length === 0 && fields[0]) start.children.push(newCondition(fields.find((f) => f.key !== 'id') ?? fields[0]));
    setRoot(start);
    setOpened(true);
  };
  const incomplete = countIncomplete(root, fields);
  const apply = () => {
    onApply(toFilter(root, fields));
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={680} shadow="md" trapFocus closeOnEscape={false}>
      <Popover.Target>
        <Button
          variant={active ? 'light' : 'default'}
          leftSection={<IconFilter size={16} />}
          rightSection={active ? <Badge size="xs" circle>{active}</Badge> : undefined}
          onClick={() => (opened ? setOpened(false) : open())}
        >
          Filter
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw="calc(100vw - 24px)" data-testid="filter-builder" onKeyDown={onEscapeUnlessNested(() => setOpened(false))}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Stack gap="sm">
            <GroupEditor group={root} fields={fields} root={root} setRoot={setRoot} depth={0} />
            <Divider />
            {incomplete > 0 && (
              <Text size="xs" c="orange.8">
                {incomplete === 1 ? '1 condition has no value yet and is left out.' : `${incomplete} conditions have no value yet and are left out.`}
              </Text>
            )}
            <Group justify="space-between">
              <Button variant="subtle" color="gray" size="xs" onClick={() => setRoot(emptyGroup())}>
                Clear all
              </Button>
              <Group gap="xs">
                <Button variant="default" size="xs" onClick={() => setOpened(false)}>
                  Cancel
                </Button>
                <Button size="xs" type="submit">
                  Apply filter
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

import { DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { IconGripVertical, IconX } from '@tabler/icons-react';
import type { StageKind } from '../../../contract/pipelines';
import { type FieldErrorMap, errorAt } from '../../lib/field-errors';

/** A stage as the editor holds it: `key` is stable while rows move; `id` is the saved stage's, if any. */
export type StageRow = { key: string; id?: string; name: string; probability: number | string; kind: StageKind };

const KINDS = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

type RowProps = { row: StageRow; index: number; errors: FieldErrorMap; onChange: (row: StageRow) => void; onRemove: (() => void) | null };

function SortableStage({ row, index, errors, onChange, onRemove }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: row.key });
  const label = row.name || `Stage ${index + 1}`;
  return (
    <Group ref={setNodeRef} gap="xs" align="flex-start" wrap="nowrap" data-testid="stage-row" style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.6 : 1, background: 'var(--mantine-color-body)' }}>
      <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" mt={4} aria-label={`Move ${label}`} style={{ cursor: 'grab', touchAction: 'none' }} {...attributes} {...listeners}>
        <IconGripVertical size={16} />
      </ActionIcon>
      <TextInput aria-label={`Stage ${index + 1} name`} placeholder="Stage name" value={row.name} onChange={(e) => onChange({ ...row, name: e.currentTarget.value })} error={errorAt(errors, `stages.${index}.name`)} style={{ flex: 1, minWidth: 0 }} />
      <NumberInput
        aria-label={`${label} probability`}
        value={row.probability}
        onChange={(v) => onChange({ ...row, probability: v })}
        min={0}
        max={100}
        allowDecimal={false}
        suffix="%"
        w={84}
        error={errorAt(errors, `stages.${index}.probability`)}
      />
      <Select
        aria-label={`${label} kind`}
        data={KINDS}
        value={row.kind}
        onChange={(v) => v && onChange({ ...row, kind: v as StageKind, probability: v === 'won' ? 100 : v === 'lost' ? 0 : row.probability })}
        allowDeselect={false}
        w={96}
      />
      <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Remove ${label}`} onClick={onRemove ?? undefined} disabled={!onRemove}>
        <IconX size={16} />
      </ActionIcon>
    </Group>
  );
}

type Props = { rows: StageRow[]; onChange: (rows: StageRow[]) => void; errors: FieldErrorMap };

/** The stages in board order; rows are reordered by their handle, with the mouse or the keyboard. */
export function StageRows({ rows, onChange, errors }: Props) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = rows.findIndex((r) => r.key === active.id);
    const to = rows.findIndex((r) => r.key === over.id);
    onChange(arrayMove(rows, from, to));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={rows.map((r) => r.key)} strategy={verticalListSortingStrategy}>
        <Stack gap="xs">
          {rows.map((row, i) => (
            <SortableStage
              key={row.key}
              row={row}
              index={i}
              errors={errors}
              onChange={(next) => onChange(rows.map((r) => (r.key === row.key ? next : r)))}
              onRemove={rows.length > 1 ? () => onChange(rows.filter((r) => r.key !== row.key)) : null}
            />
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}

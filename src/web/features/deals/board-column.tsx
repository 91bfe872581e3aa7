import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { BoardColumn as Column } from './board-model';
import { DealCard } from './deal-card';
import { formatMoney } from './money';

const KIND_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

type Props = {
  column: Column;
  memberName: (id: string) => string | undefined;
  canMove: boolean;
  onMore?: () => void;
};

/** One stage: its count and money totals (per currency, as the server sums them), then its cards. */
export function BoardColumnView({ column, memberName, canMove, onMore }: Props) {
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: `stage:${stage.id}`, data: { stageId: stage.id } });
  const shown = column.deals.length;
  return (
    <Paper
      ref={setNodeRef}
      className="board-column"
      data-testid="board-column"
      data-stage={stage.name}
      data-over={isOver || undefined}
      withBorder
      radius="md"
      p="xs"
      bg={isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-gray-0)'}
    >
      <Stack gap={2} mb="xs">
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text fw={600} size="sm" truncate>
            {stage.name}
          </Text>
          <Group gap={4} wrap="nowrap">
            {stage.kind !== 'open' && (
              <Badge size="xs" variant="light" color={KIND_COLOR[stage.kind]}>
                {stage.kind}
              </Badge>
            )}
            <Badge size="sm" variant="light" color="gray" data-testid="column-count" aria-label={`${column.count} deals`}>
              {column.count}
            </Badge>
          </Group>
        </Group>
        <div data-testid="column-totals">
          {column.totals.length === 0 ? (
            <Text size="xs" c="dimmed">
              No deals · {stage.probability}%
            </Text>
          ) : (
            column.totals.map((t) => (
              <Text key={t.currency} size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <Text span size="xs" fw={600} c="var(--mantine-color-text)" data-testid="column-amount">
                  {formatMoney(t.amount, t.currency)}
                </Text>
                {' · '}
                <span data-testid="column-weighted" title={`Weighted at ${stage.probability}%`}>
                  {formatMoney(t.weightedAmount, t.currency)} weighted
                </span>
              </Text>
            ))
          )}
        </div>
      </Stack>
      <SortableContext id={stage.id} items={column.deals.map((d) => d.id)} strategy={verticalListSortingStrategy}>
        <Stack gap={6} className="board-column-cards">
          {column.deals.map((deal) => (
            <DealCard key={deal.id} deal={deal} ownerName={deal.ownerId ? memberName(deal.ownerId) : undefined} disabled={!canMove} />
          ))}
          {shown === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md" className="board-drop-hint">
              {canMove ? 'Drop a deal here' : 'Empty'}
            </Text>
          )}
        </Stack>
      </SortableContext>
      {shown < column.count && onMore && (
        <Button variant="subtle" size="xs" fullWidth mt={6} onClick={onMore}>
          Show more ({column.count - shown} not shown)
        </Button>
      )}
    </Paper>
  );
}

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Avatar, Group, Paper, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Deal } from '../../../contract/deals';
import { formatDate } from '../../lib/format';
import { formatMoney } from './money';

type Props = { deal: Deal; ownerName?: string; overlay?: boolean };

const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');

/** What a card shows: name, company, amount, expected close and owner. */
export function DealCardBody({ deal, ownerName, overlay }: Props) {
  return (
    <Paper withBorder radius="md" p="xs" shadow={overlay ? 'lg' : 'xs'} className="deal-card" data-testid="deal-card" data-deal={deal.name}>
      <Link to={`/deals/${deal.id}`} className="record-link" style={{ fontWeight: 600, fontSize: 14, display: 'block', overflowWrap: 'anywhere' }} draggable={false}>
        {deal.name}
      </Link>
      {deal.company && (
        <Text size="xs" c="dimmed" truncate>
          {deal.company.name}
        </Text>
      )}
      <Group justify="space-between" mt={6} gap={4} wrap="nowrap">
        <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatMoney(deal.amount, deal.currency)}
        </Text>
        <Group gap={6} wrap="nowrap">
          {deal.closeDate && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(deal.closeDate)}
            </Text>
          )}
          {ownerName && (
            <Tooltip label={ownerName} withArrow>
              <Avatar size={22} radius="xl" color="initials" name={ownerName}>
                {initials(ownerName)}
              </Avatar>
            </Tooltip>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

/** A card on the board, dragged by any point of it (a click on its name still opens the deal). */
export function DealCard({ deal, ownerName, disabled }: Props & { disabled: boolean }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: deal.id, data: { deal }, disabled });
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.35 : 1, touchAction: 'manipulation' }}
      {...attributes}
      {...listeners}
      aria-roledescription="Draggable deal"
      aria-label={`${deal.name}, ${formatMoney(deal.amount, deal.currency)}`}
    >
      <DealCardBody deal={deal} ownerName={ownerName} />
    </div>
  );
}

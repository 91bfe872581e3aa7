import { ActionIcon, Group, SegmentedControl, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { type PeriodKind, periodKind, periodLabel, shiftPeriod, switchKind } from './period';

/** Month or quarter, and which one, stepped with arrows. */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        size="xs"
        value={periodKind(value)}
        onChange={(k) => onChange(switchKind(value, k as PeriodKind))}
        data={[
          { value: 'month', label: 'Month' },
          { value: 'quarter', label: 'Quarter' },
        ]}
      />
      <ActionIcon variant="default" aria-label="Previous period" onClick={() => onChange(shiftPeriod(value, -1))}>
        <IconChevronLeft size={16} />
      </ActionIcon>
      <Text fw={600} size="sm" miw={110} ta="center" data-testid="period-label">
        {periodLabel(value)}
      </Text>
      <ActionIcon variant="default" aria-label="Next period" onClick={() => onChange(shiftPeriod(value, 1))}>
        <IconChevronRight size={16} />
      </ActionIcon>
    </Group>
  );
}

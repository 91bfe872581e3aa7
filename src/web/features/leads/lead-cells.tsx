import type { Lead } from '../../../contract/leads';
import type { CellComponent } from '../records/object-config';
import { LEAD_STATUS_COLORS, leadStatusLabel } from './lead-status';

const Status: CellComponent = ({ record }) => {
  const { status } = record as Lead;
  const color = LEAD_STATUS_COLORS[status] ?? 'gray';
  return (
    <span className="cell-badge" style={{ background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` }}>
      {leadStatusLabel(status)}
    </span>
  );
};

const Score: CellComponent = ({ record }) => <span className="cell-text cell-number">{(record as Lead).score}</span>;

export const LEAD_CELLS: Record<string, CellComponent> = { status: Status, score: Score };

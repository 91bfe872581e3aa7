import type { Deal } from '../../../contract/deals';
import type { CellComponent } from '../records/object-config';
import { usePipelines } from '../pipelines/use-pipelines';
import { formatMoney } from './money';

const KIND_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

const Amount: CellComponent = ({ record }) => {
  const d = record as Deal;
  return <span className="cell-text cell-number">{formatMoney(d.amount, d.currency)}</span>;
};

const StageCell: CellComponent = ({ record }) => {
  const { stage } = record as Deal;
  const color = KIND_COLOR[stage.kind];
  return (
    <span className="cell-badge" style={{ background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` }} title={`${stage.probability}%`}>
      {stage.name}
    </span>
  );
};

const PipelineCell: CellComponent = ({ record }) => {
  const { data } = usePipelines();
  return <span className="cell-text">{data?.find((p) => p.id === (record as Deal).pipelineId)?.name ?? '…'}</span>;
};

const Probability: CellComponent = ({ record }) => <span className="cell-text cell-number">{(record as Deal).stage.probability}%</span>;

/** Deal columns whose raw value means little to a person: minor units, stage and pipeline ids. */
export const DEAL_CELLS: Record<string, CellComponent> = {
  amount: Amount,
  stageId: StageCell,
  stageName: StageCell,
  pipelineId: PipelineCell,
  probability: Probability,
};

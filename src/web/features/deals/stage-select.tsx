import { Group, Select } from '@mantine/core';
import type { Pipeline } from '../../../contract/pipelines';

type Props = {
  pipelines: Pipeline[];
  pipelineId: string | null;
  stageId: string | null;
  onChange: (pipelineId: string, stageId: string) => void;
  stageError?: string;
  disabled?: boolean;
};

const kindNote = { open: '', won: ' · won', lost: ' · lost' } as const;

/** Pipeline, then one of its stages; a new pipeline starts at its first stage. */
export function StageSelect({ pipelines, pipelineId, stageId, onChange, stageError, disabled }: Props) {
  const pipeline = pipelines.find((p) => p.id === pipelineId);
  return (
    <Group gap="xs" grow align="flex-start">
      <Select
        label="Pipeline"
        data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
        value={pipelineId}
        onChange={(v) => {
          const next = pipelines.find((p) => p.id === v);
          if (next?.stages[0]) onChange(next.id, next.stages[0].id);
        }}
        allowDeselect={false}
        disabled={disabled || pipelines.length < 2}
      />
      <Select
        label="Stage"
        data={(pipeline?.stages ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.probability}%${kindNote[s.kind]})` }))}
        value={stageId}
        onChange={(v) => v && pipeline && onChange(pipeline.id, v)}
        allowDeselect={false}
        error={stageError}
        disabled={disabled}
        data-field="stageId"
      />
    </Group>
  );
}

import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Pipeline, StageInput } from '../../../contract/pipelines';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { type StageRow, StageRows } from './stage-rows';
import { usePipelineMutations } from './use-pipelines';

let seq = 0;
const newKey = () => `new-${++seq}`;

const STARTER: Omit<StageRow, 'key'>[] = [
  { name: 'Qualification', probability: 10, kind: 'open' },
  { name: 'Proposal', probability: 50, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
];

export function toStageInputs(rows: StageRow[]): StageInput[] {
  return rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name.trim(), probability: typeof r.probability === 'number' ? r.probability : Number(r.probability || 0), kind: r.kind }));
}

type Props = { pipeline: Pipeline | null; onClose: () => void };

/** A pipeline's name and its stages: chance of winning, open/won/lost, order on the board. */
export function PipelineModal({ pipeline, onClose }: Props) {
  const { create, update } = usePipelineMutations();
  const [name, setName] = useState(pipeline?.name ?? '');
  const [isDefault, setIsDefault] = useState(pipeline?.isDefault ?? false);
  const [rows, setRows] = useState<StageRow[]>(() =>
    pipeline ? pipeline.stages.map((s) => ({ key: s.id, id: s.id, name: s.name, probability: s.probability, kind: s.kind })) : STARTER.map((s) => ({ ...s, key: newKey() })),
  );
  const mutation = pipeline ? update : create;
  const errors = isApiError(mutation.error) ? fieldErrorsOf(mutation.error) : {};
  const claimed = Object.keys(errors).every((k) => k === 'name' || /^stages\.\d+\.(name|probability)$/.test(k));

  const submit = () => {
    const stages = toStageInputs(rows);
    const done = () => {
      notifySuccess(pipeline ? `${name.trim()} saved` : `${name.trim()} created`);
      onClose();
    };
    if (pipeline) {
      update.mutate({ id: pipeline.id, body: { name: name.trim(), stages, ...(isDefault && !pipeline.isDefault ? { isDefault: true as const } : {}) } }, { onSuccess: done });
    } else create.mutate({ name: name.trim(), stages, isDefault }, { onSuccess: done });
  };

  return (
    <Modal opened onClose={onClose} title={pipeline ? `Edit ${pipeline.name}` : 'New pipeline'} size="lg" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {!!mutation.error && (Object.keys(errors).length === 0 || !claimed) && <ErrorAlert error={mutation.error} title="The pipeline was not saved" />}
          <TextInput label="Name" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus />
          <div>
            <Text size="sm" fw={500}>
              Stages
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              In board order; drag a handle to reorder. Probability weighs each deal in the forecast. A stage that still holds deals cannot be removed.
            </Text>
            <StageRows rows={rows} onChange={setRows} errors={errors} />
            <Button variant="subtle" size="xs" mt="xs" leftSection={<IconPlus size={14} />} onClick={() => setRows((r) => [...r, { key: newKey(), name: '', probability: 50, kind: 'open' }])}>
              Add stage
            </Button>
          </div>
          <Checkbox label="Default pipeline for new deals" checked={isDefault} disabled={pipeline?.isDefault} onChange={(e) => setIsDefault(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {pipeline ? 'Save pipeline' : 'Create pipeline'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Deal, DealCreate } from '../../../contract/deals';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { usePipelines } from '../pipelines/use-pipelines';
import { FieldInput } from '../records/field-input';
import { useRecordMutations } from '../records/use-record-mutations';
import { MoneyInput } from './money-input';
import { StageSelect } from './stage-select';

type Props = { opened: boolean; onClose: () => void; pipelineId?: string };

/** A new deal: name, money, where it sits on the board, company, owner and expected close. */
export function NewDealModal({ opened, onClose, pipelineId }: Props) {
  const pipelines = usePipelines();
  const list = pipelines.data ?? [];
  const initial = list.find((p) => p.id === pipelineId) ?? list.find((p) => p.isDefault) ?? list[0];
  const [values, setValues] = useState<Partial<DealCreate>>({ currency: 'USD' });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const mutations = useRecordMutations('deals');
  const navigate = useNavigate();
  const errors = isApiError(error) ? fieldErrorsOf(error) : {};
  const set = (patch: Partial<DealCreate>) => setValues((v) => ({ ...v, ...patch }));
  const chosenPipeline = values.pipelineId ?? initial?.id ?? null;
  const chosenStage = values.stageId ?? list.find((p) => p.id === chosenPipeline)?.stages[0]?.id ?? null;

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const body: DealCreate = {
        ...values,
        name: (values.name ?? '').trim(),
        ...(chosenPipeline ? { pipelineId: chosenPipeline } : {}),
        ...(chosenStage ? { stageId: chosenStage } : {}),
      };
      const created = (await mutations.create(body)) as Deal;
      notifySuccess(`${created.name} created`);
      onClose();
      navigate(`/deals/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  const known = ['name', 'amount', 'currency', 'stageId', 'pipelineId', 'closeDate', 'companyId', 'ownerId'];
  const other = Object.keys(errors).some((k) => !known.includes(k.split('.')[0]));

  return (
    <Modal opened={opened} onClose={onClose} title="New deal" size="lg" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {!!error && (Object.keys(errors).length === 0 || other) && <ErrorAlert error={error} title="Could not create the deal" />}
          <TextInput label="Name" withAsterisk value={values.name ?? ''} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <MoneyInput
            amount={values.amount ?? null}
            currency={values.currency ?? 'USD'}
            onAmount={(amount) => set({ amount: amount ?? undefined })}
            onCurrency={(currency) => set({ currency })}
            amountError={errors.amount}
            currencyError={errors.currency}
          />
          <StageSelect pipelines={list} pipelineId={chosenPipeline} stageId={chosenStage} onChange={(p, s) => set({ pipelineId: p, stageId: s })} stageError={errors.stageId ?? errors.pipelineId} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <FieldInput spec={{ key: 'closeDate', label: 'Expected close', type: 'date' }} value={values.closeDate ?? null} onChange={(v) => set({ closeDate: v as string | null })} error={errors.closeDate} />
            <FieldInput spec={{ key: 'ownerId', label: 'Owner', type: 'member' }} value={values.ownerId ?? null} onChange={(v) => set({ ownerId: v as string | null })} error={errors.ownerId} description="You, when left empty" />
          </SimpleGrid>
          <FieldInput spec={{ key: 'companyId', label: 'Company', type: 'company' }} value={values.companyId ?? null} onChange={(v) => set({ companyId: v as string | null })} error={errors.companyId} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Create deal
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

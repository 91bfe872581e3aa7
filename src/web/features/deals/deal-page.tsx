import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Deal } from '../../../contract/deals';
import { Section } from '../../components/section';
import { errorAt } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';
import { usePipelines } from '../pipelines/use-pipelines';
import { CustomFieldsSection } from '../records/custom-fields-section';
import { editorFor } from '../records/field-editors';
import { HistoryPanel } from '../records/history-panel';
import { DEALS } from '../records/object-config';
import { DealQuotes } from '../quotes/deal-quotes';
import { RecordField } from '../records/record-field';
import { RecordPageLayout } from '../records/record-page-layout';
import { useCustomFields, useFields } from '../records/use-fields';
import { type Draft, type RecordEditor, useRecordEditor } from '../records/use-record-editor';
import { DealContacts } from './deal-contacts';
import { DealSections } from './deal-sections';
import { formatMoney } from './money';
import { MoneyInput } from './money-input';
import { StageHistoryPanel } from './stage-history-panel';
import { StageSelect } from './stage-select';

const pickDeal = (d: Deal): Draft => ({
  name: d.name,
  amount: d.amount,
  currency: d.currency,
  closeDate: d.closeDate,
  pipelineId: d.pipelineId,
  stageId: d.stageId,
  ownerId: d.ownerId,
  companyId: d.companyId,
  contactIds: d.contactIds,
  lostReason: d.lostReason,
  tags: d.tags,
  description: d.description,
  custom: d.custom,
});

const KIND_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

function DealFields({ editor, record, disabled }: { editor: RecordEditor<Deal>; record: Deal; disabled: boolean }) {
  const { data: defs = [] } = useCustomFields('deals');
  const pipelines = usePipelines();
  const draft = editor.draft!;
  const field = (key: string) => <RecordField key={key} editor={editor} spec={editorFor('deals', key, defs)!} disabled={disabled} companyLabel={record.company?.name} />;
  const stage = pipelines.data?.flatMap((p) => p.stages).find((s) => s.id === draft.stageId);
  const lost = stage?.kind === 'lost';
  return (
    <>
      <Section title="Details" testId="details">
        <Stack gap="sm">
          {field('name')}
          <MoneyInput
            amount={draft.amount as number}
            currency={draft.currency as string}
            onAmount={(v) => editor.setField('amount', v ?? 0)}
            onCurrency={(v) => editor.setField('currency', v)}
            amountError={errorAt(editor.errors, 'amount')}
            currencyError={errorAt(editor.errors, 'currency')}
            disabled={disabled}
          />
          <StageSelect
            pipelines={pipelines.data ?? []}
            pipelineId={draft.pipelineId as string}
            stageId={draft.stageId as string}
            onChange={(p, s) => {
              editor.setField('pipelineId', p);
              editor.setField('stageId', s);
              // A reason only belongs to a lost deal; the server refuses it elsewhere.
              const kind = pipelines.data?.flatMap((x) => x.stages).find((x) => x.id === s)?.kind;
              if (kind !== 'lost') editor.setField('lostReason', null);
            }}
            stageError={errorAt(editor.errors, 'stageId') ?? errorAt(editor.errors, 'pipelineId')}
            disabled={disabled}
          />
          {(lost || record.lostReason) && field('lostReason')}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {field('closeDate')}
            {field('ownerId')}
          </SimpleGrid>
          {field('companyId')}
          {field('tags')}
          {field('description')}
        </Stack>
      </Section>
      <DealContacts ids={draft.contactIds as string[]} onChange={(ids) => editor.setField('contactIds', ids)} disabled={disabled} errors={editor.errors} />
      <CustomFieldsSection editor={editor} defs={defs} disabled={disabled} />
      <DealSections deal={record} />
    </>
  );
}

export function DealPage() {
  const { id = '' } = useParams();
  const editor = useRecordEditor<Deal>('deals', id, useCallback(pickDeal, []));
  const { data: fields = [] } = useFields('deals');
  const record = editor.record;
  return (
    <RecordPageLayout
      key={id}
      config={DEALS}
      editor={editor}
      badges={
        record && (
          <Badge variant="light" color={KIND_COLOR[record.stage.kind]} style={{ textTransform: 'none' }} data-testid="deal-stage">
            {record.stage.name} · {record.stage.probability}%
          </Badge>
        )
      }
      subtitle={
        record && (
          <Group gap={6} component="span">
            <Text span fw={600} c="var(--mantine-color-text)" data-testid="deal-amount">
              {formatMoney(record.amount, record.currency)}
            </Text>
            {record.company && (
              <>
                ·
                <Link className="record-link" to={`/companies/${record.company.id}`}>
                  {record.company.name}
                </Link>
              </>
            )}
            {record.closeDate && <span>· {record.stage.kind === 'open' ? 'expected to close' : 'closed'} {formatDate(record.closeDate)}</span>}
          </Group>
        )
      }
      side={(r) => (
        <>
          <Section title="Board">
            <Text size="sm">
              <Link className="record-link" to={`/deals/board?pipeline=${r.pipelineId}`}>
                Open the board
              </Link>{' '}
              to move it between stages.
            </Text>
            {r.leadId && (
              <Text size="sm" mt={4}>
                Converted from{' '}
                <Link className="record-link" to={`/leads/${r.leadId}`}>
                  a lead
                </Link>
                .
              </Text>
            )}
          </Section>
          <DealQuotes deal={r} />
          <StageHistoryPanel deal={r} />
          <HistoryPanel objectId={r.id} fields={fields} />
        </>
      )}
    >
      {(r, disabled) => <DealFields editor={editor} record={r} disabled={disabled} />}
    </RecordPageLayout>
  );
}

import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Lead } from '../../../contract/leads';
import { useCan } from '../../app/session';
import { Section } from '../../components/section';
import { formatDate } from '../../lib/format';
import { CustomFieldsSection } from '../records/custom-fields-section';
import { editorFor } from '../records/field-editors';
import { HistoryPanel } from '../records/history-panel';
import { LEADS } from '../records/object-config';
import { RecordField } from '../records/record-field';
import { RecordPageLayout } from '../records/record-page-layout';
import { useCustomFields, useFields } from '../records/use-fields';
import { type Draft, type RecordEditor, useRecordEditor } from '../records/use-record-editor';
import { ConvertLeadModal } from './convert-lead-modal';
import { LeadScorePanel } from './lead-score-panel';
import { LEAD_STATUS_COLORS, leadStatusLabel } from './lead-status';

const pickLead = (l: Lead): Draft => ({
  name: l.name,
  email: l.email,
  phone: l.phone,
  companyName: l.companyName,
  title: l.title,
  source: l.source,
  status: l.status,
  ownerId: l.ownerId,
  tags: l.tags,
  description: l.description,
  custom: l.custom,
});

const DETAILS = ['name', 'email', 'phone', 'companyName', 'title', 'source', 'status', 'ownerId'];

function LeadFields({ editor, disabled }: { editor: RecordEditor<Lead>; disabled: boolean }) {
  const { data: defs = [] } = useCustomFields('leads');
  const record = editor.record!;
  // A converted lead is history: its status is no longer set by hand.
  const field = (key: string) => <RecordField key={key} editor={editor} spec={editorFor('leads', key, defs)!} disabled={disabled || (key === 'status' && record.status === 'converted')} />;
  return (
    <>
      <Section title="Details" testId="details">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {DETAILS.map(field)}
        </SimpleGrid>
        <Stack gap="sm" mt="sm">
          {field('tags')}
          {field('description')}
        </Stack>
      </Section>
      <CustomFieldsSection editor={editor} defs={defs} disabled={disabled} />
    </>
  );
}

function Converted({ lead }: { lead: Lead }) {
  return (
    <Section title="Converted" testId="lead-converted">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {lead.convertedAt && formatDate(lead.convertedAt, true)}
        </Text>
        {lead.convertedContactId && (
          <Link className="record-link" to={`/contacts/${lead.convertedContactId}`}>
            Contact
          </Link>
        )}
        {lead.convertedCompanyId && (
          <Link className="record-link" to={`/companies/${lead.convertedCompanyId}`}>
            Company
          </Link>
        )}
        {lead.convertedDealId && (
          <Link className="record-link" to={`/deals/${lead.convertedDealId}`}>
            Deal
          </Link>
        )}
      </Stack>
    </Section>
  );
}

export function LeadPage() {
  const { id = '' } = useParams();
  const editor = useRecordEditor<Lead>('leads', id, useCallback(pickLead, []));
  const { data: fields = [] } = useFields('leads');
  const canWrite = useCan('records:write');
  const [converting, setConverting] = useState(false);
  const record = editor.record;
  return (
    <>
      <RecordPageLayout
        key={id}
        config={LEADS}
        editor={editor}
        badges={
          record && (
            <Group gap={6}>
              <Badge variant="light" color={LEAD_STATUS_COLORS[record.status] ?? 'gray'} style={{ textTransform: 'none' }} data-testid="lead-status">
                {leadStatusLabel(record.status)}
              </Badge>
              <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                Score {record.score}
              </Badge>
            </Group>
          )
        }
        subtitle={
          record && (
            <Group gap={6} component="span">
              {[record.title, record.companyName].filter(Boolean).join(' at ')}
              {record.source && <span>· from {record.source}</span>}
            </Group>
          )
        }
        actions={
          canWrite &&
          record &&
          record.status !== 'converted' &&
          !record.deletedAt && (
            <Button leftSection={<IconArrowsExchange size={16} />} onClick={() => setConverting(true)}>
              Convert
            </Button>
          )
        }
        side={(r) => (
          <>
            {r.status === 'converted' && <Converted lead={r} />}
            <LeadScorePanel lead={r} />
            <HistoryPanel objectId={r.id} fields={fields} />
          </>
        )}
      >
        {(_r, disabled) => <LeadFields editor={editor} disabled={disabled} />}
      </RecordPageLayout>
      {converting && record && <ConvertLeadModal lead={record} onClose={() => setConverting(false)} />}
    </>
  );
}

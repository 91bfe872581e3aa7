import { Anchor, Badge, SimpleGrid, Stack } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Company } from '../../../contract/companies';
import { Section } from '../../components/section';
import { ADDRESS_FIELDS, PHONE_FIELDS } from '../records/address-fields';
import { CustomFieldsSection } from '../records/custom-fields-section';
import { EntryListEditor } from '../records/entry-list-editor';
import { editorFor } from '../records/field-editors';
import { RecordTasks } from '../tasks/record-tasks';
import { RecordTimeline } from '../timeline/record-timeline';
import { PurchaseHistory } from '../purchase-history/purchase-history';
import { HistoryPanel } from '../records/history-panel';
import { COMPANIES, STAGE_COLORS, stageLabel } from '../records/object-config';
import { RecordField } from '../records/record-field';
import { RecordPageLayout } from '../records/record-page-layout';
import { useCustomFields, useFields } from '../records/use-fields';
import { type Draft, type RecordEditor, useRecordEditor } from '../records/use-record-editor';
import { RelatedRecords } from './related-records';

const pickCompany = (c: Company): Draft => ({
  name: c.name,
  domain: c.domain,
  website: c.website,
  industry: c.industry,
  employees: c.employees,
  annualRevenue: c.annualRevenue,
  phones: c.phones,
  addresses: c.addresses,
  parentId: c.parentId,
  ownerId: c.ownerId,
  lifecycleStage: c.lifecycleStage,
  tags: c.tags,
  description: c.description,
  custom: c.custom,
});

const DETAILS = ['name', 'domain', 'website', 'industry', 'employees', 'annualRevenue', 'parentId', 'ownerId', 'lifecycleStage'];

function CompanyFields({ editor, record, disabled }: { editor: RecordEditor<Company>; record: Company; disabled: boolean }) {
  const { data: defs = [] } = useCustomFields('companies');
  const draft = editor.draft!;
  const field = (key: string) => (
    <RecordField key={key} editor={editor} spec={editorFor('companies', key, defs)!} disabled={disabled} companyLabel={record.parent?.name} excludeId={record.id} />
  );
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
      <Section title="Phone numbers">
        <EntryListEditor path="phones" noun="phone" emptyText="No phone numbers yet." items={draft.phones as never} fields={PHONE_FIELDS} onChange={(v) => editor.setField('phones', v)} errors={editor.errors} disabled={disabled} primaryFirst />
      </Section>
      <Section title="Addresses">
        <EntryListEditor path="addresses" noun="address" emptyText="No addresses yet." items={draft.addresses as never} fields={ADDRESS_FIELDS} onChange={(v) => editor.setField('addresses', v)} errors={editor.errors} disabled={disabled} grid />
      </Section>
      <CustomFieldsSection editor={editor} defs={defs} disabled={disabled} />
    </>
  );
}

export function CompanyPage() {
  const { id = '' } = useParams();
  const editor = useRecordEditor<Company>('companies', id, useCallback(pickCompany, []));
  const { data: fields = [] } = useFields('companies');
  const record = editor.record;
  return (
    <RecordPageLayout
      key={id}
      config={COMPANIES}
      editor={editor}
      badges={
        record?.lifecycleStage && (
          <Badge variant="light" color={STAGE_COLORS[record.lifecycleStage] ?? 'gray'} style={{ textTransform: 'none' }}>
            {stageLabel(record.lifecycleStage)}
          </Badge>
        )
      }
      subtitle={
        record && (record.domain || record.parent) ? (
          <>
            {record.website ? (
              <Anchor href={record.website} target="_blank" rel="noreferrer" size="sm">
                {record.domain ?? record.website}
              </Anchor>
            ) : (
              record.domain
            )}
            {record.parent && (
              <>
                {record.domain ? ' · ' : ''}part of{' '}
                <Link className="record-link" to={`/companies/${record.parent.id}`}>
                  {record.parent.name}
                </Link>
              </>
            )}
          </>
        ) : undefined
      }
      side={(r) => (
        <>
          <RelatedRecords title="Contacts" type="contacts" field="companyId" company={r} noun="contacts" />
          <RelatedRecords title="Subsidiaries" type="companies" field="parentId" company={r} noun="subsidiaries" />
          <RecordTasks objectType="companies" id={r.id} disabled={!!r.deletedAt} />
          <PurchaseHistory objectType="companies" id={r.id} />
          <HistoryPanel objectId={r.id} fields={fields} />
        </>
      )}
    >
      {(r, disabled) => (
        <>
          <CompanyFields editor={editor} record={r} disabled={disabled} />
          <RecordTimeline objectType="companies" id={r.id} disabled={!!r.deletedAt} />
        </>
      )}
    </RecordPageLayout>
  );
}

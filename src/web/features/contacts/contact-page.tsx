import { Badge, Group, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Contact } from '../../../contract/contacts';
import { Section } from '../../components/section';
import { errorAt } from '../../lib/field-errors';
import { ADDRESS_FIELDS, EMAIL_FIELDS, PHONE_FIELDS } from '../records/address-fields';
import { CustomFieldsSection } from '../records/custom-fields-section';
import { EntryListEditor } from '../records/entry-list-editor';
import { editorFor } from '../records/field-editors';
import { RecordTasks } from '../tasks/record-tasks';
import { RecordTimeline } from '../timeline/record-timeline';
import { PurchaseHistory } from '../purchase-history/purchase-history';
import { ConsentSection } from '../privacy/consent-section';
import { PrivacyMenu } from '../privacy/privacy-menu';
import { HistoryPanel } from '../records/history-panel';
import { CONTACTS, STAGE_COLORS, stageLabel } from '../records/object-config';
import { RecordField } from '../records/record-field';
import { RecordPageLayout } from '../records/record-page-layout';
import { useCustomFields, useFields } from '../records/use-fields';
import { type Draft, type RecordEditor, useRecordEditor } from '../records/use-record-editor';

const pickContact = (c: Contact): Draft => ({
  firstName: c.firstName,
  lastName: c.lastName,
  title: c.title,
  emails: c.emails,
  phones: c.phones,
  addresses: c.addresses,
  companyId: c.companyId,
  ownerId: c.ownerId,
  lifecycleStage: c.lifecycleStage,
  tags: c.tags,
  consent: c.consent,
  birthday: c.birthday,
  description: c.description,
  custom: c.custom,
});

const DETAILS = ['firstName', 'lastName', 'title', 'companyId', 'ownerId', 'lifecycleStage', 'birthday'];
const CONSENT = [
  { key: 'email', label: 'May receive marketing email' },
  { key: 'sms', label: 'May receive text messages' },
  { key: 'phone', label: 'May be called' },
];

function ContactFields({ editor, record, disabled }: { editor: RecordEditor<Contact>; record: Contact; disabled: boolean }) {
  const { data: defs = [] } = useCustomFields('contacts');
  const draft = editor.draft!;
  const consent = draft.consent as Contact['consent'];
  const field = (key: string) => <RecordField key={key} editor={editor} spec={editorFor('contacts', key, defs)!} disabled={disabled} companyLabel={record.company?.name} />;
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
      <Section title="Email addresses">
        <EntryListEditor path="emails" noun="email" emptyText="No email addresses yet." items={draft.emails as never} fields={EMAIL_FIELDS} onChange={(v) => editor.setField('emails', v)} errors={editor.errors} disabled={disabled} primaryFirst />
      </Section>
      <Section title="Phone numbers">
        <EntryListEditor path="phones" noun="phone" emptyText="No phone numbers yet." items={draft.phones as never} fields={PHONE_FIELDS} onChange={(v) => editor.setField('phones', v)} errors={editor.errors} disabled={disabled} primaryFirst />
      </Section>
      <Section title="Addresses">
        <EntryListEditor path="addresses" noun="address" emptyText="No addresses yet." items={draft.addresses as never} fields={ADDRESS_FIELDS} onChange={(v) => editor.setField('addresses', v)} errors={editor.errors} disabled={disabled} grid />
      </Section>
      <CustomFieldsSection editor={editor} defs={defs} disabled={disabled} />
      <Section title="Consent">
        <Stack gap="sm">
          {CONSENT.map((c) => (
            <Switch
              key={c.key}
              label={c.label}
              checked={!!consent[c.key as keyof typeof consent]}
              onChange={(e) => editor.setField('consent', { ...consent, [c.key]: e.currentTarget.checked })}
              disabled={disabled}
              error={errorAt(editor.errors, `consent.${c.key}`)}
            />
          ))}
        </Stack>
      </Section>
    </>
  );
}

export function ContactPage() {
  const { id = '' } = useParams();
  const editor = useRecordEditor<Contact>('contacts', id, useCallback(pickContact, []));
  const { data: fields = [] } = useFields('contacts');
  const record = editor.record;
  return (
    <RecordPageLayout
      key={id}
      config={CONTACTS}
      editor={editor}
      actions={record && <PrivacyMenu contact={record} />}
      badges={
        record?.lifecycleStage && (
          <Badge variant="light" color={STAGE_COLORS[record.lifecycleStage] ?? 'gray'} style={{ textTransform: 'none' }}>
            {stageLabel(record.lifecycleStage)}
          </Badge>
        )
      }
      subtitle={
        record && (record.title || record.company) ? (
          <Group gap={4} component="span">
            {record.title}
            {record.title && record.company && ' at '}
            {record.company && (
              <Link className="record-link" to={`/companies/${record.company.id}`}>
                {record.company.name}
              </Link>
            )}
          </Group>
        ) : undefined
      }
      side={(r) => (
        <>
          <Section title="Company">
            {r.company ? (
              <Link className="record-link" to={`/companies/${r.company.id}`} data-testid="contact-company">
                {r.company.name}
              </Link>
            ) : (
              <Text size="sm" c="dimmed">
                Not linked to a company. Choose one under Details.
              </Text>
            )}
          </Section>
          <RecordTasks objectType="contacts" id={r.id} disabled={!!r.deletedAt} />
          <PurchaseHistory objectType="contacts" id={r.id} />
          <HistoryPanel objectId={r.id} fields={fields} />
        </>
      )}
    >
      {(r, disabled) => (
        <>
          <ContactFields editor={editor} record={r} disabled={disabled} />
          <ConsentSection contactId={r.id} disabled={!!r.deletedAt} />
          <RecordTimeline objectType="contacts" id={r.id} disabled={!!r.deletedAt} />
        </>
      )}
    </RecordPageLayout>
  );
}

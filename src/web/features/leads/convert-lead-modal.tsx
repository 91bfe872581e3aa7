import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { Lead, LeadConversion, LeadConvert } from '../../../contract/leads';
import { ErrorAlert } from '../../components/error-alert';
import { api, isApiError, queryString } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { MoneyInput } from '../deals/money-input';
import { StageSelect } from '../deals/stage-select';
import { usePipelines } from '../pipelines/use-pipelines';
import { CompanyPicker } from '../records/company-picker';
import { FieldInput } from '../records/field-input';
import { recordKey, refreshLists } from '../records/record-cache';

type Conversion = Static<typeof LeadConversion>;
type Match = { contact: Contact | null; company: Company | null };

/** The records the server will find for this lead: a contact with its email, a company with its domain. */
function useMatches(lead: Lead) {
  const domain = lead.email?.split('@')[1] ?? null;
  return useQuery({
    queryKey: ['lead-matches', lead.id, lead.email],
    queryFn: async (): Promise<Match> => {
      const first = async <T,>(type: string, field: string, value: string | null) =>
        value ? ((await api.get<{ data: T[] }>(`/api/v1/${type}${queryString({ filter: JSON.stringify({ field, op: 'eq', value }), limit: 1 })}`)).data[0] ?? null) : null;
      const [contact, company] = await Promise.all([first<Contact>('contacts', 'email', lead.email), first<Company>('companies', 'domain', domain)]);
      return { contact, company };
    },
  });
}

type CompanyChoice = 'match' | 'new' | 'other' | 'none';

export function ConvertLeadModal({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const matches = useMatches(lead);
  const pipelines = usePipelines();
  const client = useQueryClient();
  const navigate = useNavigate();
  const match = matches.data;
  const [companyChoice, setCompanyChoice] = useState<CompanyChoice | null>(null);
  const [otherCompany, setOtherCompany] = useState<string | null>(null);
  const [withDeal, setWithDeal] = useState(true);
  const [deal, setDeal] = useState({ name: `${lead.companyName ?? lead.name} deal`, amount: null as number | null, currency: 'USD', closeDate: null as string | null });
  const [stage, setStage] = useState<{ pipelineId: string; stageId: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const defaultPipeline = pipelines.data?.find((p) => p.isDefault) ?? pipelines.data?.[0];
  const chosenStage = stage ?? (defaultPipeline?.stages[0] ? { pipelineId: defaultPipeline.id, stageId: defaultPipeline.stages[0].id } : null);
  const choice: CompanyChoice = companyChoice ?? (match?.company ? 'match' : lead.companyName ? 'new' : 'none');
  const errors = isApiError(error) ? fieldErrorsOf(error, 'deal.') : {};

  const submit = async () => {
    setSaving(true);
    setError(null);
    const body: LeadConvert = {
      ...(choice === 'match' && match?.company ? { companyId: match.company.id } : {}),
      ...(choice === 'other' ? { companyId: otherCompany } : {}),
      ...(choice === 'none' ? { companyId: null } : {}),
      ...(match?.contact ? { contactId: match.contact.id } : {}),
      ...(withDeal
        ? {
            deal: {
              name: deal.name.trim() || undefined,
              currency: deal.currency,
              ...(deal.amount !== null ? { amount: deal.amount } : {}),
              ...(chosenStage ?? {}),
              ...(deal.closeDate ? { closeDate: deal.closeDate } : {}),
            },
          }
        : {}),
    };
    try {
      const result = await api.post<Conversion>(`/api/v1/leads/${lead.id}/convert`, body);
      client.setQueryData(recordKey('leads', lead.id), result.lead);
      await Promise.all([refreshLists(client, 'leads'), refreshLists(client, 'contacts'), refreshLists(client, 'companies'), refreshLists(client, 'deals'), client.invalidateQueries({ queryKey: ['board'] })]);
      const made = [result.contactCreated ? 'a new contact' : 'the existing contact', result.companyId && (result.companyCreated ? 'a new company' : 'the existing company'), result.dealId && 'a deal'].filter(Boolean);
      notifySuccess(`${lead.name} converted into ${made.join(', ').replace(/, ([^,]*)$/, ' and $1')}`);
      onClose();
      navigate(result.dealId ? `/deals/${result.dealId}` : `/contacts/${result.contactId}`);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Convert ${lead.name}`} size="lg" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {!!error && <ErrorAlert error={error} title="The lead was not converted" />}
          {matches.isPending ? (
            <Text size="sm" c="dimmed">
              Looking for a contact with this email and a company with its domain…
            </Text>
          ) : (
            <>
              <div data-testid="convert-contact">
                <Text fw={600} size="sm" mb={4}>
                  Contact
                </Text>
                {match?.contact ? (
                  <Alert variant="light" color="blue" p="xs">
                    Links to the existing contact <b>{match.contact.fullName || match.contact.email}</b>, who has the email {lead.email}.
                  </Alert>
                ) : (
                  <Text size="sm">
                    A new contact <b>{lead.name}</b>
                    {lead.email ? ` (${lead.email})` : ''} is created.
                  </Text>
                )}
              </div>
              <Radio.Group label="Company" value={choice} onChange={(v) => setCompanyChoice(v as CompanyChoice)} data-testid="convert-company">
                <Stack gap={6} mt={4}>
                  {match?.company && <Radio value="match" label={`Existing company ${match.company.name} (domain ${match.company.domain})`} />}
                  {!match?.company && lead.companyName && <Radio value="new" label={`A new company ${lead.companyName}`} />}
                  <Radio value="other" label="Another existing company" />
                  {choice === 'other' && <CompanyPicker aria-label="Company" value={otherCompany} onChange={setOtherCompany} placeholder="Search companies" error={errors.companyId} />}
                  <Radio value="none" label="No company" />
                </Stack>
              </Radio.Group>
            </>
          )}
          <Checkbox label="Also create a deal" checked={withDeal} onChange={(e) => setWithDeal(e.currentTarget.checked)} />
          {withDeal && (
            <Stack gap="sm" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
              <TextInput label="Deal name" value={deal.name} onChange={(e) => setDeal((d) => ({ ...d, name: e.currentTarget.value }))} error={errors.name} />
              <MoneyInput
                amount={deal.amount}
                currency={deal.currency}
                onAmount={(amount) => setDeal((d) => ({ ...d, amount }))}
                onCurrency={(currency) => setDeal((d) => ({ ...d, currency }))}
                amountError={errors.amount}
                currencyError={errors.currency}
              />
              <StageSelect pipelines={pipelines.data ?? []} pipelineId={chosenStage?.pipelineId ?? null} stageId={chosenStage?.stageId ?? null} onChange={(pipelineId, stageId) => setStage({ pipelineId, stageId })} stageError={errors.stageId ?? errors.pipelineId} />
              <FieldInput spec={{ key: 'closeDate', label: 'Expected close', type: 'date' }} value={deal.closeDate} onChange={(v) => setDeal((d) => ({ ...d, closeDate: v as string | null }))} error={errors.closeDate} />
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving} disabled={matches.isPending || (choice === 'other' && !otherCompany)}>
              Convert
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

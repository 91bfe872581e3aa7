import { Alert, Anchor, Button, Center, Grid, Group, Loader, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Quote } from '../../../contract/quotes';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf, unclaimed } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { usePriceLists, useProducts } from '../products/use-products';
import { CompanyPicker, useCompanyNames } from '../records/company-picker';
import { previewTotals } from './line-preview';
import { formatMoney } from './money';
import { QuoteActions } from './quote-actions';
import { type QuoteDraft, draftOf, isDirty, lineDraftOf, updateBody } from './quote-draft';
import { QuoteLinesEditor } from './quote-lines-editor';
import { QuoteStatusBadge } from './quote-status';
import { ContactPicker, DealPicker } from './record-pickers';
import { TotalsTable } from './totals-table';
import { useQuote, useUpdateQuote } from './use-quotes';

const DETAIL_FIELDS = ['title', 'companyId', 'contactId', 'dealId', 'validUntil', 'notes'];

function QuoteEditor({ quote }: { quote: Quote }) {
  const canWrite = useCan('records:write');
  const update = useUpdateQuote();
  const products = useProducts();
  const priceLists = usePriceLists();
  const [draft, setDraft] = useState<QuoteDraft>(() => draftOf(quote));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // A newer version from the server (a status change, a save) replaces the draft.
  useEffect(() => setDraft(draftOf(quote)), [quote]);
  const companyName = useCompanyNames(draft.companyId ? [draft.companyId] : []).get(draft.companyId ?? '');
  const editable = canWrite && quote.status === 'draft';
  const dirty = isDirty(draft, quote);
  const serverErrors = isApiError(update.error) ? fieldErrorsOf(update.error) : {};
  const errors = { ...serverErrors, ...localErrors };
  const rest = unclaimed(serverErrors, (p) => DETAIL_FIELDS.includes(p) || p.startsWith('lines.'));
  const set = <K extends keyof QuoteDraft>(k: K, v: QuoteDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const preview = dirty ? previewTotals(draft.lines.map((l) => lineDraftOf(l, quote.currency))) : null;
  const priceList = priceLists.data?.find((l) => l.id === quote.priceListId);

  const save = () => {
    const { body, errors: local } = updateBody(draft, quote.currency);
    setLocalErrors(local);
    if (Object.keys(local).length) return;
    update.reset();
    update.mutate({ id: quote.id, body, version: quote.version }, { onSuccess: () => notifySuccess('Quote saved') });
  };

  return (
    <>
      <PageHeader
        title={
          <Group gap="xs" component="span">
            <span data-testid="quote-title">
              {quote.number} · {quote.title}
            </span>
            <QuoteStatusBadge status={quote.status} />
          </Group>
        }
        description={
          <>
            {quote.currency}
            {priceList ? ` · price list ${priceList.name}` : ''} · created {formatDate(quote.createdAt)}
            {quote.sentAt && ` · sent ${formatDate(quote.sentAt)}`}
            {quote.acceptedAt && ` · accepted ${formatDate(quote.acceptedAt)}`}
            {quote.rejectedAt && ` · rejected ${formatDate(quote.rejectedAt)}`}
          </>
        }
        actions={
          <>
            {dirty && (
              <>
                <Button variant="default" onClick={() => (setDraft(draftOf(quote)), setLocalErrors({}), update.reset())}>
                  Discard
                </Button>
                <Button onClick={save} loading={update.isPending}>
                  Save
                </Button>
              </>
            )}
            <QuoteActions quote={quote} dirty={dirty} />
          </>
        }
      />
      {Object.keys(rest).length > 0 && update.error && (
        <ErrorAlert error={update.error} title="Could not save the quote">
          {update.error.status === 412 && (
            <Text size="sm" mt={4}>
              Reload the page to see the other change, then make yours again.
            </Text>
          )}
        </ErrorAlert>
      )}
      {quote.status !== 'draft' && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} mb="md">
          {quote.status === 'sent' ? 'A sent quote is no longer changed: accept or reject it.' : `${quote.status === 'accepted' ? 'An accepted' : 'A rejected'} quote is kept as it was.`} {quote.invoiceId && <Anchor component={Link} to={`/invoices/${quote.invoiceId}`}>Open its invoice</Anchor>}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Section title="Lines" testId="quote-lines">
              <QuoteLinesEditor quote={quote} lines={draft.lines} products={products.data ?? []} onChange={(l) => set('lines', l)} errors={errors} disabled={!editable} />
            </Section>
            <Section title="Totals" testId="quote-totals">
              {dirty && (
                <Alert variant="light" color="yellow" mb="sm" data-testid="unsaved-totals">
                  Unsaved changes. {preview ? `Preview total ${formatMoney(preview.total, quote.currency)}; ` : ''}the totals below are the saved ones until you save.
                </Alert>
              )}
              <TotalsTable totals={quote} currency={quote.currency} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Section title="Details" testId="quote-details">
            <Stack gap="sm">
              <TextInput label="Title" value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} disabled={!editable} />
              <CompanyPicker label="Company" value={draft.companyId} valueLabel={companyName} onChange={(id) => set('companyId', id)} error={errors.companyId} disabled={!editable} />
              <ContactPicker label="Contact" value={draft.contactId} companyId={draft.companyId} onChange={(id) => set('contactId', id)} error={errors.contactId} disabled={!editable} />
              <DealPicker label="Deal" value={draft.dealId} companyId={draft.companyId} onChange={(id) => set('dealId', id)} error={errors.dealId} disabled={!editable} />
              <TextInput type="date" label="Valid until" value={draft.validUntil ?? ''} onChange={(e) => set('validUntil', e.currentTarget.value || null)} error={errors.validUntil} disabled={!editable} />
              <Textarea label="Notes" description="Printed on the PDF" value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={errors.notes} disabled={!editable} autosize minRows={2} />
            </Stack>
          </Section>
        </Grid.Col>
      </Grid>
    </>
  );
}

export function QuotePage() {
  const { id = '' } = useParams();
  const query = useQuote(id);
  useDocumentTitle(query.data ? `${query.data.number} · Quotes · Rapport` : 'Quote · Rapport');
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (query.error) {
    return (
      <ErrorAlert error={query.error} title={isApiError(query.error) && query.error.status === 404 ? 'This quote does not exist' : 'Could not load the quote'}>
        <Anchor component={Link} to="/quotes" display="block" mt="xs">
          Back to quotes
        </Anchor>
      </ErrorAlert>
    );
  }
  return <QuoteEditor key={id} quote={query.data} />;
}

import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { QuoteCreate } from '../../../contract/quotes';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { usePriceLists } from '../products/use-products';
import { CompanyPicker, useCompanyNames } from '../records/company-picker';
import { ContactPicker, DealPicker } from './record-pickers';
import { useCreateQuote } from './use-quotes';

export type QuotePrefill = { companyId?: string | null; contactId?: string | null; dealId?: string | null; title?: string };

/** Starts a draft for a customer; lines are added on the quote's own page. */
export function NewQuoteModal({ prefill, onClose }: { prefill: QuotePrefill; onClose: () => void }) {
  const create = useCreateQuote();
  const navigate = useNavigate();
  const priceLists = usePriceLists();
  const [title, setTitle] = useState(prefill.title ?? '');
  const [companyId, setCompanyId] = useState<string | null>(prefill.companyId ?? null);
  const [contactId, setContactId] = useState<string | null>(prefill.contactId ?? null);
  const [dealId, setDealId] = useState<string | null>(prefill.dealId ?? null);
  const [priceListId, setPriceListId] = useState<string | null>(null);
  const [currency, setCurrency] = useState('EUR');
  const companyName = useCompanyNames(companyId ? [companyId] : []).get(companyId ?? '');
  const lists = priceLists.data ?? [];
  const listId = priceListId ?? lists.find((l) => l.isDefault)?.id ?? lists[0]?.id ?? null;
  const errors = isApiError(create.error) ? fieldErrorsOf(create.error) : {};
  const shown = ['title', 'companyId', 'contactId', 'dealId', 'priceListId', 'currency'];

  const submit = () => {
    const body: QuoteCreate = { title: title.trim(), companyId, contactId, dealId, ...(listId ? { priceListId: listId } : { priceListId: null, currency: currency.trim().toUpperCase() }) };
    create.mutate(body, { onSuccess: (q) => (onClose(), navigate(`/quotes/${q.id}`)) });
  };

  return (
    <Modal opened onClose={onClose} title="New quote" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {create.error && !shown.some((f) => errors[f]) && <ErrorAlert error={create.error} title="Could not create the quote" />}
          <TextInput label="Title" placeholder="e.g. Launch package 2027" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required data-autofocus />
          <CompanyPicker label="Company" placeholder="Search companies" value={companyId} valueLabel={companyName} onChange={(id) => setCompanyId(id)} error={errors.companyId} />
          <ContactPicker label="Contact" value={contactId} companyId={companyId} onChange={setContactId} error={errors.contactId} />
          <DealPicker label="Deal" value={dealId} companyId={companyId} onChange={setDealId} error={errors.dealId} />
          {lists.length > 0 ? (
            <Select
              label="Price list"
              description="Sets the currency and the product prices"
              data={lists.map((l) => ({ value: l.id, label: `${l.name} (${l.currency})` }))}
              value={listId}
              onChange={setPriceListId}
              allowDeselect={false}
              error={errors.priceListId ?? errors.currency}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <TextInput label="Currency" description="ISO code; add price lists in Settings → Products" value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} maxLength={3} error={errors.currency} w={200} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim() || priceLists.isPending}>
              Create quote
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

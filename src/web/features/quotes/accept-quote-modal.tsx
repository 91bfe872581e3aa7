import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Quote } from '../../../contract/quotes';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { formatMoney } from './money';
import { useAcceptQuote } from './use-quotes';

/** Accepting issues the invoice on the server; the person lands on it. */
export function AcceptQuoteModal({ quote, onClose }: { quote: Quote; onClose: () => void }) {
  const accept = useAcceptQuote();
  const navigate = useNavigate();
  const [issueDate, setIssueDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [terms, setTerms] = useState<number | string>(30);
  const errors = isApiError(accept.error) ? fieldErrorsOf(accept.error) : {};
  const due = issueDate && typeof terms === 'number' ? dayjs(issueDate).add(terms, 'day').format('D MMM YYYY') : null;
  return (
    <Modal opened onClose={onClose} title={`Accept ${quote.number}`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          accept.mutate(
            { id: quote.id, body: { issueDate, paymentTermsDays: typeof terms === 'number' ? terms : 30 } },
            {
              onSuccess: ({ invoiceId }) => {
                notifySuccess(`${quote.number} accepted: invoice issued`);
                onClose();
                navigate(`/invoices/${invoiceId}`);
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">
            This issues an invoice for <b>{formatMoney(quote.total, quote.currency)}</b> with the quote’s lines. The quote can no longer be changed.
          </Text>
          {accept.error && !errors.issueDate && !errors.paymentTermsDays && <ErrorAlert error={accept.error} title="Could not accept the quote" />}
          <Group grow align="flex-start">
            <TextInput type="date" label="Invoice date" value={issueDate} onChange={(e) => setIssueDate(e.currentTarget.value)} error={errors.issueDate} required />
            <NumberInput label="Payment terms (days)" value={terms} onChange={setTerms} min={0} max={365} allowDecimal={false} error={errors.paymentTermsDays} />
          </Group>
          {due && (
            <Text size="sm" c="dimmed">
              Due {due}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="teal" loading={accept.isPending}>
              Accept and issue invoice
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

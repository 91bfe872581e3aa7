import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type Invoice, PAYMENT_METHODS } from '../../../contract/invoices';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { formatMoney, minorToDecimal, parseMoney } from '../quotes/money';
import { useAddPayment } from './use-invoices';

export const METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = { bank_transfer: 'Bank transfer', card: 'Card', cash: 'Cash', check: 'Check', other: 'Other' };

/** Records money received against an invoice: at most what is still owed. */
export function PaymentModal({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const add = useAddPayment();
  const [amount, setAmount] = useState(minorToDecimal(invoice.balance, invoice.currency));
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [method, setMethod] = useState<(typeof PAYMENT_METHODS)[number]>('bank_transfer');
  const [reference, setReference] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const errors = isApiError(add.error) ? fieldErrorsOf(add.error) : {};
  const submit = () => {
    const minor = parseMoney(amount, invoice.currency);
    if (minor === null || minor <= 0) return setAmountError(`Enter an amount in ${invoice.currency}, e.g. 100.00`);
    if (minor > invoice.balance) return setAmountError(`At most the balance, ${formatMoney(invoice.balance, invoice.currency)}`);
    setAmountError(null);
    add.mutate(
      { id: invoice.id, body: { amount: minor, date, method, reference: reference.trim() || null } },
      { onSuccess: (inv) => (notifySuccess(inv.balance === 0 ? `${inv.displayNumber} is paid in full` : `Payment recorded; ${formatMoney(inv.balance, inv.currency)} left`), onClose()) },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`Record a payment on ${invoice.displayNumber}`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">
            Balance: <b>{formatMoney(invoice.balance, invoice.currency)}</b>
          </Text>
          {add.error && !errors.amount && !errors.date && !errors.reference && <ErrorAlert error={add.error} title="Could not record the payment" />}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={`Amount (${invoice.currency})`} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError ?? errors.amount} inputMode="decimal" required data-autofocus />
            <TextInput type="date" label="Received on" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} required />
          </SimpleGrid>
          <Select
            label="Method"
            data={PAYMENT_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
            value={method}
            onChange={(v) => v && setMethod(v as typeof method)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="Reference" placeholder="e.g. bank statement line" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={errors.reference} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Record payment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

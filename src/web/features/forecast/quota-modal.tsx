import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Quota, QuotaSet } from '../../../contract/forecast';
import { ErrorAlert } from '../../components/error-alert';
import { type ApiError, api, isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { minorToDecimal, parseMoney } from '../quotes/money';
import { useMembers } from '../settings/use-members';
import { periodLabel } from './period';

type Props = { period: string; userId: string | null; currency: string; current: number | null; onClose: () => void };

/** Sets one person's quota for the period shown, in one currency. */
export function QuotaModal({ period, userId: initialUser, currency: initialCurrency, current, onClose }: Props) {
  const client = useQueryClient();
  const members = useMembers();
  const [userId, setUserId] = useState<string | null>(initialUser);
  const [currency, setCurrency] = useState(initialCurrency);
  const [amount, setAmount] = useState(current !== null ? minorToDecimal(current, initialCurrency) : '');
  const [amountError, setAmountError] = useState<string | null>(null);
  const save = useMutation<Quota, ApiError, QuotaSet>({
    mutationFn: (body) => api.put<Quota>('/api/v1/quotas', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['forecast'] }),
  });
  const errors = isApiError(save.error) ? fieldErrorsOf(save.error) : {};
  const submit = () => {
    const minor = parseMoney(amount, currency);
    if (minor === null || minor < 0) return setAmountError(`Enter an amount in ${currency}`);
    setAmountError(null);
    if (!userId) return;
    save.mutate({ userId, period, currency: currency.trim().toUpperCase(), amount: minor }, { onSuccess: () => (notifySuccess('Quota set'), onClose()) });
  };
  return (
    <Modal opened onClose={onClose} title={`Quota for ${periodLabel(period)}`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {save.error && !errors.userId && !errors.amount && !errors.currency && <ErrorAlert error={save.error} title="Could not set the quota" />}
          <Select label="Person" data={members.options} value={userId} onChange={setUserId} error={errors.userId} searchable required comboboxProps={{ withinPortal: true }} />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="Currency" value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} maxLength={3} error={errors.currency} />
            <TextInput label="Amount" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError ?? errors.amount} inputMode="decimal" required data-autofocus />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!userId || !amount.trim()}>
              Set quota
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

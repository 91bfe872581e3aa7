import { Group, NumberInput, TextInput } from '@mantine/core';
import { currencyDigits, toMajor, toMinor } from './money';

type Props = {
  amount: number | null;
  currency: string;
  onAmount: (minor: number | null) => void;
  onCurrency: (currency: string) => void;
  amountError?: string;
  currencyError?: string;
  disabled?: boolean;
  label?: string;
};

/** An amount typed in whole units of its currency (19.99), kept in minor units (1999) as the API wants. */
export function MoneyInput({ amount, currency, onAmount, onCurrency, amountError, currencyError, disabled, label = 'Amount' }: Props) {
  const digits = currencyDigits(currency);
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <NumberInput
        label={label}
        value={amount === null ? '' : toMajor(amount, currency)}
        onChange={(v) => onAmount(v === '' || v === null ? null : toMinor(Number(v), currency))}
        decimalScale={digits}
        thousandSeparator=","
        min={0}
        error={amountError}
        disabled={disabled}
        style={{ flex: 1 }}
        data-field="amount"
      />
      <TextInput
        label="Currency"
        value={currency}
        onChange={(e) => onCurrency(e.currentTarget.value.toUpperCase().slice(0, 3))}
        error={currencyError}
        disabled={disabled}
        w={90}
        maxLength={3}
        data-field="currency"
      />
    </Group>
  );
}

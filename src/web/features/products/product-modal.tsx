import { Button, Group, Modal, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { PriceList, Product, ProductCreate } from '../../../contract/products';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf, unclaimed } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { isDecimal3, minorToDecimal, parseMoney } from '../quotes/money';
import { useSaveProduct } from './use-products';

type Props = { product: Product | null; priceLists: PriceList[]; onClose: () => void };

/** Creates or edits a product: its SKU, name, tax rate and a unit price in each price list. */
export function ProductModal({ product, priceLists, onClose }: Props) {
  const save = useSaveProduct();
  const [sku, setSku] = useState(product?.sku ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [taxRate, setTaxRate] = useState(product?.taxRate ?? '0');
  const [active, setActive] = useState(product?.active ?? true);
  const [prices, setPrices] = useState<Record<string, string>>(() =>
    Object.fromEntries((product?.prices ?? []).map((p) => [p.priceListId, minorToDecimal(p.unitPrice, p.currency)])),
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // Prices go out in price-list order, only for lists with a price typed in.
  const pricedLists = priceLists.filter((l) => (prices[l.id] ?? '').trim() !== '');
  const serverErrors = isApiError(save.error) ? fieldErrorsOf(save.error) : {};
  const errors: Record<string, string> = { ...serverErrors, ...localErrors };
  pricedLists.forEach((l, i) => {
    const e = serverErrors[`prices.${i}.unitPrice`] ?? serverErrors[`prices.${i}`];
    if (e) errors[`price:${l.id}`] = e;
  });
  const shown = ['sku', 'name', 'description', 'taxRate', 'active'];
  const rest = unclaimed(serverErrors, (p) => shown.includes(p) || p.startsWith('prices.'));

  const submit = () => {
    const local: Record<string, string> = {};
    if (!isDecimal3(taxRate)) local.taxRate = 'Enter a percentage with at most three decimals, e.g. 19 or 8.875';
    const out: NonNullable<ProductCreate['prices']> = [];
    for (const l of pricedLists) {
      const minor = parseMoney(prices[l.id], l.currency);
      if (minor === null) local[`price:${l.id}`] = `Enter an amount in ${l.currency}, e.g. 19.99`;
      else out.push({ priceListId: l.id, unitPrice: minor });
    }
    setLocalErrors(local);
    if (Object.keys(local).length) return;
    const body: ProductCreate = { sku: sku.trim(), name: name.trim(), description: description.trim() || null, taxRate: taxRate.trim(), active, prices: out };
    save.mutate(
      { id: product?.id, body },
      {
        onSuccess: (p) => {
          notifySuccess(product ? `Saved ${p.name}` : `Added ${p.name}`);
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={product ? `Edit ${product.name}` : 'New product'} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {Object.keys(rest).length > 0 && <ErrorAlert error={save.error} title="Could not save the product" />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
            <TextInput label="SKU" description="Your product code" value={sku} onChange={(e) => setSku(e.currentTarget.value)} error={errors.sku} required />
          </SimpleGrid>
          <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} autosize minRows={2} />
          <TextInput label="Tax rate (%)" description="Used on quote lines unless changed there" value={taxRate} onChange={(e) => setTaxRate(e.currentTarget.value)} error={errors.taxRate} inputMode="decimal" w={220} />
          <div>
            <Text fw={500} size="sm">
              Unit prices
            </Text>
            {priceLists.length === 0 ? (
              <Text size="sm" c="dimmed">
                Add a price list first to give this product prices; quotes can still use it with a price typed on the line.
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt={4}>
                {priceLists.map((l) => (
                  <TextInput
                    key={l.id}
                    label={`${l.name} (${l.currency})`}
                    placeholder="No price"
                    value={prices[l.id] ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setPrices((p) => ({ ...p, [l.id]: v }));
                    }}
                    error={errors[`price:${l.id}`]}
                    inputMode="decimal"
                  />
                ))}
              </SimpleGrid>
            )}
          </div>
          <Switch label="Active — offered on new quotes" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim() || !sku.trim()}>
              {product ? 'Save product' : 'Create product'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

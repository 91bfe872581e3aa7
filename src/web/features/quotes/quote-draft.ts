import type { Line, LineInput, Quote, QuoteUpdate } from '../../../contract/quotes';
import type { LineDraft } from './line-preview';
import { isDecimal3, minorToDecimal, parseMoney } from './money';

/** A line as its inputs hold it: text, so "12." can be typed on the way to "12.50". */
export type LineRow = {
  key: string;
  productId: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountKind: 'percent' | 'amount';
  discount: string;
  taxRate: string;
};

export type QuoteDraft = {
  title: string;
  companyId: string | null;
  contactId: string | null;
  dealId: string | null;
  validUntil: string | null;
  notes: string;
  lines: LineRow[];
};

let keySeq = 0;
export const newLineKey = () => `line-${++keySeq}`;

export const emptyLine = (taxRate = '0'): LineRow => ({
  key: newLineKey(),
  productId: null,
  description: '',
  quantity: '1',
  unitPrice: '',
  discountKind: 'percent',
  discount: '',
  taxRate,
});

export function lineRowOf(l: Line, currency: string): LineRow {
  const amount = l.discountAmount !== null && l.discountAmount > 0;
  return {
    key: newLineKey(),
    productId: l.productId,
    description: l.description,
    quantity: l.quantity,
    unitPrice: minorToDecimal(l.unitPrice, currency),
    discountKind: amount ? 'amount' : 'percent',
    discount: amount ? minorToDecimal(l.discountAmount!, currency) : l.discountPercent && l.discountPercent !== '0' ? l.discountPercent : '',
    taxRate: l.taxRate,
  };
}

export const draftOf = (q: Quote): QuoteDraft => ({
  title: q.title,
  companyId: q.companyId,
  contactId: q.contactId,
  dealId: q.dealId,
  validUntil: q.validUntil,
  notes: q.notes ?? '',
  lines: q.lines.map((l) => lineRowOf(l, q.currency)),
});

/** For the preview: the typed line read as numbers, or nulls where the text is not one yet. */
export function lineDraftOf(row: LineRow, currency: string): LineDraft {
  const discount = row.discount.trim();
  return {
    quantity: row.quantity,
    unitPrice: parseMoney(row.unitPrice, currency),
    discountPercent: row.discountKind === 'percent' && discount ? discount : null,
    discountAmount: row.discountKind === 'amount' && discount ? parseMoney(discount, currency) : null,
    taxRate: row.taxRate.trim() || '0',
  };
}

/**
 * The lines as the API takes them, or the mistakes keyed as the server keys them
 * (`lines.1.quantity`), so both show in the same place beside the input.
 */
export function linesToInput(rows: LineRow[], currency: string): { lines: LineInput[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const lines: LineInput[] = [];
  rows.forEach((row, i) => {
    const at = (f: string) => `lines.${i}.${f}`;
    const line: LineInput = { productId: row.productId, quantity: row.quantity.trim() };
    if (row.description.trim()) line.description = row.description.trim();
    else if (!row.productId) errors[at('description')] = 'Describe the line or pick a product';
    if (!isDecimal3(row.quantity) || Number(row.quantity) <= 0) errors[at('quantity')] = 'Enter a positive number, at most three decimals';
    const price = parseMoney(row.unitPrice, currency);
    if (row.unitPrice.trim() === '') {
      if (!row.productId) errors[at('unitPrice')] = 'Enter a unit price';
    } else if (price === null) errors[at('unitPrice')] = `Enter an amount in ${currency}, e.g. 19.99`;
    else line.unitPrice = price;
    const discount = row.discount.trim();
    if (discount && row.discountKind === 'percent') {
      if (!isDecimal3(discount) || Number(discount) > 100) errors[at('discountPercent')] = 'Enter a percentage from 0 to 100';
      else line.discountPercent = discount;
    } else if (discount) {
      const amount = parseMoney(discount, currency);
      if (amount === null || amount < 0) errors[at('discountAmount')] = `Enter an amount in ${currency}`;
      else line.discountAmount = amount;
    }
    const tax = row.taxRate.trim() || '0';
    if (!isDecimal3(tax)) errors[at('taxRate')] = 'Enter a percentage, e.g. 19 or 8.875';
    else line.taxRate = tax;
    lines.push(line);
  });
  return { lines, errors };
}

/** The PATCH body for a draft: every field, lines replaced as a whole (as the API wants). */
export function updateBody(d: QuoteDraft, currency: string): { body: QuoteUpdate; errors: Record<string, string> } {
  const { lines, errors } = linesToInput(d.lines, currency);
  if (!d.title.trim()) errors.title = 'Is required';
  return {
    body: { title: d.title.trim(), companyId: d.companyId, contactId: d.contactId, dealId: d.dealId, validUntil: d.validUntil || null, notes: d.notes.trim() || null, lines },
    errors,
  };
}

/** Whether the draft differs from the saved quote (line keys aside). */
export function isDirty(d: QuoteDraft, q: Quote): boolean {
  const strip = (x: QuoteDraft) => JSON.stringify({ ...x, lines: x.lines.map(({ key: _k, ...rest }) => rest) });
  return strip(d) !== strip(draftOf(q));
}

import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../contract/quotes';
import { draftOf, emptyLine, isDirty, lineDraftOf, linesToInput, updateBody } from './quote-draft';
import { previewLine } from './line-preview';

const quote: Quote = {
  id: 'q1', version: 3, number: 'Q-00001', title: 'Rockets', status: 'draft', dealId: null, contactId: null, companyId: 'c1', ownerId: null,
  priceListId: null, currency: 'EUR', validUntil: null, notes: null,
  lines: [
    { id: 'l1', position: 0, productId: 'p1', description: 'Booster', quantity: '2', unitPrice: 125000, discountPercent: '10', discountAmount: null, taxRate: '0', gross: 250000, discount: 25000, net: 225000, tax: 0, total: 225000 },
    { id: 'l2', position: 1, productId: null, description: 'Setup', quantity: '1', unitPrice: 49990, discountPercent: null, discountAmount: 990, taxRate: '19', gross: 49990, discount: 990, net: 49000, tax: 9310, total: 58310 },
  ],
  subtotal: 299990, discountTotal: 25990, netTotal: 274000, taxTotal: 9310, total: 283310,
  invoiceId: null, sentAt: null, acceptedAt: null, rejectedAt: null, createdAt: '', updatedAt: '',
};

describe('quote draft', () => {
  it('turns saved lines into text and back without changing them', () => {
    const d = draftOf(quote);
    expect(d.lines[0]).toMatchObject({ unitPrice: '1250.00', discountKind: 'percent', discount: '10' });
    expect(d.lines[1]).toMatchObject({ unitPrice: '499.90', discountKind: 'amount', discount: '9.90', taxRate: '19' });
    const { lines, errors } = linesToInput(d.lines, 'EUR');
    expect(errors).toEqual({});
    expect(lines).toEqual([
      { productId: 'p1', description: 'Booster', quantity: '2', unitPrice: 125000, discountPercent: '10', taxRate: '0' },
      { productId: null, description: 'Setup', quantity: '1', unitPrice: 49990, discountAmount: 990, taxRate: '19' },
    ]);
    expect(isDirty(d, quote)).toBe(false);
    expect(isDirty({ ...d, lines: [...d.lines, emptyLine()] }, quote)).toBe(true);
  });

  it('previews the same figures the server saved', () => {
    const d = draftOf(quote);
    for (const [i, row] of d.lines.entries()) {
      const { gross, discount, net, tax, total } = quote.lines[i];
      expect(previewLine(lineDraftOf(row, 'EUR'))).toEqual({ gross, discount, net, tax, total });
    }
  });

  it('names each mistake at the path the server would use', () => {
    const bad = { ...emptyLine(), quantity: '0', unitPrice: '12.345', discount: '120', taxRate: 'x' };
    const { errors } = linesToInput([emptyLine(), bad], 'EUR');
    expect(errors).toEqual({
      'lines.0.description': 'Describe the line or pick a product',
      'lines.0.unitPrice': 'Enter a unit price',
      'lines.1.description': 'Describe the line or pick a product',
      'lines.1.quantity': 'Enter a positive number, at most three decimals',
      'lines.1.unitPrice': 'Enter an amount in EUR, e.g. 19.99',
      'lines.1.discountPercent': 'Enter a percentage from 0 to 100',
      'lines.1.taxRate': 'Enter a percentage, e.g. 19 or 8.875',
    });
  });

  it('leaves a product line’s price to the price list when none is typed', () => {
    const { lines, errors } = linesToInput([{ ...emptyLine(), productId: 'p1' }], 'EUR');
    expect(errors).toEqual({});
    expect(lines[0]).toEqual({ productId: 'p1', quantity: '1', taxRate: '0' });
  });

  it('sends every field, emptied ones as null', () => {
    const { body, errors } = updateBody({ ...draftOf(quote), title: '  ', notes: '  ', validUntil: '' }, 'EUR');
    expect(errors.title).toBe('Is required');
    expect(body).toMatchObject({ companyId: 'c1', contactId: null, dealId: null, validUntil: null, notes: null });
  });
});

import { describe, expect, it } from 'vitest';
import { previewLine, previewTotals } from './line-preview';

const line = (over: Partial<Parameters<typeof previewLine>[0]>) => ({ quantity: '1', unitPrice: 0, discountPercent: null, discountAmount: null, taxRate: '0', ...over });

describe('line preview under the server rounding rule', () => {
  it('computes gross, discount, net, tax and total per line', () => {
    // 3 × 19.99 = 59.97; 10 % off = 53.973 → 53.97; 19 % tax of 53.97 = 10.2543 → 10.25
    expect(previewLine(line({ quantity: '3', unitPrice: 1999, discountPercent: '10', taxRate: '19' }))).toEqual({ gross: 5997, discount: 600, net: 5397, tax: 1025, total: 6422 });
  });

  it('rounds half away from zero, once per line', () => {
    // 0.5 × 1 cent = 0.5 → 1 cent
    expect(previewLine(line({ quantity: '0.5', unitPrice: 1 }))?.gross).toBe(1);
    // a credit line: -0.5 → -1
    expect(previewLine(line({ quantity: '0.5', unitPrice: -1 }))?.gross).toBe(-1);
    // 8.875 % of 1000 = 88.75 → 89
    expect(previewLine(line({ unitPrice: 1000, taxRate: '8.875' }))?.tax).toBe(89);
  });

  it('takes an amount off instead of a percentage', () => {
    expect(previewLine(line({ quantity: '2', unitPrice: 5000, discountAmount: 1500, taxRate: '20' }))).toEqual({ gross: 10000, discount: 1500, net: 8500, tax: 1700, total: 10200 });
  });

  it('waits for what it needs', () => {
    expect(previewLine(line({ unitPrice: null }))).toBeNull();
    expect(previewLine(line({ quantity: '' }))).toBeNull();
    expect(previewLine(line({ quantity: '1.2345' }))).toBeNull();
    expect(previewLine(line({ unitPrice: 100, discountPercent: 'x' }))).toBeNull();
  });

  it('sums rounded lines without a second rounding', () => {
    // each line is 1/3 of a cent × 3 … 0.333 × 1 = 0.333 → 0 per line, so the sum is 0, not 1
    const lines = [line({ quantity: '0.333', unitPrice: 1 }), line({ quantity: '0.333', unitPrice: 1 }), line({ quantity: '0.333', unitPrice: 1 })];
    expect(previewTotals(lines)?.total).toBe(0);
    expect(previewTotals([line({ unitPrice: 1000 }), line({ unitPrice: null })])).toBeNull();
    expect(previewTotals([])).toEqual({ gross: 0, discount: 0, net: 0, tax: 0, total: 0 });
  });
});

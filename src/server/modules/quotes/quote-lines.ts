import type { Line, LineInput } from '../../../contract/quotes';
import type { LineCols } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { FieldErrors } from '../../platform/errors';
import { type LineFigures, computeLine, formatMilli, parseMilli } from '../../platform/money';
import { findProducts, priceIn } from '../products/products.repository';
import { percentMilli } from '../products/products.service';
import { newId } from '../../platform/ids';

export type ResolvedLine = LineFigures & {
  productId: string | null;
  description: string;
  quantityMilli: number;
  unitPrice: number;
  discountPercentMilli: number | null;
  discountAmount: number | null;
  taxRateMilli: number;
};

const MAX_QUANTITY_MILLI = 1_000_000_000_000n;

/**
 * Checks lines and fills in what products provide (name, price-list price, tax rate), then
 * computes each line's figures on the server under the rounding rule of platform/money.ts.
 */
export async function resolveLines(db: WorkspaceDb, inputs: LineInput[], priceListId: string | null, errors: FieldErrors): Promise<ResolvedLine[]> {
  const productIds = inputs.map((l) => l.productId).filter((id): id is string => !!id);
  const products = await findProducts(db, productIds);
  const prices = priceListId ? await priceIn(db, priceListId, [...products.keys()]) : new Map<string, number>();
  const out: ResolvedLine[] = [];
  for (const [i, l] of inputs.entries()) {
    const at = (f: string) => `lines.${i}.${f}`;
    const product = l.productId ? products.get(l.productId) : undefined;
    if (l.productId && !product) errors.add(at('productId'), 'no such product in this workspace');
    const quantity = parseMilli(l.quantity);
    if (quantity === null || quantity <= 0n || quantity > MAX_QUANTITY_MILLI) errors.add(at('quantity'), 'must be a positive decimal with at most three places');
    const description = (l.description ?? product?.name ?? '').trim();
    if (!description) errors.add(at('description'), 'is required for a line without a product');
    let unitPrice = l.unitPrice;
    if (unitPrice === undefined && product) unitPrice = prices.get(product.id);
    if (unitPrice === undefined) errors.add(at('unitPrice'), product ? 'is required: the product has no price in this quote’s price list' : 'is required for a line without a product');
    if (l.discountPercent !== undefined && l.discountAmount !== undefined) errors.add(at('discountAmount'), 'give a discount percent or an amount, not both');
    const discountPercentMilli = l.discountPercent === undefined ? null : percentMilli(l.discountPercent, at('discountPercent'), errors);
    const taxRateMilli = l.taxRate === undefined ? (product?.tax_rate_milli ?? 0) : percentMilli(l.taxRate, at('taxRate'), errors);
    if (quantity === null || unitPrice === undefined) continue;
    const amounts = { quantityMilli: Number(quantity), unitPrice, discountPercentMilli, discountAmount: l.discountAmount ?? null, taxRateMilli };
    let figures: LineFigures;
    try {
      figures = computeLine(amounts);
    } catch {
      errors.add(at('quantity'), 'the line amount is too large');
      continue;
    }
    if (l.discountAmount !== undefined && (figures.gross < 0 || l.discountAmount > figures.gross)) {
      errors.add(at('discountAmount'), 'must not exceed the line amount (quantity × unit price)');
    }
    out.push({ ...amounts, ...figures, productId: product?.id ?? null, description });
  }
  return out;
}

export function toLine(r: LineCols): Line {
  return {
    id: r.id,
    position: r.position,
    productId: r.product_id,
    description: r.description,
    quantity: formatMilli(r.quantity_milli),
    unitPrice: Number(r.unit_price),
    discountPercent: r.discount_percent_milli === null ? null : formatMilli(r.discount_percent_milli),
    discountAmount: r.discount_amount === null ? null : Number(r.discount_amount),
    taxRate: formatMilli(r.tax_rate_milli),
    gross: Number(r.gross),
    discount: Number(r.discount),
    net: Number(r.net),
    tax: Number(r.tax),
    total: Number(r.total),
  };
}

export const lineColumns = (r: ResolvedLine, position: number): Omit<LineCols, 'workspace_id'> => {
  return {
    id: newId(),
    position,
    product_id: r.productId,
    description: r.description,
    quantity_milli: r.quantityMilli,
    unit_price: r.unitPrice,
    discount_percent_milli: r.discountPercentMilli,
    discount_amount: r.discountAmount,
    tax_rate_milli: r.taxRateMilli,
    gross: r.gross,
    discount: r.discount,
    net: r.net,
    tax: r.tax,
    total: r.total,
  };
};

/** The same line under a new id, for another document (a quote's lines onto its invoice). */
export const copyLine = (r: LineCols): Omit<LineCols, 'workspace_id'> => ({
  id: newId(),
  position: r.position,
  product_id: r.product_id,
  description: r.description,
  quantity_milli: r.quantity_milli,
  unit_price: r.unit_price,
  discount_percent_milli: r.discount_percent_milli,
  discount_amount: r.discount_amount,
  tax_rate_milli: r.tax_rate_milli,
  gross: r.gross,
  discount: r.discount,
  net: r.net,
  tax: r.tax,
  total: r.total,
});

import type { PriceListRow, ProductRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

export const findProduct = (db: WorkspaceDb, id: string) => db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();

export async function findProducts(db: WorkspaceDb, ids: string[]): Promise<Map<string, ProductRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('products').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listProducts(db: WorkspaceDb, q: { text?: string; active?: boolean; afterId?: string; limit: number }) {
  let query = db.selectFrom('products').selectAll();
  if (q.text) {
    const text = q.text;
    query = query.where((eb) => eb.or([db.dialect.contains(eb.ref('sku'), text) as any, db.dialect.contains(eb.ref('name'), text) as any]));
  }
  if (q.active !== undefined) query = query.where('active', '=', q.active ? 1 : 0);
  if (q.afterId) query = query.where('id', '>', q.afterId);
  return query.orderBy('id').limit(q.limit).execute();
}

/** Prices of these products with their list's currency, by product id. */
export async function pricesOf(db: WorkspaceDb, productIds: string[]) {
  const out = new Map<string, { priceListId: string; currency: string; unitPrice: number }[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return out;
  const rows = await db
    .selectFrom('product_prices')
    .innerJoin('price_lists', (j) => j.onRef('price_lists.id', '=', 'product_prices.price_list_id').onRef('price_lists.workspace_id', '=', 'product_prices.workspace_id'))
    .select(['product_prices.product_id', 'product_prices.price_list_id', 'product_prices.unit_price', 'price_lists.currency'])
    .where('product_prices.product_id', 'in', productIds)
    .orderBy('price_lists.name')
    .execute();
  for (const r of rows) out.get(r.product_id)?.push({ priceListId: r.price_list_id, currency: r.currency, unitPrice: Number(r.unit_price) });
  return out;
}

export async function priceIn(db: WorkspaceDb, priceListId: string, productIds: string[]): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.selectFrom('product_prices').select(['product_id', 'unit_price']).where('price_list_id', '=', priceListId).where('product_id', 'in', productIds).execute();
  return new Map(rows.map((r) => [r.product_id, Number(r.unit_price)]));
}

export const insertProduct = (tx: WorkspaceDb, row: Omit<ProductRow, 'workspace_id'>) => tx.insertInto('products', row).execute();
export const updateProduct = (tx: WorkspaceDb, id: string, set: Partial<ProductRow>) => tx.updateTable('products').set(set).where('id', '=', id).execute();
export const deleteProduct = (tx: WorkspaceDb, id: string) => tx.deleteFrom('products').where('id', '=', id).execute();

export async function replacePrices(tx: WorkspaceDb, productId: string, prices: { priceListId: string; unitPrice: number }[]) {
  await tx.deleteFrom('product_prices').where('product_id', '=', productId).execute();
  if (prices.length) await tx.insertInto('product_prices', prices.map((p) => ({ product_id: productId, price_list_id: p.priceListId, unit_price: p.unitPrice }))).execute();
}

export async function productInUse(db: WorkspaceDb, id: string): Promise<boolean> {
  const q = await db.selectFrom('quote_lines').select('id').where('product_id', '=', id).limit(1).executeTakeFirst();
  const i = q ? q : await db.selectFrom('invoice_lines').select('id').where('product_id', '=', id).limit(1).executeTakeFirst();
  return !!i;
}

export const listPriceLists = (db: WorkspaceDb) => db.selectFrom('price_lists').selectAll().orderBy('name').orderBy('id').execute();
export const findPriceList = (db: WorkspaceDb, id: string) => db.selectFrom('price_lists').selectAll().where('id', '=', id).executeTakeFirst();
export const insertPriceList = (tx: WorkspaceDb, row: Omit<PriceListRow, 'workspace_id'>) => tx.insertInto('price_lists', row).execute();
export const updatePriceList = (tx: WorkspaceDb, id: string, set: Partial<PriceListRow>) => tx.updateTable('price_lists').set(set).where('id', '=', id).execute();
export const deletePriceList = (tx: WorkspaceDb, id: string) => tx.deleteFrom('price_lists').where('id', '=', id).execute();
export async function makeDefaultPriceList(tx: WorkspaceDb, id: string, at: string) {
  await tx.updateTable('price_lists').set({ is_default: 0, updated_at: at }).where('is_default', '=', 1).where('id', '<>', id).execute();
  await tx.updateTable('price_lists').set({ is_default: 1, updated_at: at }).where('id', '=', id).execute();
}
export async function priceListInUse(db: WorkspaceDb, id: string): Promise<boolean> {
  return !!(await db.selectFrom('quotes').select('id').where('price_list_id', '=', id).limit(1).executeTakeFirst());
}

import type { PriceList, PriceListCreate, PriceListUpdate, Product, ProductCreate, ProductQuery, ProductUpdate } from '../../../contract/products';
import type { PriceListRow, ProductRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { diff, recordEvents } from '../../platform/events/events.repository';
import { AppError, FieldErrors, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import { formatMilli, parseMilli } from '../../platform/money';
import * as repo from './products.repository';

const toPriceList = (r: PriceListRow): PriceList => ({ id: r.id, name: r.name, currency: r.currency, isDefault: r.is_default === 1, createdAt: r.created_at, updatedAt: r.updated_at });

/** A percentage with at most three decimals between 0 and 100, in milli-percent. */
export function percentMilli(value: string | number, field: string, errors: FieldErrors): number {
  const v = parseMilli(value);
  if (v === null || v < 0n || v > 100_000n) {
    errors.add(field, 'must be a percentage from 0 to 100 with at most three decimals');
    return 0;
  }
  return Number(v);
}

/** Products with a SKU, tax rate and a unit price per price list; price lists with a currency. */
export function createProductsService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  async function present(db: WorkspaceDb, rows: ProductRow[]): Promise<Product[]> {
    const prices = await repo.pricesOf(db, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      name: r.name,
      description: r.description,
      taxRate: formatMilli(r.tax_rate_milli),
      active: r.active === 1,
      prices: prices.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function load(db: WorkspaceDb, id: string): Promise<Product> {
    const row = isId(id) ? await repo.findProduct(db, id) : undefined;
    if (!row) throw notFound('Product');
    return (await present(db, [row]))[0];
  }

  async function checkPrices(db: WorkspaceDb, prices: { priceListId: string }[], errors: FieldErrors) {
    const lists = new Set((await repo.listPriceLists(db)).map((l) => l.id));
    const seen = new Set<string>();
    prices.forEach((p, i) => {
      if (!lists.has(p.priceListId)) errors.add(`prices.${i}.priceListId`, 'no such price list in this workspace');
      if (seen.has(p.priceListId)) errors.add(`prices.${i}.priceListId`, 'is listed twice');
      seen.add(p.priceListId);
    });
  }

  const duplicateSku = (sku: string) => new AppError('conflict', `sku: another product has SKU ${sku}`, { field: 'sku' });

  async function write(ctx: Ctx, id: string | null, input: ProductCreate | ProductUpdate): Promise<Product> {
    requirePermission(ctx, 'sales:manage');
    const db = scoped(ctx);
    const errors = new FieldErrors();
    const taxRate = input.taxRate === undefined ? undefined : percentMilli(input.taxRate, 'taxRate', errors);
    if (input.prices) await checkPrices(db, input.prices, errors);
    if (input.sku !== undefined && !input.sku.trim()) errors.add('sku', 'must not be blank');
    errors.throwIfAny();
    const at = clock.now().toISOString();
    const productId = id ?? newId();
    try {
      await db.transaction(async (tx) => {
        const before = id ? await load(tx, id) : null;
        if (!id) {
          const c = input as ProductCreate;
          await repo.insertProduct(tx, {
            id: productId,
            sku: c.sku.trim(),
            name: c.name.trim(),
            description: c.description ?? null,
            tax_rate_milli: taxRate ?? 0,
            active: c.active === false ? 0 : 1,
            created_at: at,
            updated_at: at,
          });
        } else {
          const set: Partial<ProductRow> = { updated_at: at };
          if (input.sku !== undefined) set.sku = input.sku.trim();
          if (input.name !== undefined) set.name = input.name.trim();
          if (input.description !== undefined) set.description = input.description;
          if (taxRate !== undefined) set.tax_rate_milli = taxRate;
          if (input.active !== undefined) set.active = input.active ? 1 : 0;
          await repo.updateProduct(tx, productId, set);
        }
        if (input.prices) await repo.replacePrices(tx, productId, input.prices);
        const after = await load(tx, productId);
        await recordEvents(tx, ctx, [{ action: before ? 'updated' : 'created', objectType: 'product', objectId: productId, changes: diff(before, after) }]);
      });
    } catch (err) {
      if (db.dialect.isUniqueViolation(err)) throw duplicateSku(input.sku ?? '');
      throw err;
    }
    return load(db, productId);
  }

  return {
    async list(ctx: Ctx, q: ProductQuery) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const rows = await repo.listProducts(db, { text: q.q, active: q.active, afterId: q.cursor && isId(q.cursor) ? q.cursor : undefined, limit: q.limit + 1 });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      return { data: await present(db, page), nextCursor: more ? page[page.length - 1].id : null };
    },
    async get(ctx: Ctx, id: string) {
      requirePermission(ctx, 'records:read');
      return load(scoped(ctx), id);
    },
    create: (ctx: Ctx, input: ProductCreate) => write(ctx, null, input),
    async update(ctx: Ctx, id: string, input: ProductUpdate) {
      requirePermission(ctx, 'sales:manage');
      await load(scoped(ctx), id);
      return write(ctx, id, input);
    },
    async remove(ctx: Ctx, id: string) {
      requirePermission(ctx, 'sales:manage');
      await scoped(ctx).transaction(async (tx) => {
        const before = await load(tx, id);
        if (await repo.productInUse(tx, id)) throw new AppError('conflict', 'This product is on quotes or invoices; set it inactive instead');
        await repo.deleteProduct(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'product', objectId: id, changes: diff(before, null) }]);
      });
    },

    async listPriceLists(ctx: Ctx): Promise<PriceList[]> {
      requirePermission(ctx, 'records:read');
      return (await repo.listPriceLists(scoped(ctx))).map(toPriceList);
    },
    async createPriceList(ctx: Ctx, input: PriceListCreate): Promise<PriceList> {
      requirePermission(ctx, 'sales:manage');
      const db = scoped(ctx);
      const at = clock.now().toISOString();
      const row = { id: newId(), name: input.name.trim(), currency: input.currency, is_default: 0, created_at: at, updated_at: at };
      await db.transaction(async (tx) => {
        const first = (await repo.listPriceLists(tx)).length === 0;
        await repo.insertPriceList(tx, row);
        if (first || input.isDefault) await repo.makeDefaultPriceList(tx, row.id, at);
        await recordEvents(tx, ctx, [{ action: 'created', objectType: 'price_list', objectId: row.id, changes: { name: { before: null, after: row.name }, currency: { before: null, after: row.currency } } }]);
      });
      return toPriceList((await repo.findPriceList(db, row.id))!);
    },
    async updatePriceList(ctx: Ctx, id: string, input: PriceListUpdate): Promise<PriceList> {
      requirePermission(ctx, 'sales:manage');
      const db = scoped(ctx);
      await db.transaction(async (tx) => {
        const before = isId(id) ? await repo.findPriceList(tx, id) : undefined;
        if (!before) throw notFound('Price list');
        const at = clock.now().toISOString();
        if (input.name !== undefined) await repo.updatePriceList(tx, id, { name: input.name.trim(), updated_at: at });
        if (input.isDefault) await repo.makeDefaultPriceList(tx, id, at);
        await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'price_list', objectId: id, changes: { name: { before: before.name, after: input.name?.trim() ?? before.name } } }]);
      });
      return toPriceList((await repo.findPriceList(db, id))!);
    },
    async removePriceList(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'sales:manage');
      await scoped(ctx).transaction(async (tx) => {
        const before = isId(id) ? await repo.findPriceList(tx, id) : undefined;
        if (!before) throw notFound('Price list');
        if (await repo.priceListInUse(tx, id)) throw new AppError('conflict', 'Quotes use this price list; it cannot be deleted');
        await repo.deletePriceList(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'price_list', objectId: id, changes: { name: { before: before.name, after: null } } }]);
      });
    },
  };
}
export type ProductsService = ReturnType<typeof createProductsService>;

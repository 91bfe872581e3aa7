import type { Forecast, ForecastQuery, Quota, QuotaSet } from '../../../contract/forecast';
import type { QuotaRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { recordEvents } from '../../platform/events/events.repository';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import { roundDiv, toNumber } from '../../platform/money';
import { parsePeriod } from '../../platform/periods';
import { memberIds } from '../../platform/records/references.repository';
import { seesAllDeals } from '../deals/deals.service';
import * as repo from './forecast.repository';

const toQuota = (r: QuotaRow): Quota => ({ id: r.id, userId: r.user_id, period: r.period, currency: r.currency, amount: Number(r.amount), updatedAt: r.updated_at });

type Acc = { won: bigint; pipeline: bigint; weightedExact: bigint; quota: bigint | null; openCount: number; wonCount: number };
const empty = (): Acc => ({ won: 0n, pipeline: 0n, weightedExact: 0n, quota: null, openCount: 0, wonCount: 0 });

/** won / quota in percent with two decimals, rounded half away from zero. */
function attainment(won: bigint, quota: bigint | null): string | null {
  if (!quota || quota <= 0n) return null;
  const hundredths = roundDiv(won * 10_000n, quota);
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

const figures = (currency: string, a: Acc) => ({
  currency,
  won: toNumber(a.won),
  pipeline: toNumber(a.pipeline),
  // Σ amount × probability is kept exact and divided by 100 once, rounding half away from zero.
  weighted: toNumber(roundDiv(a.weightedExact, 100n)),
  bestCase: toNumber(a.won + a.pipeline),
  quota: a.quota === null ? null : toNumber(a.quota),
  attainmentPercent: attainment(a.won, a.quota),
  openCount: a.openCount,
  wonCount: a.wonCount,
});

/**
 * The sales forecast of a month or quarter, per owner and currency: deals closing in the period
 * (by close date) that are won, the open pipeline at full and weighted value, best case, and the
 * owner's quota. Currencies are never added together.
 */
export function createForecastService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  return {
    async forecast(ctx: Ctx, q: ForecastQuery): Promise<Forecast> {
      requirePermission(ctx, 'records:read');
      const period = parsePeriod(q.period);
      let ownerId = q.ownerId;
      if (!seesAllDeals(ctx)) {
        if (!ctx.userId || (ownerId && ownerId !== ctx.userId)) throw forbidden('Members see their own forecast only');
        ownerId = ctx.userId;
      }
      const db = scoped(ctx);
      const [deals, quotas] = await Promise.all([
        repo.dealsClosingIn(db, { start: period.start, end: period.end, ownerId, pipelineId: q.pipelineId, kinds: ['open', 'won'] }),
        repo.quotasFor(db, { period: period.key, userId: ownerId }),
      ]);
      const rows = new Map<string, { ownerId: string | null; currency: string; acc: Acc }>();
      const row = (owner: string | null, currency: string) => {
        const key = `${owner ?? ''}|${currency}`;
        let r = rows.get(key);
        if (!r) rows.set(key, (r = { ownerId: owner, currency, acc: empty() }));
        return r.acc;
      };
      for (const d of deals) {
        const a = row(d.owner_id, d.currency);
        const amount = BigInt(d.amount);
        if (d.kind === 'won') {
          a.won += amount;
          a.wonCount++;
        } else {
          a.pipeline += amount;
          a.weightedExact += amount * BigInt(d.probability);
          a.openCount++;
        }
      }
      for (const quota of quotas) {
        const a = row(quota.user_id, quota.currency);
        a.quota = (a.quota ?? 0n) + BigInt(quota.amount);
      }
      const totals = new Map<string, Acc>();
      for (const r of rows.values()) {
        const t = totals.get(r.currency) ?? empty();
        t.won += r.acc.won;
        t.pipeline += r.acc.pipeline;
        t.weightedExact += r.acc.weightedExact;
        if (r.acc.quota !== null) t.quota = (t.quota ?? 0n) + r.acc.quota;
        t.openCount += r.acc.openCount;
        t.wonCount += r.acc.wonCount;
        totals.set(r.currency, t);
      }
      const sorted = [...rows.values()].sort((a, b) => (a.ownerId ?? '').localeCompare(b.ownerId ?? '') || a.currency.localeCompare(b.currency));
      return {
        period,
        rows: sorted.map((r) => ({ ownerId: r.ownerId, ...figures(r.currency, r.acc) })),
        totals: [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, acc]) => figures(currency, acc)),
      };
    },

    async listQuotas(ctx: Ctx, q: { period?: string; userId?: string }): Promise<Quota[]> {
      requirePermission(ctx, 'records:read');
      if (q.period) parsePeriod(q.period);
      let userId = q.userId;
      if (!seesAllDeals(ctx)) {
        if (!ctx.userId || (userId && userId !== ctx.userId)) throw forbidden('Members see their own quotas only');
        userId = ctx.userId;
      }
      return (await repo.quotasFor(scoped(ctx), { period: q.period, userId })).map(toQuota);
    },

    async setQuota(ctx: Ctx, input: QuotaSet): Promise<Quota> {
      requirePermission(ctx, 'sales:manage');
      parsePeriod(input.period);
      const db = scoped(ctx);
      if (!(await memberIds(db, [input.userId])).has(input.userId)) throw new AppError('validation_failed', 'userId: is not a member of this workspace', { field: 'userId' });
      return db.transaction(async (tx) => {
        const at = clock.now().toISOString();
        const before = (await repo.quotasFor(tx, { period: input.period, userId: input.userId })).find((r) => r.currency === input.currency);
        const row = await repo.upsertQuota(tx, { id: newId(), user_id: input.userId, period: input.period, currency: input.currency, amount: input.amount, created_at: at, updated_at: at });
        await recordEvents(tx, ctx, [{ action: before ? 'updated' : 'created', objectType: 'quota', objectId: row.id, changes: { amount: { before: before ? Number(before.amount) : null, after: input.amount } } }]);
        return toQuota(row);
      });
    },

    async removeQuota(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'sales:manage');
      await scoped(ctx).transaction(async (tx) => {
        const row = isId(id) ? await repo.findQuota(tx, id) : undefined;
        if (!row) throw notFound('Quota');
        await repo.deleteQuota(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'quota', objectId: id, changes: { amount: { before: Number(row.amount), after: null } } }]);
      });
    },
  };
}
export type ForecastService = ReturnType<typeof createForecastService>;

import type { CommissionRule, CommissionRuleCreate, CommissionRuleUpdate, Statement, StatementQuery } from '../../../contract/commissions';
import type { CommissionRuleRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { recordEvents } from '../../platform/events/events.repository';
import { AppError, FieldErrors, notFound } from '../../platform/errors';
import { isId, newId } from '../../platform/ids';
import { formatMilli, percentOf } from '../../platform/money';
import { parsePeriod } from '../../platform/periods';
import { memberIds } from '../../platform/records/references.repository';
import { paymentsInPeriod } from '../invoices/invoices.repository';
import { percentMilli } from '../products/products.service';
import * as repo from './commissions.repository';

const toRule = (r: CommissionRuleRow): CommissionRule => ({
  id: r.id,
  name: r.name,
  userId: r.user_id,
  role: r.role,
  basis: r.basis as CommissionRule['basis'],
  ratePercent: formatMilli(r.rate_milli),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Commission rules and statements. A statement line is one won deal or one payment received,
 * its commission rounded half away from zero to the minor unit; totals are sums per currency.
 */
export function createCommissionsService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  const taken = (r: { userId?: string | null; role?: string | null; basis: string }) =>
    new AppError('conflict', `${r.userId ? 'userId' : 'role'}: already has a ${r.basis} rule; change that one`, { field: r.userId ? 'userId' : 'role' });

  return {
    async list(ctx: Ctx): Promise<CommissionRule[]> {
      requirePermission(ctx, 'records:read');
      return (await repo.listRules(scoped(ctx))).map(toRule);
    },

    async create(ctx: Ctx, input: CommissionRuleCreate): Promise<CommissionRule> {
      requirePermission(ctx, 'sales:manage');
      const db = scoped(ctx);
      const errors = new FieldErrors();
      if (!input.userId === !input.role) errors.add('userId', 'give a userId or a role (one of them)');
      if (input.userId && !(await memberIds(db, [input.userId])).has(input.userId)) errors.add('userId', 'is not a member of this workspace');
      const rate = percentMilli(input.ratePercent, 'ratePercent', errors);
      errors.throwIfAny();
      const at = clock.now().toISOString();
      const row = { id: newId(), name: input.name.trim(), user_id: input.userId ?? null, role: input.role ?? null, basis: input.basis, rate_milli: rate, created_at: at, updated_at: at };
      try {
        await db.transaction(async (tx) => {
          await repo.insertRule(tx, row);
          await recordEvents(tx, ctx, [{ action: 'created', objectType: 'commission_rule', objectId: row.id, changes: { ratePercent: { before: null, after: formatMilli(rate) } } }]);
        });
      } catch (err) {
        if (db.dialect.isUniqueViolation(err)) throw taken(input);
        throw err;
      }
      return toRule({ ...row, workspace_id: ctx.workspaceId });
    },

    async update(ctx: Ctx, id: string, input: CommissionRuleUpdate): Promise<CommissionRule> {
      requirePermission(ctx, 'sales:manage');
      const db = scoped(ctx);
      return db.transaction(async (tx) => {
        const before = isId(id) ? await repo.findRule(tx, id) : undefined;
        if (!before) throw notFound('Commission rule');
        const errors = new FieldErrors();
        const rate = input.ratePercent === undefined ? before.rate_milli : percentMilli(input.ratePercent, 'ratePercent', errors);
        errors.throwIfAny();
        const set = { name: input.name?.trim() ?? before.name, rate_milli: rate, updated_at: clock.now().toISOString() };
        await repo.updateRule(tx, id, set);
        await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'commission_rule', objectId: id, changes: { ratePercent: { before: formatMilli(before.rate_milli), after: formatMilli(rate) } } }]);
        return toRule({ ...before, ...set });
      });
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'sales:manage');
      await scoped(ctx).transaction(async (tx) => {
        const before = isId(id) ? await repo.findRule(tx, id) : undefined;
        if (!before) throw notFound('Commission rule');
        await repo.deleteRule(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'commission_rule', objectId: id, changes: { ratePercent: { before: formatMilli(before.rate_milli), after: null } } }]);
      });
    },

    async statement(ctx: Ctx, q: StatementQuery): Promise<Statement> {
      requirePermission(ctx, 'records:read');
      const period = parsePeriod(q.period);
      const userId = q.userId ?? ctx.userId;
      if (!userId) throw new AppError('validation_failed', 'userId: is required when calling with an API key', { field: 'userId' });
      // Members see their own statement; managers and admins anyone's.
      if (userId !== ctx.userId) requirePermission(ctx, 'deals:all');
      const db = scoped(ctx);
      const member = isId(userId) ? await repo.memberRole(db, userId) : undefined;
      if (!member) throw notFound('Member');
      const rules = await repo.rulesFor(db, userId, member.role);
      const ruleFor = (basis: string) => rules.find((r) => r.basis === basis && r.user_id === userId) ?? rules.find((r) => r.basis === basis && r.role === member.role);

      const lines: Statement['lines'] = [];
      const won = ruleFor('deal_won');
      if (won) {
        for (const d of await repo.wonDeals(db, userId, period.start, period.end)) {
          lines.push({ basis: 'deal_won', ruleId: won.id, dealId: d.id, invoiceId: null, paymentId: null, date: d.close_date!, currency: d.currency, base: Number(d.amount), ratePercent: formatMilli(won.rate_milli), commission: percentOf(d.amount, won.rate_milli) });
        }
      }
      const paid = ruleFor('invoice_paid');
      if (paid) {
        for (const p of await paymentsInPeriod(db, userId, period.start, period.end)) {
          lines.push({ basis: 'invoice_paid', ruleId: paid.id, dealId: null, invoiceId: p.invoice_id, paymentId: p.id, date: p.paid_on, currency: p.currency, base: Number(p.amount), ratePercent: formatMilli(paid.rate_milli), commission: percentOf(p.amount, paid.rate_milli) });
        }
      }
      const totals = new Map<string, { currency: string; base: number; commission: number }>();
      for (const l of lines) {
        const t = totals.get(l.currency) ?? { currency: l.currency, base: 0, commission: 0 };
        t.base += l.base;
        t.commission += l.commission;
        totals.set(l.currency, t);
      }
      return { userId, period, lines, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
    },
  };
}
export type CommissionsService = ReturnType<typeof createCommissionsService>;

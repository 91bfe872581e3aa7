import type { Filter } from '../../../contract/filter';
import type { RetentionRule, RetentionRuleCreate, RetentionRuleUpdate } from '../../../contract/privacy';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { recordEvents } from '../../platform/events/events.repository';
import { invalid, notFound } from '../../platform/errors';
import type { ListParams } from '../../platform/filters/list-query';
import { isId, newId } from '../../platform/ids';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { ErasureService } from './erasure.service';
import { scrubPerson } from './erasure.service';
import * as repo from './retention.repository';
import { retentionRuleJob } from './retention.job';

/** What a rule needs of the record services: the filtered list and the trash. */
type Records = {
  list(ctx: Ctx, params: ListParams & { trash?: boolean }): Promise<{ data: { id: string }[]; nextCursor: string | null }>;
  bulkRemove(ctx: Ctx, ids: string[]): Promise<void>;
};

/** At most this many records per run; the rest go on the next run. */
export const MAX_PER_RUN = 5000;
const BATCH = 500;

const ACTIONS: Record<string, readonly string[]> = {
  leads: ['trash', 'delete', 'anonymise'],
  // Deals and invoices refer to contacts: anonymising keeps their sums right where deleting would not.
  contacts: ['trash', 'anonymise'],
  activities: ['delete'],
};

export function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export type RuleOutcome = { cutoff: string; matched: number; affected: number };

/**
 * Retention rules: records untouched for N months (no change, no activity), optionally narrowed
 * by a filter, are trashed, deleted or anonymised by a job every night.
 */
export function createRetentionService(deps: {
  scoped: (ctx: Ctx) => WorkspaceDb;
  clock: Clock;
  queue: JobQueue;
  records: { leads: Records; contacts: Records };
  erasure: ErasureService;
}) {
  const { scoped, clock, queue, records, erasure } = deps;

  async function checkRule(ctx: Ctx, rule: { objectType: string; action: string; filter: Filter | null }) {
    if (!ACTIONS[rule.objectType].includes(rule.action)) {
      const past: Record<string, string> = { trash: 'trashed', delete: 'deleted', anonymise: 'anonymised' };
      throw invalid('action', `${rule.objectType} can only be ${ACTIONS[rule.objectType].map((a) => past[a]).join(' or ')}`);
    }
    if (rule.filter) {
      if (rule.objectType === 'activities') throw invalid('filter', 'activities are chosen by age alone');
      // The list validates the filter exactly as it will run, and names the offending part.
      await records[rule.objectType as 'leads' | 'contacts'].list(ctx, { filter: rule.filter, limit: 1 });
    }
  }

  async function present(db: WorkspaceDb, id: string): Promise<RetentionRule> {
    const row = await repo.findRule(db, id);
    if (!row) throw notFound('Retention rule');
    return repo.ruleFromRow(db, row, (await repo.lastRuns(db, [id])).get(id) ?? null);
  }

  /** Ids of the records the rule applies to now. */
  async function due(ctx: Ctx, db: WorkspaceDb, rule: RetentionRule, cutoff: string): Promise<string[]> {
    if (rule.objectType === 'activities') return repo.oldActivityIds(db, cutoff, MAX_PER_RUN);
    const untouched: Filter = { field: 'updatedAt', op: 'lt', value: cutoff };
    const filter: Filter = rule.filter ? { and: [untouched, rule.filter] } : untouched;
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await records[rule.objectType].list(ctx, { filter, limit: BATCH, cursor, sort: [{ field: 'updatedAt', direction: 'asc' }] });
      ids.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ids.length < MAX_PER_RUN);
    const touched = await repo.touchedByActivity(db, rule.objectType, ids, cutoff);
    const erased = rule.action === 'anonymise' ? await repo.erasedAmong(db, ids) : new Set<string>();
    return ids.filter((id) => !touched.has(id) && !erased.has(id)).slice(0, MAX_PER_RUN);
  }

  async function apply(ctx: Ctx, db: WorkspaceDb, rule: RetentionRule, ids: string[]): Promise<number> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const part = ids.slice(i, i + BATCH);
      if (rule.action === 'trash') await records[rule.objectType as 'leads' | 'contacts'].bulkRemove(ctx, part);
      else if (rule.objectType === 'contacts') for (const id of part) await erasure.erase(ctx, id, { confirm: 'ERASE' });
      else {
        await db.transaction(async (tx) => {
          if (rule.objectType === 'leads') await scrubPerson(tx, { contact: null, leads: await repo.leadRows(tx, part) });
          if (rule.action === 'delete') {
            await repo.wipeHistory(tx, part);
            await repo.purgeRecords(tx, rule.objectType as 'leads' | 'activities', part);
          }
          const objectType = rule.objectType === 'activities' ? 'activity' : rule.objectType;
          const action = rule.action === 'delete' ? 'purged' : 'erased';
          await recordEvents(tx, ctx, part.map((id) => ({ action, objectType, objectId: id, changes: { retentionRuleId: { before: null, after: rule.id } } })));
        });
      }
    }
    return ids.length;
  }

  return {
    async list(ctx: Ctx): Promise<RetentionRule[]> {
      requirePermission(ctx, 'workspace:manage');
      const db = scoped(ctx);
      const rows = await repo.listRules(db);
      const last = await repo.lastRuns(db, rows.map((r) => r.id));
      return rows.map((r) => repo.ruleFromRow(db, r, last.get(r.id) ?? null));
    },

    async get(ctx: Ctx, id: string) {
      requirePermission(ctx, 'workspace:manage');
      if (!isId(id)) throw notFound('Retention rule');
      const db = scoped(ctx);
      const rule = await present(db, id);
      return { ...rule, runs: (await repo.runsOf(db, id, 20)).map(repo.runFromRow) };
    },

    async create(ctx: Ctx, input: RetentionRuleCreate): Promise<RetentionRule> {
      requirePermission(ctx, 'workspace:manage');
      await checkRule(ctx, { objectType: input.objectType, action: input.action, filter: input.filter ?? null });
      const db = scoped(ctx);
      const id = newId();
      const at = clock.now().toISOString();
      await db.transaction(async (tx) => {
        await repo.insertRule(tx, {
          id,
          name: input.name.trim(),
          object_type: input.objectType,
          untouched_months: input.untouchedMonths,
          filter: input.filter ? tx.dialect.json.write(input.filter) : null,
          action: input.action,
          enabled: input.enabled === false ? 0 : 1,
          created_by: ctx.userId,
          created_at: at,
          updated_at: at,
        });
        await recordEvents(tx, ctx, [{ action: 'created', objectType: 'retention_rule', objectId: id, changes: { name: { before: null, after: input.name }, action: { before: null, after: input.action } } }]);
      });
      return present(db, id);
    },

    async update(ctx: Ctx, id: string, input: RetentionRuleUpdate): Promise<RetentionRule> {
      requirePermission(ctx, 'workspace:manage');
      const db = scoped(ctx);
      const before = isId(id) ? await present(db, id) : null;
      if (!before) throw notFound('Retention rule');
      const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as RetentionRule;
      await checkRule(ctx, next);
      await db.transaction(async (tx) => {
        await repo.updateRule(tx, id, {
          name: next.name.trim(),
          object_type: next.objectType,
          untouched_months: next.untouchedMonths,
          filter: next.filter ? tx.dialect.json.write(next.filter) : null,
          action: next.action,
          enabled: next.enabled ? 1 : 0,
          updated_at: clock.now().toISOString(),
        });
        await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'retention_rule', objectId: id, changes: { enabled: { before: before.enabled, after: next.enabled } } }]);
      });
      return present(db, id);
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'workspace:manage');
      const db = scoped(ctx);
      if (!isId(id) || !(await repo.findRule(db, id))) throw notFound('Retention rule');
      await db.transaction(async (tx) => {
        await repo.deleteRule(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'retention_rule', objectId: id, changes: {} }]);
      });
    },

    /** Queues a run now; its result shows in the rule's runs once the job has run. */
    async runNow(ctx: Ctx, id: string): Promise<{ jobId: string }> {
      requirePermission(ctx, 'workspace:manage');
      const db = scoped(ctx);
      if (!isId(id) || !(await repo.findRule(db, id))) throw notFound('Retention rule');
      const { id: jobId } = await db.transaction((tx) => queue.enqueue(tx, retentionRuleJob, { ruleId: id, trigger: 'manual' }));
      return { jobId };
    },

    /** One run of a rule (the job's work): finds what is due and acts on it. Null when the rule is gone or off. */
    async execute(ctx: Ctx, ruleId: string, trigger: 'schedule' | 'manual', now: Date): Promise<RuleOutcome | null> {
      const db = scoped(ctx);
      const row = await repo.findRule(db, ruleId);
      if (!row || (trigger === 'schedule' && row.enabled !== 1)) return null;
      const rule = repo.ruleFromRow(db, row, null);
      const cutoff = monthsBefore(now, rule.untouchedMonths).toISOString();
      const ids = await due(ctx, db, rule, cutoff);
      const affected = await apply(ctx, db, rule, ids);
      return { cutoff, matched: ids.length, affected };
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;

import { ACTIVITY_TYPES } from '../../../contract/activities';
import type { Filter } from '../../../contract/filter';
import type { ScoreRule, ScoreRuleCreate, ScoreRuleUpdate } from '../../../contract/leads';
import type { LeadScoreRuleRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { listFields } from '../../platform/custom-fields/custom-fields.repository';
import { type EventInput, recordEvents } from '../../platform/events/events.repository';
import { AppError, FieldErrors, notFound } from '../../platform/errors';
import { compileFilter } from '../../platform/filters/filter-compiler';
import { isId, newId } from '../../platform/ids';
import { leadFields } from './leads.fields';
import * as repo from './leads.repository';

const CHUNK = 500;

const toRule = (db: WorkspaceDb, r: LeadScoreRuleRow): ScoreRule => ({
  id: r.id,
  name: r.name,
  kind: r.kind as ScoreRule['kind'],
  filter: db.dialect.json.read<Filter | null>(r.filter, null),
  activityType: r.activity_type,
  points: r.points,
  position: r.position,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * A rule's filter as SQL, or null when it no longer compiles (it names a custom field that was
 * deleted since): such a rule matches nothing rather than making every lead write fail.
 */
function compileRule(rule: ScoreRule, fields: ReturnType<typeof leadFields>, tx: WorkspaceDb) {
  try {
    return compileFilter(rule.filter as Filter, fields, tx.dialect);
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_filter') return null;
    throw err;
  }
}

/**
 * Scores of these leads under the workspace's rules: the points of every filter rule the lead
 * matches (evaluated by the same filter compiler as lists, so a rule means what a view means),
 * plus points per linked activity of a type.
 */
export async function computeScores(tx: WorkspaceDb, ids: string[]): Promise<Map<string, number>> {
  const scores = new Map(ids.map((id) => [id, 0]));
  if (ids.length === 0) return scores;
  const rules = (await repo.listRules(tx)).map((r) => toRule(tx, r));
  if (rules.length === 0) return scores;
  const fields = leadFields(await listFields(tx, 'leads'));
  const activityRules = rules.filter((r) => r.kind === 'activity');
  const counts = activityRules.length ? await repo.activityCounts(tx, ids) : new Map<string, Map<string, number>>();
  for (const rule of rules) {
    if (rule.kind === 'filter') {
      const where = compileRule(rule, fields, tx);
      if (!where) continue;
      for (const id of await repo.matching(tx, ids, where)) scores.set(id, scores.get(id)! + rule.points);
    } else {
      for (const id of ids) scores.set(id, scores.get(id)! + (counts.get(id)?.get(rule.activityType ?? '') ?? 0) * rule.points);
    }
  }
  return scores;
}

export type ScoreChange = { id: string; before: number; after: number };

/**
 * Recomputes and stores the scores of `ids` (every live lead when null). With `asChange` each new
 * score also bumps the lead's version and is recorded as an update (a rule changed, an activity
 * was logged); otherwise it is part of a write that records its own event.
 */
export async function rescore(tx: WorkspaceDb, ctx: Ctx, ids: string[] | null, opts: { asChange: boolean; at: string }): Promise<ScoreChange[]> {
  const changes: ScoreChange[] = [];
  const run = async (rows: { id: string; score: number }[]) => {
    const scores = await computeScores(tx, rows.map((r) => r.id));
    for (const r of rows) {
      const after = scores.get(r.id)!;
      if (after === Number(r.score)) continue;
      await repo.setScore(tx, r.id, after, opts.asChange ? { at: opts.at } : null);
      changes.push({ id: r.id, before: Number(r.score), after });
    }
  };
  if (ids) {
    for (let i = 0; i < ids.length; i += CHUNK) await run(await repo.leadScores(tx, ids.slice(i, i + CHUNK)));
  } else {
    for (let after: string | null = null; ; ) {
      const rows = await repo.leadScoresAfter(tx, after, CHUNK);
      if (rows.length === 0) break;
      await run(rows);
      after = rows[rows.length - 1].id;
    }
  }
  if (opts.asChange) {
    const events: EventInput[] = changes.map((c) => ({ action: 'updated', objectType: 'leads', objectId: c.id, changes: { score: { before: c.before, after: c.after } } }));
    await recordEvents(tx, ctx, events);
  }
  return changes;
}

/** Score rules, edited by admins; every change rescores every lead in the same transaction. */
export function createLeadScoringService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  async function check(db: WorkspaceDb, kind: string, input: { filter?: Filter; activityType?: string }) {
    const errors = new FieldErrors();
    if (kind === 'filter') {
      if (input.filter === undefined) errors.add('filter', 'a filter rule needs a filter');
      else compileFilter(input.filter, leadFields(await listFields(db, 'leads')), db.dialect);
      if (input.activityType !== undefined) errors.add('activityType', 'only for activity rules');
    } else {
      if (!input.activityType || !(ACTIVITY_TYPES as readonly string[]).includes(input.activityType)) {
        errors.add('activityType', `an activity rule needs one of ${ACTIVITY_TYPES.join(', ')}`);
      }
      if (input.filter !== undefined) errors.add('filter', 'only for filter rules');
    }
    errors.throwIfAny();
  }

  async function load(db: WorkspaceDb, id: string) {
    const row = isId(id) ? await repo.findRule(db, id) : undefined;
    if (!row) throw notFound('Score rule');
    return row;
  }

  const now = () => clock.now().toISOString();

  return {
    async list(ctx: Ctx): Promise<ScoreRule[]> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      return (await repo.listRules(db)).map((r) => toRule(db, r));
    },

    async create(ctx: Ctx, input: ScoreRuleCreate): Promise<ScoreRule> {
      requirePermission(ctx, 'sales:manage');
      const db = scoped(ctx);
      const kind = input.kind ?? 'filter';
      await check(db, kind, input);
      const at = now();
      const row = {
        id: newId(),
        name: input.name.trim(),
        kind,
        filter: input.filter === undefined ? null : db.dialect.json.write(input.filter),
        activity_type: input.activityType ?? null,
        points: input.points,
        position: input.position ?? (await repo.listRules(db)).length,
        created_at: at,
        updated_at: at,
      };
      await db.transaction(async (tx) => {
        await repo.insertRule(tx, row);
        await recordEvents(tx, ctx, [{ action: 'created', objectType: 'lead_score_rule', objectId: row.id, changes: { name: { before: null, after: row.name }, points: { before: null, after: row.points } } }]);
        await rescore(tx, ctx, null, { asChange: true, at });
      });
      return toRule(db, { ...row, workspace_id: ctx.workspaceId });
    },

    async update(ctx: Ctx, id: string, input: ScoreRuleUpdate): Promise<ScoreRule> {
      requirePermission(ctx, 'sales:manage');
      const db = scoped(ctx);
      return db.transaction(async (tx) => {
        const before = await load(tx, id);
        await check(tx, before.kind, {
          filter: input.filter ?? (before.kind === 'filter' ? (toRule(tx, before).filter as Filter) : undefined),
          activityType: input.activityType ?? before.activity_type ?? undefined,
        });
        const at = now();
        const set: Partial<LeadScoreRuleRow> = { updated_at: at };
        if (input.name !== undefined) set.name = input.name.trim();
        if (input.filter !== undefined) set.filter = tx.dialect.json.write(input.filter);
        if (input.activityType !== undefined) set.activity_type = input.activityType;
        if (input.points !== undefined) set.points = input.points;
        if (input.position !== undefined) set.position = input.position;
        await repo.updateRule(tx, id, set);
        const after = await load(tx, id);
        await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'lead_score_rule', objectId: id, changes: { points: { before: before.points, after: after.points }, filter: { before: toRule(tx, before).filter, after: toRule(tx, after).filter } } }]);
        await rescore(tx, ctx, null, { asChange: true, at });
        return toRule(tx, after);
      });
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'sales:manage');
      await scoped(ctx).transaction(async (tx) => {
        const before = await load(tx, id);
        await repo.deleteRule(tx, id);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'lead_score_rule', objectId: id, changes: { name: { before: before.name, after: null } } }]);
        await rescore(tx, ctx, null, { asChange: true, at: now() });
      });
    },

    /** The leads an activity is linked to (their scores count it). */
    async leadsOfActivity(ctx: Ctx, activityId: string): Promise<string[]> {
      requirePermission(ctx, 'records:read');
      return isId(activityId) ? repo.leadsLinkedTo(scoped(ctx), activityId) : [];
    },

    /** Recomputes every lead's score (or some leads'), e.g. after activities were logged. */
    async recompute(ctx: Ctx, ids: string[] | null): Promise<{ changed: number }> {
      requirePermission(ctx, ids ? 'records:write' : 'sales:manage');
      const changes = await scoped(ctx).transaction((tx) => rescore(tx, ctx, ids, { asChange: true, at: now() }));
      return { changed: changes.length };
    },
  };
}
export type LeadScoringService = ReturnType<typeof createLeadScoringService>;

import type { Static } from '@sinclair/typebox';
import type { Deal } from '../../../contract/deals';
import type { ColumnAmount, Pipeline, Stage } from '../../../contract/pipelines';
import { weighted } from './money';

export type ColumnTotal = Static<typeof ColumnAmount>;
export type BoardColumn = { stage: Stage; count: number; totals: ColumnTotal[]; deals: Deal[]; nextCursor: string | null };
export type BoardData = { pipeline: Pipeline; columns: BoardColumn[] };

/** The part of dnd-kit's drag-end event a drop needs: what was dragged and what it was dropped on. */
export type DropEvent = { active: { id: string | number }; over: { id: string | number; data: { current?: unknown } } | null };

/** A column's totals with one deal added (+1) or taken away (-1), weighted by the column's stage. */
export function adjustTotals(totals: ColumnTotal[], deal: Pick<Deal, 'amount' | 'currency'>, probability: number, sign: 1 | -1): ColumnTotal[] {
  const current = totals.find((t) => t.currency === deal.currency) ?? { currency: deal.currency, count: 0, amount: 0, weightedAmount: 0 };
  const count = current.count + sign;
  const amount = current.amount + sign * deal.amount;
  const next = { currency: deal.currency, count, amount, weightedAmount: weighted(amount, probability) };
  const others = totals.filter((t) => t.currency !== deal.currency);
  return (count > 0 ? [...others, next] : others).sort((a, b) => a.currency.localeCompare(b.currency));
}

export function findDeal(board: BoardData, dealId: string): { column: BoardColumn; deal: Deal } | null {
  for (const column of board.columns) {
    const deal = column.deals.find((d) => d.id === dealId);
    if (deal) return { column, deal };
  }
  return null;
}

/**
 * The board as it will look once the server has moved the deal: out of its column, into the
 * target at `index` (the end when omitted), with both columns' counts and totals recomputed the
 * way the server computes them. Unchanged when the deal is not on the board.
 */
export function moveOnBoard(board: BoardData, dealId: string, stageId: string, index?: number): BoardData {
  const found = findDeal(board, dealId);
  const target = board.columns.find((c) => c.stage.id === stageId);
  if (!found || !target) return board;
  const { column: source, deal } = found;
  const moved: Deal = {
    ...deal,
    stageId,
    stage: { id: target.stage.id, name: target.stage.name, probability: target.stage.probability, kind: target.stage.kind },
  };
  const columns = board.columns.map((c) => {
    let deals = c.deals;
    let { count, totals } = c;
    if (c === source) {
      deals = deals.filter((d) => d.id !== dealId);
      if (c !== target) {
        count -= 1;
        totals = adjustTotals(totals, deal, c.stage.probability, -1);
      }
    }
    if (c === target) {
      const at = Math.min(index ?? deals.length, deals.length);
      deals = [...deals.slice(0, at), moved, ...deals.slice(at)];
      if (c !== source) {
        count += 1;
        totals = adjustTotals(totals, deal, c.stage.probability, 1);
      }
    }
    return deals === c.deals ? c : { ...c, deals, count, totals };
  });
  return { ...board, columns };
}

/** Where a drop lands: the stage, and the place in its column (undefined = the end). */
export function dropTarget(board: BoardData, event: DropEvent): { stageId: string; index?: number } | null {
  const { over, active } = event;
  if (!over) return null;
  const stageId = (over.data.current as { stageId?: string } | undefined)?.stageId;
  if (stageId) return { stageId };
  const target = findDeal(board, String(over.id));
  if (!target) return null;
  const index = target.column.deals.filter((d) => d.id !== active.id).findIndex((d) => d.id === target.deal.id);
  const from = findDeal(board, String(active.id));
  // Dropped lower in its own column: the card goes after the one it was dropped on.
  const sameColumn = from?.column.stage.id === target.column.stage.id;
  const below = sameColumn && from!.column.deals.indexOf(from!.deal) < target.column.deals.indexOf(target.deal);
  return { stageId: target.column.stage.id, index: below ? index + 1 : index };
}

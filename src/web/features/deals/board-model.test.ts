import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../contract/deals';
import type { Stage } from '../../../contract/pipelines';
import { type BoardData, adjustTotals, dropTarget, moveOnBoard } from './board-model';
import { formatMoney, toMinor, weighted } from './money';

const stage = (id: string, probability: number, kind: Stage['kind'] = 'open'): Stage => ({ id, pipelineId: 'p', name: id.toUpperCase(), probability, kind, position: 0 });
const deal = (id: string, stageOf: Stage, amount: number, currency = 'EUR') =>
  ({ id, name: id, amount, currency, stageId: stageOf.id, stage: { id: stageOf.id, name: stageOf.name, probability: stageOf.probability, kind: stageOf.kind } }) as Deal;

const qualify = stage('qualify', 10);
const propose = stage('propose', 55);
const won = stage('won', 100, 'won');

function board(): BoardData {
  return {
    pipeline: { id: 'p', name: 'Sales', isDefault: true, position: 0, stages: [qualify, propose, won], createdAt: '', updatedAt: '' },
    columns: [
      {
        stage: qualify,
        count: 3,
        totals: [
          { currency: 'EUR', count: 2, amount: 150_05, weightedAmount: 15_01 },
          { currency: 'USD', count: 1, amount: 999, weightedAmount: 100 },
        ],
        deals: [deal('a', qualify, 100_00), deal('b', qualify, 50_05), deal('c', qualify, 999, 'USD')],
        nextCursor: null,
      },
      { stage: propose, count: 1, totals: [{ currency: 'EUR', count: 1, amount: 1_01, weightedAmount: 56 }], deals: [deal('d', propose, 1_01)], nextCursor: null },
      { stage: won, count: 0, totals: [], deals: [], nextCursor: null },
    ],
  };
}

describe('weighted amounts', () => {
  it('round once, half away from zero, like the server', () => {
    expect(weighted(1_01, 55)).toBe(56); // 55.55
    expect(weighted(50, 1)).toBe(1); // 0.5 → 1
    expect(weighted(-50, 1)).toBe(-1); // -0.5 → -1
    expect(weighted(49, 1)).toBe(0);
    expect(weighted(150_05, 10)).toBe(15_01); // 1500.5 → 1501
    expect(weighted(1_000_000_000_000, 100)).toBe(1_000_000_000_000);
  });
});

describe('moving a deal on the board', () => {
  it('takes the deal out of its column and its totals, and adds it to the target at the end', () => {
    const next = moveOnBoard(board(), 'b', won.id);
    const [q, , w] = next.columns;
    expect(q.deals.map((d) => d.id)).toEqual(['a', 'c']);
    expect(q.count).toBe(2);
    expect(q.totals).toEqual([
      { currency: 'EUR', count: 1, amount: 100_00, weightedAmount: 10_00 },
      { currency: 'USD', count: 1, amount: 999, weightedAmount: 100 },
    ]);
    expect(w.deals.map((d) => [d.id, d.stageId, d.stage.kind])).toEqual([['b', won.id, 'won']]);
    expect(w.count).toBe(1);
    expect(w.totals).toEqual([{ currency: 'EUR', count: 1, amount: 50_05, weightedAmount: 50_05 }]);
  });

  it('recomputes the weighted total of the target from its new sum, not by adding rounded parts', () => {
    // 1.01 and 1.01 at 55 %: 0.5555 + 0.5555 = 1.111 → 1.11, while 0.56 + 0.56 would say 1.12.
    const b = board();
    b.columns[0].deals.push(deal('e', qualify, 1_01));
    const next = moveOnBoard(b, 'e', propose.id, 0);
    expect(next.columns[1].deals.map((d) => d.id)).toEqual(['e', 'd']);
    expect(next.columns[1].totals).toEqual([{ currency: 'EUR', count: 2, amount: 2_02, weightedAmount: 1_11 }]);
  });

  it('drops a currency from a column when its last deal leaves, and keeps other columns as they were', () => {
    const before = board();
    const next = moveOnBoard(before, 'c', propose.id);
    expect(next.columns[0].totals.map((t) => t.currency)).toEqual(['EUR']);
    expect(next.columns[1].totals.map((t) => t.currency)).toEqual(['EUR', 'USD']);
    expect(next.columns[2]).toBe(before.columns[2]);
  });

  it('reorders within a column without touching its totals', () => {
    const next = moveOnBoard(board(), 'c', qualify.id, 0);
    expect(next.columns[0].deals.map((d) => d.id)).toEqual(['c', 'a', 'b']);
    expect(next.columns[0].totals).toEqual(board().columns[0].totals);
    expect(next.columns[0].count).toBe(3);
  });

  it('leaves the board alone for an unknown deal or stage', () => {
    const b = board();
    expect(moveOnBoard(b, 'nope', won.id)).toBe(b);
    expect(moveOnBoard(b, 'a', 'nope')).toBe(b);
  });

  it('adjusts totals in both directions', () => {
    const t = adjustTotals([], { amount: 3_33, currency: 'JPY' }, 50, 1);
    expect(t).toEqual([{ currency: 'JPY', count: 1, amount: 3_33, weightedAmount: 167 }]);
    expect(adjustTotals(t, { amount: 3_33, currency: 'JPY' }, 50, -1)).toEqual([]);
  });
});

describe('where a drop lands', () => {
  const onCard = (active: string, over: string) => ({ active: { id: active }, over: { id: over, data: { current: { sortable: {} } } } });
  const onColumn = (active: string, stageId: string) => ({ active: { id: active }, over: { id: `stage:${stageId}`, data: { current: { stageId } } } });

  it('on a column: the end of that column', () => {
    expect(dropTarget(board(), onColumn('a', won.id))).toEqual({ stageId: won.id });
  });

  it('on a card of another column: just above that card', () => {
    expect(dropTarget(board(), onCard('a', 'd'))).toEqual({ stageId: propose.id, index: 0 });
  });

  it('within its own column: where the card was dropped, as the column will read without it', () => {
    const b = board();
    // a dropped on c (lower down) goes after c; c dropped on a (higher up) goes before a.
    expect(dropTarget(b, onCard('a', 'c'))).toEqual({ stageId: qualify.id, index: 2 });
    expect(moveOnBoard(b, 'a', qualify.id, 2).columns[0].deals.map((d) => d.id)).toEqual(['b', 'c', 'a']);
    expect(dropTarget(b, onCard('c', 'a'))).toEqual({ stageId: qualify.id, index: 0 });
    expect(moveOnBoard(b, 'c', qualify.id, 0).columns[0].deals.map((d) => d.id)).toEqual(['c', 'a', 'b']);
  });

  it('nowhere or on something unknown: no move', () => {
    expect(dropTarget(board(), { active: { id: 'a' }, over: null })).toBeNull();
    expect(dropTarget(board(), onCard('a', 'gone'))).toBeNull();
  });
});

describe('money', () => {
  it('converts whole units by the currency’s decimals', () => {
    expect(toMinor(19.99, 'EUR')).toBe(1999);
    expect(toMinor(1999, 'JPY')).toBe(1999);
    expect(toMinor(1.005, 'KWD')).toBe(1005);
    expect(formatMoney(1999, 'EUR')).toContain('19.99');
  });
});

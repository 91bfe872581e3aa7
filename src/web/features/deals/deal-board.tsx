import {
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  closestCorners,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Alert, CloseButton, Group } from '@mantine/core';
import { useState } from 'react';
import type { Deal } from '../../../contract/deals';
import { errorMessage } from '../../components/error-alert';
import { type BoardData, dropTarget, findDeal } from './board-model';
import { BoardColumnView } from './board-column';
import { DealCardBody } from './deal-card';
import { LostReasonModal } from './lost-reason-modal';
import { type BoardParams, useMoveDeal } from './use-board';
import './board.css';

// The board scrolls sideways only when a card is held near its very edge: with the default 20 %
// a card aimed at the last visible column would scroll it away.
const AUTO_SCROLL = { threshold: { x: 0.06, y: 0.15 } };

export type PendingMove = { deal: Deal; stageId: string; stageName: string; index?: number };

// Cards under the pointer win over the column around them; past the last card, the column.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  const cards = hits.filter((h) => !String(h.id).startsWith('stage:'));
  if (cards.length) return cards;
  return hits.length ? hits : closestCorners(args);
};

type Props = {
  board: BoardData;
  params: BoardParams;
  memberName: (id: string) => string | undefined;
  canMove: boolean;
  onMore: () => void;
};

/** The columns side by side (scrolling sideways on narrow screens); cards move by mouse, touch or keyboard. */
export function DealBoard({ board, params, memberName, canMove, onMore }: Props) {
  const move = useMoveDeal(params);
  const [dragging, setDragging] = useState<Deal | null>(null);
  const [lost, setLost] = useState<PendingMove | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const run = (m: PendingMove, lostReason?: string | null) => {
    setError(null);
    move.mutate(
      { deal: m.deal, stageId: m.stageId, index: m.index, lostReason },
      { onError: (err) => setError(`${m.deal.name} stays in ${m.deal.stage.name}: ${errorMessage(err)}`) },
    );
  };

  const onDragStart = (e: DragStartEvent) => setDragging((e.active.data.current as { deal: Deal }).deal);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const deal = (e.active.data.current as { deal: Deal }).deal;
    const target = dropTarget(board, e);
    if (!target) return;
    const from = findDeal(board, deal.id);
    if (!from) return;
    const sameStage = target.stageId === deal.stageId;
    if (sameStage && (target.index === undefined || target.index === from.column.deals.indexOf(from.deal))) return;
    const column = board.columns.find((c) => c.stage.id === target.stageId)!;
    const pending = { deal, stageId: target.stageId, stageName: column.stage.name, index: target.index };
    if (!sameStage && column.stage.kind === 'lost') setLost(pending);
    else run(pending);
  };

  return (
    <>
      {error && (
        <Alert color="red" variant="light" mb="sm" data-testid="move-error" role="alert" title="The deal was not moved">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <span>{error}</span>
            <CloseButton size="sm" aria-label="Dismiss" onClick={() => setError(null)} />
          </Group>
        </Alert>
      )}
      <DndContext sensors={sensors} collisionDetection={collision} autoScroll={AUTO_SCROLL} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
        <div className="board" data-testid="board" aria-busy={move.isPending || undefined}>
          {board.columns.map((column) => (
            <BoardColumnView key={column.stage.id} column={column} memberName={memberName} canMove={canMove} onMore={onMore} />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{dragging && <DealCardBody deal={dragging} ownerName={dragging.ownerId ? memberName(dragging.ownerId) : undefined} overlay />}</DragOverlay>
      </DndContext>
      {lost && (
        <LostReasonModal
          move={lost}
          onCancel={() => setLost(null)}
          onConfirm={(reason) => {
            run(lost, reason);
            setLost(null);
          }}
        />
      )}
    </>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Deal, DealMove } from '../../../contract/deals';
import type { Filter } from '../../../contract/filter';
import { api, queryString } from '../../lib/api';
import { storeRecord } from '../records/record-cache';
import { type BoardData, moveOnBoard } from './board-model';

export type BoardParams = { pipelineId: string; ownerId: string | null; filter: Filter | null; limit: number };

const boardKey = (p: BoardParams) => ['board', p.pipelineId, { ownerId: p.ownerId, filter: p.filter, limit: p.limit }] as const;

/** One pipeline's board: its columns with the first `limit` deals each and the server's totals. */
export function useBoard(params: BoardParams | null) {
  return useQuery({
    queryKey: params ? boardKey(params) : ['board', 'none'],
    enabled: !!params,
    queryFn: ({ signal }) =>
      api.get<BoardData>(
        `/api/v1/pipelines/${params!.pipelineId}/board${queryString({
          ownerId: params!.ownerId,
          filter: params!.filter ? JSON.stringify(params!.filter) : undefined,
          limit: params!.limit,
        })}`,
        { signal },
      ),
    staleTime: 15_000,
    placeholderData: (previous) => previous,
  });
}

type MoveInput = { deal: Deal; stageId: string; index?: number; lostReason?: string | null };

/**
 * Drag and drop: the card lands at once (counts and totals recomputed here), the server decides;
 * a refusal puts the board back as it was and the caller shows the server's reason.
 */
export function useMoveDeal(params: BoardParams | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ deal, stageId, index, lostReason }: MoveInput) => {
      const body: DealMove = { stageId, version: deal.version, ...(index !== undefined ? { position: index } : {}), ...(lostReason ? { lostReason } : {}) };
      return api.post<Deal>(`/api/v1/deals/${deal.id}/move`, body);
    },
    onMutate: async ({ deal, stageId, index }) => {
      if (!params) return { previous: undefined };
      const key = boardKey(params);
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<BoardData>(key);
      if (previous) client.setQueryData(key, moveOnBoard(previous, deal.id, stageId, index));
      return { previous };
    },
    onError: (_err, _input, context) => {
      if (params && context?.previous) client.setQueryData(boardKey(params), context.previous);
    },
    onSuccess: (deal) => {
      storeRecord(client, 'deals', deal);
      // The next drag of this card must send the version the server just gave it.
      if (params) {
        client.setQueryData<BoardData>(boardKey(params), (board) =>
          board && { ...board, columns: board.columns.map((c) => ({ ...c, deals: c.deals.map((d) => (d.id === deal.id ? deal : d)) })) },
        );
      }
    },
    // The server's totals are the truth (other deals may have moved meanwhile).
    onSettled: () => client.invalidateQueries({ queryKey: ['board'] }),
  });
}

import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../contract/common';
import { Deal, DealMove, StageHistory } from '../../../contract/deals';
import { Problem } from '../../../contract/errors';
import { Board, BoardQuery, Pipeline, PipelineCreate, PipelineUpdate } from '../../../contract/pipelines';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { DealBoardService } from '../deals/deal-board.service';
import type { PipelinesService } from './pipelines.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerPipelineRoutes(app: App, pipelines: PipelinesService, board: DealBoardService) {
  const tags = ['Pipelines'];
  app.get('/api/v1/pipelines', { schema: { tags, summary: 'Pipelines with their stages (a default one is created the first time)', response: { 200: Type.Object({ data: Type.Array(Pipeline) }), ...errors } } }, async (req) => ({
    data: await pipelines.list(ctxOf(req)),
  }));
  app.get('/api/v1/pipelines/:id', { schema: { tags, summary: 'One pipeline', params: IdParams, response: { 200: Pipeline, ...errors } } }, async (req) => pipelines.get(ctxOf(req), req.params.id));
  app.post('/api/v1/pipelines', { schema: { tags, summary: 'Add a pipeline (admins)', body: PipelineCreate, response: { 201: Pipeline, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await pipelines.create(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/pipelines/:id', { schema: { tags, summary: 'Rename, reorder or change stages, or make default (admins)', params: IdParams, body: PipelineUpdate, response: { 200: Pipeline, ...errors, 409: Problem } } }, async (req) =>
    pipelines.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/pipelines/:id', { schema: { tags, summary: 'Delete an empty pipeline (admins)', params: IdParams, response: { 204: Type.Null(), ...errors, 409: Problem } } }, async (req, reply) => {
    await pipelines.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.get('/api/v1/pipelines/:id/board', { schema: { tags, summary: 'Kanban board: stages with their deals (paged per column) and column totals', params: IdParams, querystring: BoardQuery, response: { 200: Board, ...errors } } }, async (req) =>
    board.board(ctxOf(req), req.params.id, req.query),
  );

  app.post('/api/v1/deals/:id/move', { schema: { tags: ['Deals'], summary: 'Drag and drop: move to a stage and/or a place in its column', params: IdParams, body: DealMove, response: { 200: Deal, ...errors, 412: Problem } } }, async (req) =>
    board.move(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/v1/deals/:id/stage-history', { schema: { tags: ['Deals'], summary: 'Every stage the deal was in, with the time spent there', params: IdParams, response: { 200: StageHistory, ...errors } } }, async (req) =>
    board.stageHistory(ctxOf(req), req.params.id),
  );
}

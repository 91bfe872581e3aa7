import { Type } from '@sinclair/typebox';
import { IdParams, Nullable } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { MyTasks, MyTasksQuery, Task, TaskCreate, TaskQuery, TaskUpdate } from '../../../contract/tasks';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { TasksService } from './tasks.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['Tasks'];

export function registerTaskRoutes(app: App, tasks: TasksService) {
  app.get(
    '/api/v1/tasks',
    { schema: { tags, summary: 'Tasks, newest first', querystring: TaskQuery, response: { 200: Type.Object({ data: Type.Array(Task), nextCursor: Nullable(Type.String()) }), ...errors } } },
    async (req) => tasks.list(ctxOf(req), req.query),
  );
  app.get('/api/v1/tasks/mine', { schema: { tags, summary: 'Your open tasks: overdue, today, upcoming and undated', querystring: MyTasksQuery, response: { 200: MyTasks, ...errors } } }, async (req) =>
    tasks.mine(ctxOf(req), req.query.tz),
  );
  app.get('/api/v1/tasks/:id', { schema: { tags, summary: 'One task', params: IdParams, response: { 200: Task, ...errors } } }, async (req) => tasks.get(ctxOf(req), req.params.id));
  app.post('/api/v1/tasks', { schema: { tags, summary: 'Create a task; its assignee is reminded at the due time', body: TaskCreate, response: { 201: Task, ...errors } } }, async (req, reply) => {
    const task = await tasks.create(ctxOf(req), req.body);
    return reply.status(201).header('location', `/api/v1/tasks/${task.id}`).send(task);
  });
  app.patch('/api/v1/tasks/:id', { schema: { tags, summary: 'Change a task; set status done to complete it', params: IdParams, body: TaskUpdate, response: { 200: Task, ...errors } } }, async (req) =>
    tasks.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/tasks/:id', { schema: { tags, summary: 'Delete a task', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await tasks.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}

import { Type } from '@sinclair/typebox';
import { ApiKey, ApiKeyCreate, ApiKeyCreated, Invitation, InvitationCreate, InvitationCreated, Member, MemberUpdate } from '../../../contract/auth';
import { IdParams } from '../../../contract/common';
import { Problem } from '../../../contract/errors';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import type { Services } from '../../services';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerMemberRoutes(app: App, services: Services, opts: { publicUrl: string }) {
  const { members, apiKeys } = services;
  const tags = ['Members'];
  app.get('/api/v1/members', { schema: { tags, summary: 'People in the workspace', response: { 200: Type.Object({ data: Type.Array(Member) }), ...errors } } }, async (req) => ({
    data: await members.list(ctxOf(req)),
  }));
  app.patch('/api/v1/members/:id', { schema: { tags, summary: 'Change a member’s role', params: IdParams, body: MemberUpdate, response: { 200: Member, ...errors, 409: Problem } } }, async (req) =>
    members.changeRole(ctxOf(req), req.params.id, req.body.role),
  );
  app.delete('/api/v1/members/:id', { schema: { tags, summary: 'Remove a member', params: IdParams, response: { 204: Type.Null(), ...errors, 409: Problem } } }, async (req, reply) => {
    await members.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/invitations', { schema: { tags, summary: 'Pending invitations', response: { 200: Type.Object({ data: Type.Array(Invitation) }), ...errors } } }, async (req) => ({
    data: await members.listInvitations(ctxOf(req)),
  }));
  app.post('/api/v1/invitations', { schema: { tags, summary: 'Invite someone by email; the link is returned once', body: InvitationCreate, response: { 201: InvitationCreated, ...errors, 409: Problem } } }, async (req, reply) =>
    reply.status(201).send(await members.invite(ctxOf(req), req.body, opts.publicUrl)),
  );
  app.delete('/api/v1/invitations/:id', { schema: { tags, summary: 'Withdraw an invitation', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await members.revokeInvitation(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  const keyTags = ['API keys'];
  app.get('/api/v1/api-keys', { schema: { tags: keyTags, summary: 'API keys of the workspace', response: { 200: Type.Object({ data: Type.Array(ApiKey) }), ...errors } } }, async (req) => ({
    data: await apiKeys.list(ctxOf(req)),
  }));
  app.post('/api/v1/api-keys', { schema: { tags: keyTags, summary: 'Create a key; its secret is shown once', body: ApiKeyCreate, response: { 201: ApiKeyCreated, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await apiKeys.create(ctxOf(req), req.body)),
  );
  app.delete('/api/v1/api-keys/:id', { schema: { tags: keyTags, summary: 'Revoke a key', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await apiKeys.revoke(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}

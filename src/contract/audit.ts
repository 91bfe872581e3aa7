import { Type } from '@sinclair/typebox';
import { Nullable } from './common';

export const AuditEvent = Type.Object({
  id: Type.String(),
  action: Type.String({ description: 'created, updated, deleted, restored…' }),
  objectType: Type.String(),
  objectId: Type.String(),
  actor: Type.Object({ type: Type.String({ description: 'user, api_key or system' }), id: Nullable(Type.String()) }),
  changes: Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() })),
  createdAt: Type.String(),
});

export const AuditPage = Type.Object({ data: Type.Array(AuditEvent), nextCursor: Nullable(Type.String()) });

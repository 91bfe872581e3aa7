import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from './common';
import { RoleSchema } from './roles';

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 10, maxLength: 200, description: 'At least 10 characters' });
const PersonName = Type.String({ minLength: 1, maxLength: 120 });

export const SignUp = Type.Object(
  { email: Email, password: Password, name: PersonName, workspaceName: Type.String({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);
export type SignUp = Static<typeof SignUp>;

export const SignIn = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }), workspaceId: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);
export type SignIn = Static<typeof SignIn>;

export const SwitchWorkspace = Type.Object({ workspaceId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const User = Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() });
export type User = Static<typeof User>;

export const WorkspaceSummary = Type.Object({ id: Type.String(), name: Type.String(), slug: Type.String(), role: RoleSchema });
export type WorkspaceSummary = Static<typeof WorkspaceSummary>;

export const SessionInfo = Type.Object({
  user: User,
  workspace: Nullable(WorkspaceSummary),
  workspaces: Type.Array(WorkspaceSummary),
  csrfToken: Type.String({ description: 'Send it back in the x-csrf-token header on every change' }),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const InvitationCreate = Type.Object({ email: Email, role: RoleSchema }, { additionalProperties: false });
export type InvitationCreate = Static<typeof InvitationCreate>;

export const Invitation = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  acceptedAt: Nullable(Type.String()),
});
export type Invitation = Static<typeof Invitation>;

export const InvitationCreated = Type.Object({
  invitation: Invitation,
  token: Type.String({ description: 'Shown once: the invitee accepts with it' }),
  acceptUrl: Type.String(),
});

export const AcceptInvitation = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    name: Type.Optional(PersonName),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type AcceptInvitation = Static<typeof AcceptInvitation>;

export const Member = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  joinedAt: Type.String(),
});
export type Member = Static<typeof Member>;

export const MemberUpdate = Type.Object({ role: RoleSchema }, { additionalProperties: false });

export const ApiKeyCreate = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), role: RoleSchema },
  { additionalProperties: false },
);
export type ApiKeyCreate = Static<typeof ApiKeyCreate>;

export const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
  role: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});
export type ApiKey = Static<typeof ApiKey>;

export const ApiKeyCreated = Type.Object({
  apiKey: ApiKey,
  secret: Type.String({ description: 'Shown once; send it as `Authorization: Bearer <secret>`' }),
});

export const Workspace = Type.Object({ id: Type.String(), name: Type.String(), slug: Type.String(), createdAt: Type.String() });
export type Workspace = Static<typeof Workspace>;
export const WorkspaceUpdate = Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }) }, { additionalProperties: false });

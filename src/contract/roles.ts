import { literalUnion } from './literal-union';

export const ROLES = ['owner', 'admin', 'manager', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = literalUnion(ROLES);

/** What each role may do. Owners and admins manage the workspace; viewers only read. */
export const PERMISSIONS = {
  'records:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  'records:write': ['owner', 'admin', 'manager', 'member'],
  'records:bulk': ['owner', 'admin', 'manager', 'member'],
  'views:share': ['owner', 'admin', 'manager'],
  'audit:read': ['owner', 'admin', 'manager'],
  'fields:manage': ['owner', 'admin'],
  'users:manage': ['owner', 'admin'],
  'keys:manage': ['owner', 'admin'],
  'workspace:manage': ['owner', 'admin'],
  // Sales: pipelines, score rules, products, price lists, commission rules and quotas.
  'sales:manage': ['owner', 'admin'],
  // Everyone's deals, forecasts and commission statements (to read; writing needs records:write).
  // A member sees only their own.
  'deals:all': ['owner', 'admin', 'manager', 'viewer'],
  'jobs:manage': ['owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export const can = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);

export const ROLE_RANK: Record<Role, number> = { owner: 5, admin: 4, manager: 3, member: 2, viewer: 1 };

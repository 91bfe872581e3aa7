import type { Role } from '../../../contract/roles';

export const ROLE_OPTIONS: { value: Role; label: string; description: string }[] = [
  { value: 'owner', label: 'Owner', description: 'Everything, including owners' },
  { value: 'admin', label: 'Admin', description: 'Members, fields, keys and settings' },
  { value: 'manager', label: 'Manager', description: 'Records, shared views, history' },
  { value: 'member', label: 'Member', description: 'Reads and edits records' },
  { value: 'viewer', label: 'Viewer', description: 'Reads records only' },
];
const RANK: Record<string, number> = { owner: 5, admin: 4, manager: 3, member: 2, viewer: 1 };

/** Roles the current person may hand out: none above their own, owner only by an owner. */
export const grantableRoles = (myRole: string) => ROLE_OPTIONS.filter((r) => RANK[r.value] <= (RANK[myRole] ?? 0));
export const roleLabel = (role: string) => ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role;

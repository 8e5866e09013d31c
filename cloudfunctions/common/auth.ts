/** Role checks over a user record: pure functions, so every capability decides the same way. */
import { forbidden } from './errors';
import type { RoleGrant, UserDoc } from './directory/users';

/** The admin grants of a user. */
export function adminGrants(user: Pick<UserDoc, 'roles'>): RoleGrant[] {
  return user.roles.filter((g) => g.role === 'admin' && g.scopeId);
}

/** Whether the user administers a place whose path (district → street → community) is `path`. */
export function isAdminOver(user: Pick<UserDoc, 'roles'>, path: readonly string[]): boolean {
  return adminGrants(user).some((g) => path.includes(g.scopeId!));
}

/** Throws FORBIDDEN unless the user administers the place at `path`. */
export function requireAdminOver(user: Pick<UserDoc, 'roles'>, path: readonly string[]): void {
  if (!isAdminOver(user, path)) throw forbidden('只有该辖区的管理员可以执行此操作');
}

/** Throws FORBIDDEN unless the user is an admin somewhere. */
export function requireAnyAdmin(user: Pick<UserDoc, 'roles'>): void {
  if (adminGrants(user).length === 0) throw forbidden('只有管理员可以执行此操作');
}

/** The organizations a user works for as provider staff. */
export function providerOrgIds(user: Pick<UserDoc, 'roles'>): string[] {
  return user.roles.filter((g) => g.role === 'provider' && g.orgId).map((g) => g.orgId!);
}

/** Throws FORBIDDEN unless the user is staff of `orgId` (or of any organization when omitted). */
export function requireProvider(user: Pick<UserDoc, 'roles'>, orgId?: string): void {
  const orgs = providerOrgIds(user);
  if (orgId ? !orgs.includes(orgId) : orgs.length === 0)
    throw forbidden('只有服务机构的工作人员可以执行此操作');
}

/** Whether the user has a role (residents: everyone). */
export function hasRole(user: Pick<UserDoc, 'roles'>, role: RoleGrant['role'] | 'resident'): boolean {
  return role === 'resident' || user.roles.some((g) => g.role === role);
}

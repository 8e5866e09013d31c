/**
 * Granting and revoking roles (pure). Admins act only within their scope: an admin of a street may make admins
 * of that street or its communities and staff for organizations registered there, never elsewhere. Every change
 * is appended to the user's role history with who and when.
 */
import { isAdminOver } from '../../common/auth';
import { conflict, forbidden, invalid } from '../../common/errors';
import type { GrantedRole, RoleEvent, RoleGrant, UserDoc } from '../../common/directory/users';
import type { OrgRef } from '../../common/directory/orgs';
import type { PlaceDoc } from '../../common/directory/places';

/** An organization as the role rules need it. */
export type RoleOrg = Pick<OrgRef, '_id' | 'name' | 'scopePath' | 'active'>;

/** A grant with its display names. */
export type NamedGrant = RoleGrant & { scopeName?: string; orgName?: string };

/** The new roles and history after a grant; throws if the granter may not grant it. */
export function planGrant(
  granter: UserDoc,
  target: UserDoc,
  req: ({ role: 'admin'; scope: PlaceDoc } | { role: 'provider'; org: RoleOrg }) & { reason?: string },
  now: Date,
): { roles: NamedGrant[]; event: RoleEvent } {
  if (req.role === 'admin') {
    if (!isAdminOver(granter, req.scope.path)) throw forbidden('只能在自己管辖的范围内任命管理员');
    if (target.kind === 'proxy') throw invalid('代登记的老人账号不能担任管理员');
    if (target.roles.some((g) => g.role === 'admin' && g.scopeId === req.scope._id))
      throw conflict('此人已是该辖区管理员');
    const grant: NamedGrant = {
      role: 'admin',
      scopeId: req.scope._id,
      scopeLevel: req.scope.level,
      scopeName: req.scope.name,
      grantedBy: granter._id,
      grantedAt: now,
    };
    return {
      roles: [...target.roles, grant],
      event: {
        kind: 'grant',
        role: 'admin',
        scopeId: req.scope._id,
        by: granter._id,
        byName: granter.nickname,
        at: now,
        ...(req.reason ? { reason: req.reason } : {}),
      },
    };
  }
  const { org } = req;
  if (!isAdminOver(granter, org.scopePath)) throw forbidden('只能为自己辖区登记的机构添加工作人员');
  if (!org.active) throw conflict('该机构已停用');
  if (target.kind === 'proxy') throw invalid('代登记的老人账号不能担任机构工作人员');
  const current = target.roles.find((g) => g.role === 'provider');
  if (current?.orgId === org._id) throw conflict('此人已是该机构的工作人员');
  if (current) throw conflict('此人已是其他机构的工作人员，请先解除');
  const grant: NamedGrant = {
    role: 'provider',
    orgId: org._id,
    orgName: org.name,
    grantedBy: granter._id,
    grantedAt: now,
  };
  return {
    roles: [...target.roles, grant],
    event: {
      kind: 'grant',
      role: 'provider',
      orgId: org._id,
      by: granter._id,
      byName: granter.nickname,
      at: now,
      ...(req.reason ? { reason: req.reason } : {}),
    },
  };
}

/** The roles and history after a revoke; throws if there is nothing to revoke or the revoker may not. */
export function planRevoke(
  revoker: UserDoc,
  target: UserDoc,
  req: { role: GrantedRole; scopeId?: string; orgId?: string; reason: string; scopePath?: string[] },
  now: Date,
): { roles: NamedGrant[]; event: RoleEvent } {
  const matches = (g: RoleGrant) =>
    g.role === req.role &&
    (req.role !== 'admin' || g.scopeId === req.scopeId) &&
    (req.role !== 'provider' || !req.orgId || g.orgId === req.orgId);
  const grant = target.roles.find(matches);
  if (!grant) throw conflict('此人没有这个角色');
  // Who may revoke: admins over the scope (admin), over the organization (provider), over where the person
  // lives (volunteer).
  const path = req.role === 'volunteer' ? target.placePath : (req.scopePath ?? []);
  if (!isAdminOver(revoker, path)) throw forbidden('只能在自己管辖的范围内解除角色');
  if (
    req.role === 'admin' &&
    revoker._id === target._id &&
    revoker.roles.filter((g) => g.role === 'admin').length === 1
  ) {
    throw conflict('不能解除自己唯一的管理员身份');
  }
  return {
    roles: target.roles.filter((g) => g !== grant) as NamedGrant[],
    event: {
      kind: 'revoke',
      role: req.role,
      scopeId: grant.scopeId,
      orgId: grant.orgId,
      by: revoker._id,
      byName: revoker.nickname,
      at: now,
      reason: req.reason,
    },
  };
}

/** Parses the deploy-time first-admin setting: `openid@placeId,openid@placeId`. */
export function bootstrapAdmins(setting: string | undefined): { openid: string; placeId: string }[] {
  if (!setting) return [];
  return setting
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const at = s.lastIndexOf('@');
      return at > 0 ? { openid: s.slice(0, at), placeId: s.slice(at + 1) } : undefined;
    })
    .filter((x): x is { openid: string; placeId: string } => Boolean(x?.openid && x.placeId));
}

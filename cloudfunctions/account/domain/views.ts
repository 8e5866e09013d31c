/** How user records are shown: to themselves, in admin lists, in full to an admin of their place. */
import { maskName, maskPhone } from '../../common/mask';
import { ageAt, type RoleGrant, type UserDoc } from '../../common/directory/users';
import type { RoleView, SelfView, UserDetail, UserListItem } from '../contract';

/** A role for display. */
export function roleView(g: RoleGrant & { scopeName?: string; orgName?: string }): RoleView {
  return {
    role: g.role,
    scopeId: g.scopeId,
    scopeLevel: g.scopeLevel,
    scopeName: g.scopeName,
    orgId: g.orgId,
    orgName: g.orgName,
    grantedAt: new Date(g.grantedAt).toISOString(),
  };
}

/** The user's own profile, as it is: their own data is theirs (masking is for others). */
export function selfView(user: UserDoc, now: Date): SelfView {
  return {
    id: user._id,
    nickname: user.nickname,
    avatarFileId: user.avatarFileId,
    realName: user.realName,
    phone: user.phone,
    hasPhone: Boolean(user.phone),
    birthYear: user.birthYear,
    age: ageAt(user.birthYear, now),
    address: user.address,
    placePath: user.placePath,
    placeNames: (user as UserDoc & { placeNames?: string[] }).placeNames ?? [],
    communityId: user.communityId,
    roles: user.roles.map(roleView),
    isAdmin: user.roles.some((g) => g.role === 'admin'),
    isProvider: user.roles.some((g) => g.role === 'provider'),
    isVolunteer: user.roles.some((g) => g.role === 'volunteer'),
  };
}

/** A user in an admin's list. */
export function listItem(user: UserDoc, now: Date): UserListItem {
  const names = (user as UserDoc & { placeNames?: string[] }).placeNames ?? [];
  return {
    id: user._id,
    nickname: user.nickname,
    realNameMasked: user.realName ? maskName(user.realName) : undefined,
    phoneMasked: user.phone ? maskPhone(user.phone) : undefined,
    age: ageAt(user.birthYear, now),
    communityName: names[2],
    kind: user.kind,
    roles: user.roles.map(roleView),
  };
}

/** A user in full, for an admin of their place. */
export function detail(user: UserDoc, now: Date): UserDetail {
  return {
    ...listItem(user, now),
    realName: user.realName,
    phone: user.phone,
    address: user.address,
    birthYear: user.birthYear,
    roleHistory: user.roleHistory.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
  };
}

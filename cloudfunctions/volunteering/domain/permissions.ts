/**
 * Who organizes what. Provider staff publish and manage their own organization's activities (in the communities
 * it serves); admins publish in their scope and manage every activity there, whoever published it.
 */
import { isAdminOver, providerOrgIds } from '../../common/auth';
import { forbidden } from '../../common/errors';
import type { UserDoc } from '../../common/directory/users';
import type { OrgRef } from '../../common/directory/orgs';
import type { PlaceDoc } from '../../common/directory/places';
import type { ActivityDoc, Organizer } from '../documents';

/** An organization as publishing needs it. */
export type PublishingOrg = Pick<OrgRef, '_id' | 'name' | 'communityIds' | 'active'>;

/** Whether the user organizes the activity. */
export function canManage(
  user: Pick<UserDoc, 'roles'>,
  a: Pick<ActivityDoc, 'organizer' | 'placePath'>,
): boolean {
  if (isAdminOver(user, a.placePath)) return true;
  return a.organizer.kind === 'org' && providerOrgIds(user).includes(a.organizer.id);
}

/** Throws FORBIDDEN unless the user organizes the activity. */
export function requireManager(
  user: Pick<UserDoc, 'roles'>,
  a: Pick<ActivityDoc, 'organizer' | 'placePath'>,
): void {
  if (!canManage(user, a)) throw forbidden('只有活动的组织者（机构工作人员或辖区管理员）可以执行此操作');
}

/**
 * Who an activity in `community` is published as: the organization `org` (the user must be its staff and it must
 * serve the community), or else the place the user administers that is nearest the community.
 */
export function publishAs(user: Pick<UserDoc, 'roles'>, community: PlaceDoc, org?: PublishingOrg): Organizer {
  if (org) {
    if (!providerOrgIds(user).includes(org._id)) throw forbidden('只能以自己所在机构的名义发布活动');
    if (!org.active) throw forbidden('该机构已停用');
    if (!org.communityIds.includes(community._id)) throw forbidden('该机构不服务这个社区');
    return { kind: 'org', id: org._id, name: org.name };
  }
  for (let i = community.path.length - 1; i >= 0; i--) {
    const placeId = community.path[i]!;
    if (isAdminOver(user, [placeId]))
      return { kind: 'place', id: placeId, name: community.pathNames[i] ?? placeId };
  }
  throw forbidden('只有机构工作人员或该社区的管理员可以发布志愿活动');
}

/** The account function's collections and the reads several actions share. */
import { _, db } from '../common/cloud';
import { notFound, unauthenticated } from '../common/errors';
import { rows } from '../common/db';
import { USERS, type UserDoc } from '../common/users';
import type { ActionContext } from '../common/action';

/** Collection names. */
export const FAMILY_LINKS = 'family_links';
export const ORGANIZATIONS = 'organizations';

/** A family link. */
export interface FamilyLinkDoc {
  _id: string;
  elderId: string;
  relativeId: string;
  relation: string;
  status: 'pending' | 'active' | 'revoked';
  via: 'code' | 'admin';
  requestedAt: Date;
  respondedAt?: Date;
  createdBy: string;
}

/** An organization (社会组织). */
export interface OrgDoc {
  _id: string;
  name: string;
  description: string;
  services: string[];
  communityIds: string[];
  communityNames: string[];
  /** The place whose admins manage it, and that place's path. */
  scopeId: string;
  scopePath: string[];
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The caller and another user, read in one round trip. */
export async function callerAndUser(
  ctx: ActionContext,
  userId: string,
): Promise<{ caller: UserDoc; target: UserDoc }> {
  const found = rows<UserDoc>(
    await db
      .collection(USERS)
      .where(_.or([{ openid: ctx.openid }, { _id: userId }]))
      .limit(2)
      .get(),
  );
  const caller = found.find((u) => u.openid === ctx.openid);
  const target = found.find((u) => u._id === userId);
  if (!caller) throw unauthenticated();
  if (!target) throw notFound('用户');
  return { caller, target };
}

/**
 * The `users` collection as every capability sees it: who someone is, where they live, what roles they hold.
 * Pure document types (no SDK): the account function owns writes; every function reads the caller through
 * common/read (`readWithCaller`, `ctx.caller()`).
 */
import { partsOf } from '../../../miniprogram/shared/calendar';

/** Roles beyond `resident`, which every logged-in user is. */
export type GrantedRole = 'volunteer' | 'provider' | 'admin';
/** All roles. */
export type Role = 'resident' | GrantedRole;
/** Levels of the place tree: 区 → 街道 → 社区. */
export type PlaceLevel = 'district' | 'street' | 'community';

/** An active role. Admin grants carry a scope; provider grants an organization. */
export interface RoleGrant {
  role: GrantedRole;
  /** For admins: the place (district, street or community) they administer. */
  scopeId?: string;
  scopeLevel?: PlaceLevel;
  /** For providers: the organization they work for. */
  orgId?: string;
  /**
   * For providers: the number the organization gives for work, which residents they serve may call (never the
   * person's own `phone`). Set by the organization's staff (account.setWorkPhone).
   */
  workPhone?: string;
  grantedBy: string;
  grantedAt: Date;
}

/** One line of the append-only role history kept on the user. */
export interface RoleEvent {
  kind: 'grant' | 'revoke';
  role: GrantedRole;
  scopeId?: string;
  orgId?: string;
  /** User id of the admin, `self` for self-service roles, `bootstrap` for the configured first admin. */
  by: string;
  /** Display name of `by` at the time, so history reads without another lookup. */
  byName?: string;
  at: Date;
  reason?: string;
}

/** A user record. `kind: 'proxy'` is an elder an admin registered without a WeChat account. */
export interface UserDoc {
  _id: string;
  openid: string;
  kind: 'wechat' | 'proxy';
  nickname: string;
  avatarFileId?: string;
  realName?: string;
  phone?: string;
  birthYear?: number;
  /** Address for home services; only the user, their family and assigned staff see it unmasked. */
  address?: string;
  /** [districtId, streetId, communityId] of where the user lives, as far as known. */
  placePath: string[];
  communityId?: string;
  roles: RoleGrant[];
  roleHistory: RoleEvent[];
  /** One-time code an elder shows a family member to link accounts (hash and expiry only). */
  linkCode?: { hash: string; expiresAt: Date };
  registeredBy?: string;
  /** A pending account deletion (PIPL art. 47): when the timer erases the data, unless cancelled. */
  erasureDueAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** The collection name. */
export const USERS = 'users';

/** Age in whole years at `now` (the Beijing year), from a birth year (birthdays unknown: counted as 1 January). */
export function ageAt(birthYear: number | undefined, now: Date): number | undefined {
  return birthYear === undefined ? undefined : partsOf(now).year - birthYear;
}

/**
 * Typed calls to the `account` function: each action's input and reply types come from its contract
 * (`import type` only), so a renamed field or a changed view fails the mini program's type check.
 */
import type {
  AccountAction,
  AccountInput,
  CommunityStat,
  HomeView,
  LinkView,
  OrgView,
  PlaceView,
  SelfView,
  UserDetail,
  UserListItem,
} from '../../cloudfunctions/account/contract';
import { call, type CloudReply } from './cloud';

export type {
  AccountAction,
  AccountInput,
  CommunityStat,
  HomeView,
  LinkView,
  OrgView,
  PlaceView,
  RoleView,
  SelfView,
  UserDetail,
  UserListItem,
} from '../../cloudfunctions/account/contract';

/** A page of a list (20 items); `next` is the offset of the next page, or null at the end. */
export interface ListPage<T> {
  items: T[];
  next: number | null;
}

/** What each account action returns. */
export interface AccountResults {
  login: SelfView & { isNew: boolean };
  updateProfile: SelfView;
  places: PlaceView[];
  adminCommunities: CommunityStat[];
  grantRole: UserListItem;
  revokeRole: UserListItem;
  searchUsers: ListPage<UserListItem>;
  userDetail: UserDetail;
  registerElder: UserDetail;
  createLinkCode: { code: string; expiresAt: string };
  requestLink: LinkView;
  respondLink: { status: LinkView['status'] };
  adminLink: { id: string; status: 'active' };
  listLinks: LinkView[];
  unlink: { status: 'revoked' };
  createOrg: OrgView;
  updateOrg: OrgView;
  listOrgs: OrgView[];
  home: HomeView;
}

/** Calls `account.<action>` with its typed input; never rejects (see lib/cloud.ts). */
export function callAccount<A extends AccountAction>(
  action: A,
  ...input: Record<string, never> extends AccountInput<A> ? [AccountInput<A>?] : [AccountInput<A>]
): Promise<CloudReply<AccountResults[A]>> {
  return call<AccountResults[A]>('account', action, input[0] ?? {});
}

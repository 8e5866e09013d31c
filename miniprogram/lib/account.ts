/**
 * The `account` function's view types pages show (`import type` only). Calls go through `call` in lib/api.ts,
 * which takes every input and result type from cloudfunctions/manifest.ts.
 */
export type {
  CommunitySettings,
  CommunityStat,
  HomeView,
  HotlineView,
  LinkView,
  MessageView,
  OrgView,
  PlaceView,
  RoleView,
  SelfView,
  UserDetail,
  UserListItem,
  WorkplaceCounts,
} from '../../cloudfunctions/account/contract';

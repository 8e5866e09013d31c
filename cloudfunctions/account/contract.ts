/**
 * The `account` function's contract: its actions, their inputs (zod, strict: unknown fields are refused) and the
 * shapes of their replies. The mini program imports the types only.
 */
import * as z from 'zod';
import { ACCOUNT_LIMITS, PERSON_LIMITS, PRIVACY_LIMITS } from '../../miniprogram/shared/limits';
import { fileId, hotline, id, idempotencyKey, line, page, phone, text } from '../common/schemas';
import { HOME_TILES, type HomeTile } from '../../miniprogram/shared/choices';
import type { Hotline } from '../common/directory/places';
import type { GrantedRole, PlaceLevel } from '../common/directory/users';

/** Limits of the account capability (miniprogram/shared/limits.ts, shared with the mini program's forms). */
export { ACCOUNT_LIMITS };

const birthYear = z.number().int().min(PERSON_LIMITS.birthYearMin).max(PERSON_LIMITS.birthYearMax);

/** An elder's consent to what an admin does for them (how given, and what the admin noted). */
const proxyConsent = z.strictObject({
  method: z.enum(['written', 'verbal']),
  note: line(PRIVACY_LIMITS.consentNoteMax, 2),
});

/** The people list's search and filters (searchUsers, and its export). */
const peopleFilters = {
  query: line(ACCOUNT_LIMITS.searchQueryMax, 0).default(''),
  communityId: id.optional(),
  /** Only people holding this role (anywhere). */
  withRole: z.enum(['admin', 'provider', 'volunteer']).optional(),
  /** Only people at least this old (by birth year; people without one are left out). */
  minAge: z.number().int().min(0).max(130).optional(),
};

/** Inputs by action. */
export const accountInputs = {
  /** `refresh`: the app re-reads the profile mid-session (not a new login: a pending deletion stays pending). */
  login: z.strictObject({ refresh: z.boolean().optional() }),
  updateProfile: z.strictObject({
    nickname: line(ACCOUNT_LIMITS.nicknameMax).optional(),
    avatarFileId: fileId.optional(),
    communityId: id.optional(),
    phone: phone.or(z.literal('')).optional(),
    realName: line(PERSON_LIMITS.realNameMax).or(z.literal('')).optional(),
    birthYear: birthYear.optional(),
    address: line(PERSON_LIMITS.addressMax, 0).optional(),
  }),
  places: z.strictObject({}),
  adminCommunities: z.strictObject({}),
  grantRole: z.strictObject({
    targetUserId: id,
    targetRole: z.enum(['admin', 'provider']),
    scopeId: id.optional(),
    orgId: id.optional(),
    reason: line(ACCOUNT_LIMITS.roleReasonMax).optional(),
  }),
  revokeRole: z.strictObject({
    targetUserId: id,
    targetRole: z.enum(['admin', 'provider', 'volunteer']),
    scopeId: id.optional(),
    orgId: id.optional(),
    reason: line(ACCOUNT_LIMITS.roleReasonMax),
  }),
  searchUsers: z.strictObject({ ...peopleFilters, offset: z.number().int().min(0).max(10_000).default(0) }),
  /** The people list with the same filters, as a spreadsheet (masked as the list is). */
  exportPeople: z.strictObject(peopleFilters),
  userDetail: z.strictObject({ targetUserId: id }),
  registerElder: z.strictObject({
    realName: line(PERSON_LIMITS.realNameMax),
    birthYear,
    communityId: id,
    address: line(PERSON_LIMITS.addressMax, 2),
    phone: phone.optional(),
    idempotencyKey,
  }),
  createLinkCode: z.strictObject({}),
  requestLink: z.strictObject({
    code: z
      .string()
      .regex(
        new RegExp(`^\\d{${ACCOUNT_LIMITS.linkCodeLength}}$`),
        `绑定码是 ${ACCOUNT_LIMITS.linkCodeLength} 位数字`,
      ),
    relation: line(ACCOUNT_LIMITS.relationMax),
  }),
  respondLink: z.strictObject({ linkId: id, accept: z.boolean() }),
  adminLink: z.strictObject({ elderId: id, relativeId: id, relation: line(ACCOUNT_LIMITS.relationMax) }),
  listLinks: z.strictObject({}),
  unlink: z.strictObject({ linkId: id }),
  createOrg: z.strictObject({
    name: line(ACCOUNT_LIMITS.orgNameMax),
    description: text(ACCOUNT_LIMITS.orgDescriptionMax).default(''),
    services: z.array(line(ACCOUNT_LIMITS.orgServiceMax)).max(ACCOUNT_LIMITS.orgServicesMax).default([]),
    communityIds: z.array(id).min(1).max(100),
    scopeId: id,
    idempotencyKey,
  }),
  updateOrg: z.strictObject({
    orgId: id,
    name: line(ACCOUNT_LIMITS.orgNameMax).optional(),
    description: text(ACCOUNT_LIMITS.orgDescriptionMax).optional(),
    services: z.array(line(ACCOUNT_LIMITS.orgServiceMax)).max(ACCOUNT_LIMITS.orgServicesMax).optional(),
    communityIds: z.array(id).min(1).max(100).optional(),
    active: z.boolean().optional(),
  }),
  listOrgs: z.strictObject({ communityId: id.optional(), mine: z.boolean().optional() }),
  home: z.strictObject({}),
  // A person's rights over their data (PIPL arts. 44–47): themselves, or an admin for an elder without WeChat.
  myData: z.strictObject({ elderId: id.optional() }),
  exportMyData: z.strictObject({ elderId: id.optional(), consent: proxyConsent.optional() }),
  openExport: z.strictObject({ exportId: id }),
  requestErasure: z.strictObject({ elderId: id.optional(), consent: proxyConsent.optional() }),
  cancelErasure: z.strictObject({ elderId: id.optional() }),
  withdrawConsent: z.strictObject({ kind: z.enum(['messages']) }),
  /** A community's hotline, its hours and 首页's tiles (an admin of the community or its street); '' clears. */
  editCommunity: z.strictObject({
    communityId: id,
    hotline: hotline.or(z.literal('')).optional(),
    hotlineHours: line(ACCOUNT_LIMITS.hotlineHoursMax, 0).optional(),
    homeTiles: z
      .array(z.enum(HOME_TILES))
      .max(HOME_TILES.length)
      .refine((tiles) => new Set(tiles).size === tiles.length, '每个入口只能选一次')
      .optional(),
  }),
  /** The hotline for the caller's community (or the community asked for: an order's, a donation's). */
  hotline: z.strictObject({ communityId: id.optional() }),
  // The message centre: the caller's own messages only (keyed by their openid).
  messages: page,
  unreadMessages: z.strictObject({}),
  /** One message (`messageId`) or, without it, all of them. */
  readMessages: z.strictObject({ messageId: id.optional() }),
  workplace: z.strictObject({}),
  // The work number residents call: staff of the organization set it, for themselves or a colleague ('' clears).
  setWorkPhone: z.strictObject({
    orgId: id,
    targetUserId: id.optional(),
    workPhone: z
      .string()
      .regex(new RegExp(`^[0-9-]{7,${ACCOUNT_LIMITS.workPhoneMax}}$`), '请输入电话号码')
      .or(z.literal('')),
  }),
} as const;

/** Action names. */
export type AccountAction = keyof typeof accountInputs;
/** Input of an action, as the client sends it. */
export type AccountInput<A extends AccountAction> = z.input<(typeof accountInputs)[A]>;

/** A role as shown to its holder and to admins. */
export interface RoleView {
  role: GrantedRole;
  scopeId?: string;
  scopeLevel?: PlaceLevel;
  scopeName?: string;
  orgId?: string;
  orgName?: string;
  grantedAt: string;
}

/** The caller's own profile, in full: a person sees their own name, phone and address (masking is for others). */
export interface SelfView {
  id: string;
  nickname: string;
  avatarFileId?: string;
  realName?: string;
  phone?: string;
  hasPhone: boolean;
  birthYear?: number;
  age?: number;
  address?: string;
  placePath: string[];
  placeNames: string[];
  communityId?: string;
  roles: RoleView[];
  isAdmin: boolean;
  isProvider: boolean;
  isVolunteer: boolean;
}

/** A place of the tree. */
export interface PlaceView {
  id: string;
  level: PlaceLevel;
  name: string;
  parentId?: string;
}

/** A user as listed to an admin: masked personal data. */
export interface UserListItem {
  id: string;
  nickname: string;
  realNameMasked?: string;
  phoneMasked?: string;
  age?: number;
  communityName?: string;
  kind: 'wechat' | 'proxy';
  roles: RoleView[];
}

/** A user in full, for an admin of their place (needed to serve them: 代下单, delivery). */
export interface UserDetail extends UserListItem {
  realName?: string;
  phone?: string;
  address?: string;
  birthYear?: number;
  roleHistory: {
    kind: 'grant' | 'revoke';
    role: GrantedRole;
    scopeId?: string;
    orgId?: string;
    by: string;
    byName?: string;
    at: string;
    reason?: string;
  }[];
}

/** A family link as either side sees it. */
export interface LinkView {
  id: string;
  status: 'pending' | 'active' | 'revoked';
  relation: string;
  /** Which side the caller is on. */
  as: 'elder' | 'relative';
  other: { id: string; nickname: string; realNameMasked?: string; age?: number };
  requestedAt: string;
}

/** A social organization. */
export interface OrgView {
  id: string;
  name: string;
  description: string;
  services: string[];
  communityIds: string[];
  communityNames: string[];
  scopeId: string;
  active: boolean;
  staffCount?: number;
  /** To the organization's own staff: who works there (names masked) and their work numbers. */
  members?: { id: string; name: string; workPhone?: string; me: boolean }[];
}

/** A community in an admin's scope, with its numbers. */
export interface CommunityStat {
  id: string;
  name: string;
  streetName: string;
  residents: number;
  elders80: number;
  /** The community's own hotline and its hours (absent: residents see the street's). */
  hotline?: string;
  hotlineHours?: string;
  /** The street-wide line residents get when the community has none. */
  streetHotline?: string;
  homeTiles: HomeTile[];
}

/** What an admin set for a community: its hotline and 首页's tiles. */
export interface CommunitySettings {
  id: string;
  hotline?: string;
  hotlineHours?: string;
  homeTiles: HomeTile[];
}

/** A hotline as pages show it. */
export type HotlineView = Hotline;

/** What 首页 shows from the account side. */
export interface HomeView {
  me: SelfView;
  communityName?: string;
  pendingLinkRequests: number;
  greeting: string;
  /** Whom to call: the community's hotline, else the street's (absent before a community is chosen). */
  hotline?: HotlineView;
  /** The big tiles for the key actions, in the community's order. */
  tiles: HomeTile[];
}

/** One kind of record held about a person, as 个人信息 lists it. */
export interface HeldSection {
  collection: string;
  title: string;
  /** Their own records. */
  count: number;
  /** Other records they acted on (as staff or admin). */
  actedOn: number;
  treatment: 'erase' | 'anonymise' | 'keep' | 'none';
  why: string;
}

/** Everything held about a person, in summary (the export has it in full). */
export interface MyDataView {
  /** Whose data: the caller, or the elder an admin acts for. */
  subject: {
    id: string;
    nickname: string;
    kind: 'wechat' | 'proxy';
    realNameMasked?: string;
    phoneMasked?: string;
  };
  sections: HeldSection[];
  /** Votes as "which round, how many" (never whom for). */
  votes: { round: string; count: number }[];
  /** A pending deletion: when it happens. */
  erasureDueAt?: string;
  /** Whether anyone's phone is needed by an open service (then it cannot be cleared). */
  phoneNeeded: boolean;
}

/** An export made: open it once before it expires. */
export interface ExportMade {
  exportId: string;
  records: number;
  expiresAt: string;
}

/** The links of an opened export (they work for a few minutes). */
export interface ExportLinks {
  jsonUrl: string;
  htmlUrl: string;
  linkMinutes: number;
}

/** A pending deletion. */
export interface ErasureView {
  dueAt: string;
  coolingDays: number;
}

/** A message of the message centre, as its recipient sees it. */
export interface MessageView {
  id: string;
  title: string;
  lines: string[];
  /** The page it opens, with a leading slash (navigateTo's url). */
  url: string;
  read: boolean;
  /** 6月3日 14:05 (Beijing). */
  timeText: string;
}

/** The counts on an admin's 我的, for the places they administer. */
export interface WorkplaceCounts {
  /** Service items proposed and stories held by the content check, waiting for an admin. */
  toApprove: number;
  overdue: number;
  callbacksDue: number;
  /** Wishes with units still open whose deadline is within `expiringDays`. */
  needsExpiring: number;
  expiringDays: number;
  /** Counts stop here (the badge says 99+). */
  cap: number;
}

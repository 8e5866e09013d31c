/**
 * The reports capability's collections and documents (随手拍 and grid reports): grids with their boundary and team,
 * the street's departments with their staff, the matter list (versions kept), reports with their timeline, each
 * reporter's daily quota, and the log of phone numbers shown for a call back. Pure: no SDK.
 */
import type { GeoPointValue } from '../common/db';

export const GRIDS = 'report_grids';
export const DEPARTMENTS = 'report_departments';
export const MATTERS = 'report_matters';
export const REPORTS = 'reports';
export const QUOTAS = 'report_quotas';
export const PHONE_VIEWS = 'report_phone_views';

/** A role in a grid's team "1 + 2 + N": 网格长, 网格员, 信息联络员 (a volunteer). */
export type TeamRole = 'leader' | 'member' | 'liaison';

/** One person of a grid team. */
export interface TeamMember {
  userId: string;
  openid: string;
  name: string;
  role: TeamRole;
}

/** `[longitude, latitude]`, as GeoJSON orders them. */
export type LngLat = [number, number];

/** A grid (网格) of a community: its boundary ring (closed), buildings and team, appointed by the street admin. */
export interface GridDoc {
  _id: string;
  streetId: string;
  communityId: string;
  communityName: string;
  /** district → street → community. */
  placePath: string[];
  name: string;
  boundary: { type: 'Polygon'; coordinates: LngLat[][] };
  buildings: string[];
  team: TeamMember[];
  /** The team's user ids, indexed: "my grids". */
  teamIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** A department staff member. */
export interface StaffMember {
  userId: string;
  openid: string;
  name: string;
}

/**
 * A department (城管, 住建, 市场监管…) as the street works with it. Its staff are appointed by the street admin and
 * kept here, not as a global role: being department staff means being listed in `staffIds` of a department.
 */
export interface DepartmentDoc {
  _id: string;
  streetId: string;
  placePath: string[];
  name: string;
  staff: StaffMember[];
  staffIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** What a matter says (one version). */
export interface MatterFields {
  name: string;
  category: string;
  departmentId: string;
  departmentName: string;
  /** Hours after dispatch the department has to accept, and to resolve. */
  respondHours: number;
  resolveHours: number;
  /** A grid member must confirm on site before it is dispatched. */
  patrolFirst: boolean;
}

/** One matter of the street's list (事项清单); every edit keeps the previous version in `history`. */
export interface MatterDoc extends MatterFields {
  _id: string;
  streetId: string;
  placePath: string[];
  version: number;
  history: (MatterFields & { version: number; replacedAt: Date; by: string })[];
  createdAt: Date;
  updatedAt: Date;
}

/** Where a report is in its flow. */
export type ReportStatus = 'patrol' | 'dispatched' | 'accepted' | 'resolved' | 'closed' | 'dismissed';

/** The open statuses (a new report of the same matter nearby merges into one of these). */
export const OPEN_STATUSES: readonly ReportStatus[] = ['patrol', 'dispatched', 'accepted', 'resolved'];

/** A step on the timeline. */
export type StepKind =
  | 'submitted'
  | 'merged'
  | 'confirmed'
  | 'dismissed'
  | 'dispatched'
  | 'redispatched'
  | 'accepted'
  | 'resolved'
  | 'reopened'
  | 'closed'
  | 'autoClosed'
  | 'overdueRespond'
  | 'overdueResolve';

/** Who took a step, as the timeline shows it (a role and a name the role may show; never the reporter's). */
export interface Step {
  kind: StepKind;
  at: Date;
  by: string;
  note?: string;
  photos?: string[];
}

/** A report (随手拍). The reporter's identity is kept for them and for call backs; views never show it publicly. */
export interface ReportDoc {
  _id: string;
  streetId: string;
  placePath: string[];
  gridId: string;
  gridName: string;
  communityName: string;
  matterId: string;
  matterName: string;
  matterVersion: number;
  category: string;
  departmentId: string;
  departmentName: string;
  patrolFirst: boolean;
  respondHours: number;
  resolveHours: number;
  point: GeoPointValue;
  lat: number;
  lng: number;
  address: string;
  description: string;
  photos: string[];
  reporterId: string;
  reporterOpenid: string;
  /** Whether the reporter is on the grid team (then no call back is needed). */
  byTeam: boolean;
  status: ReportStatus;
  /** Followers (the reporter, people whose report merged into this one, people who chose to follow). */
  followerIds: string[];
  followerOpenids: string[];
  /** Reports merged into this one. */
  merged: number;
  /** The submissions merged into it, by id (a twin of one merges once). */
  merges?: Record<string, true>;
  timeline: Step[];
  dispatchedAt?: Date;
  respondBy?: Date;
  resolveBy?: Date;
  acceptedAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  result?: { note: string; photos: string[] };
  reopened: boolean;
  rating?: number;
  /** Overdue steps already escalated to the street admin (each once per dispatch). */
  escalated: ('respond' | 'resolve')[];
  /** Whether it was ever escalated (for the figures). */
  everOverdue: boolean;
  /** Dispatch → accepted, and dispatch → resolved, for the figures. */
  respondMs?: number;
  resolveMs?: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A reporter's count for one day (`_id` = `<user id>:<date key>`); `ids` tags what each submission took, with the
 * report it landed in (its own id, or the one it merged into).
 */
export interface QuotaDoc {
  _id: string;
  /** Whose count it is (also in the id; here so a person's data is found by field: common/personalData). */
  userId: string;
  n: number;
  ids: Record<string, string>;
}

/** A phone number shown to a grid team member for a call back. */
export interface PhoneViewDoc {
  _id: string;
  reportId: string;
  byId: string;
  byName: string;
  reporterId: string;
  at: Date;
}

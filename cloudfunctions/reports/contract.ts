/**
 * The `reports` function's contract (随手拍 and grid reports): its limits as data, one strict zod schema per action
 * and the shapes of its replies. The mini program imports the types only.
 */
import * as z from 'zod';
import { REPORTS_LIMITS } from '../../miniprogram/shared/limits';
import { fileId, id, idempotencyKey, line, location, page, text } from '../common/schemas';
import type { Page } from '../common/schemas';
import type { ReportStatus, TeamRole } from './documents';

/** Limits of the reports capability (miniprogram/shared/limits.ts, shared with the forms). */
export { REPORTS_LIMITS };
export type { ReportStatus, TeamRole };

const L = REPORTS_LIMITS;
const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const hours = z.number().int().min(1).max(L.hoursMax);
const photos = (min: number) => z.array(fileId).min(min).max(L.photosMax);

/** Inputs by action. */
export const reportsInputs = {
  // Street admin: grids, teams, departments, the matter list
  saveGrid: z.strictObject({
    gridId: id.optional(),
    communityId: id,
    name: line(L.gridNameMax),
    boundary: z.array(lngLat).min(L.boundaryPointsMin).max(L.boundaryPointsMax),
    buildings: z.array(line(L.buildingMax)).max(L.buildingsMax).default([]),
  }),
  setGridTeam: z.strictObject({
    gridId: id,
    members: z
      .array(z.strictObject({ userId: id, role: z.enum(['leader', 'member', 'liaison']) }))
      .max(L.teamMax),
  }),
  saveDepartment: z.strictObject({
    departmentId: id.optional(),
    streetId: id,
    name: line(L.departmentNameMax),
    staffIds: z.array(id).max(L.staffMax).default([]),
  }),
  saveMatter: z.strictObject({
    matterId: id.optional(),
    /** The version being edited (refused when someone saved in between). */
    version: z.number().int().min(1).optional(),
    streetId: id,
    name: line(L.matterNameMax),
    category: line(L.categoryMax),
    departmentId: id,
    respondHours: hours,
    resolveHours: hours,
    patrolFirst: z.boolean(),
  }),
  setup: z.strictObject({ streetId: id.optional() }),
  // Residents and grid teams
  matters: z.strictObject({}),
  similar: z.strictObject({ matterId: id, location }),
  submit: z.strictObject({
    matterId: id,
    location,
    address: line(L.addressMax, 0).default(''),
    description: text(L.descriptionMax, 1),
    photos: photos(1),
    idempotencyKey,
  }),
  follow: z.strictObject({ reportId: id, follow: z.boolean() }),
  myReports: page,
  nearMe: z.strictObject({ location }),
  reportDetail: z.strictObject({ reportId: id }),
  reopen: z.strictObject({ reportId: id, reason: line(L.noteMax) }),
  closeReport: z.strictObject({
    reportId: id,
    rating: z.number().int().min(1).max(5),
    comment: line(L.noteMax, 0).default(''),
  }),
  // Grid team
  patrolConfirm: z.strictObject({
    reportId: id,
    found: z.boolean(),
    note: line(L.noteMax, 0).default(''),
    photos: photos(0).default([]),
    location,
  }),
  callBack: z.strictObject({ reportId: id }),
  // Departments and the street
  queue: page.extend({ view: z.enum(['grid', 'patrol', 'department', 'dispatch', 'overdue']) }),
  accept: z.strictObject({ reportId: id }),
  resolve: z.strictObject({ reportId: id, note: line(L.noteMax), photos: photos(1) }),
  dispatch: z.strictObject({ reportId: id, departmentId: id, note: line(L.noteMax, 0).default('') }),
  figures: z.strictObject({ streetId: id.optional() }),
  workspace: z.strictObject({}),
};

/** A handler list. */
export type QueueView = 'grid' | 'patrol' | 'department' | 'dispatch' | 'overdue';

/** The handler lists the caller has. */
export interface Workspace {
  views: { view: QueueView; title: string }[];
  figures: boolean;
}

/** The action names of the reports function. */
export type ReportsAction = keyof typeof reportsInputs;

/** A report in a list. */
export interface ReportCard {
  id: string;
  matterName: string;
  category: string;
  status: ReportStatus;
  statusText: string;
  placeText: string;
  address: string;
  whenText: string;
  photo: string | null;
  /** "还剩 3 小时" / "已超时" for those who handle it; '' otherwise. */
  dueText: string;
  overdue: boolean;
  /** How many people reported or follow it. */
  people: number;
  distanceText: string;
  latitude: number;
  longitude: number;
}

/** One step of a report's timeline. */
export interface StepView {
  /** Its place on the timeline (a list key). */
  key: string;
  text: string;
  whenText: string;
  by: string;
  note: string;
  photos: string[];
}

/** What the caller may do with a report now. */
export interface ReportActions {
  follow: boolean;
  unfollow: boolean;
  patrol: boolean;
  callBack: boolean;
  accept: boolean;
  resolve: boolean;
  dispatch: boolean;
  reopen: boolean;
  close: boolean;
}

/** A report's page. */
export interface ReportDetail extends ReportCard {
  description: string;
  photos: string[];
  departmentName: string;
  timeline: StepView[];
  result: { note: string; photos: string[] } | null;
  rating: number | null;
  mine: boolean;
  can: ReportActions;
  /** What happens next, when the caller has no step to take here (empty otherwise). */
  next: string;
  /** The street's departments, for an admin re-dispatching. */
  departments: { id: string; name: string }[];
}

/** The matter list as a resident picks from it. */
export interface MatterChoice {
  id: string;
  name: string;
  category: string;
  departmentName: string;
  patrolFirst: boolean;
}

/** The reply of submit. */
export interface SubmitResult {
  id: string;
  /** Whether it joined an open report of the same matter nearby (the caller now follows that one). */
  merged: boolean;
}

/** A grid as its admin sees it. */
export interface GridView {
  id: string;
  name: string;
  communityName: string;
  buildings: string[];
  boundary: [number, number][];
  team: { userId: string; name: string; role: TeamRole; roleText: string }[];
}

/** A matter as its admin sees it. */
export interface MatterView extends MatterChoice {
  departmentId: string;
  respondHours: number;
  resolveHours: number;
  version: number;
  /** Earlier versions, newest first, each in a line ("第 2 版，12月7日 08:00 由 王* 改掉：…"). */
  history: { version: number; text: string }[];
}

/** The street's setup. */
export interface SetupView {
  streetId: string;
  grids: GridView[];
  departments: { id: string; name: string; staff: { userId: string; name: string }[] }[];
  matters: MatterView[];
}

/** One row of the street's figures. */
export interface FigureRow {
  name: string;
  count: number;
  open: number;
  overdue: number;
  respondHoursText: string;
  resolveHoursText: string;
  reopenRateText: string;
  satisfactionText: string;
}

/** The street's figures per grid, matter and department. */
export interface Figures {
  total: number;
  byGrid: FigureRow[];
  byMatter: FigureRow[];
  byDepartment: FigureRow[];
}

export type { Page };

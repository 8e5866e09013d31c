/**
 * The `rooms` function's contract (活动室): its limits as data, one strict zod schema per action (unknown fields
 * are refused) and the shapes of its replies. The mini program imports the types only.
 */
import * as z from 'zod';
import { ROOM_KINDS, type RoomKind } from '../../miniprogram/shared/choices';
import { ROOMS_LIMITS } from '../../miniprogram/shared/limits';
import { fileId, id, idempotencyKey, line, page, text } from '../common/schemas';
import type { Page } from '../common/schemas';

/** Limits of the rooms capability (miniprogram/shared/limits.ts, shared with the mini program's forms). */
export { ROOMS_LIMITS };

/** Where pages upload a room's photos: `rooms/<uploader's user id>/…` (common/uploads). */
export const PHOTO_FOLDER = ROOMS_LIMITS.photoFolder;
/** Kinds of room (miniprogram/shared/choices.ts). */
export { ROOM_KINDS, type RoomKind };

const L = ROOMS_LIMITS;
const DAY_MINUTES = 24 * 60;
const minute = z.number().int().min(0).max(DAY_MINUTES);
const date = z.iso.date();
const dayHours = z
  .strictObject({ open: minute, close: minute })
  .refine((h) => h.open < h.close, { message: '关门时间要晚于开门时间' })
  .nullable();

const weeklyLimitMinutes = z.number().int().min(L.weeklyMinutesMin).max(L.weeklyMinutesMax);
const cancelBeforeMinutes = z.number().int().min(0).max(L.cancelBeforeMinutesMax);
const slotMinutes = z.union(L.slotMinutesChoices.map((m) => z.literal(m)));

/** A room's settings as an admin edits them (every field optional: what is sent changes). */
const roomEdits = {
  name: line(L.nameMax).optional(),
  kind: z.enum(ROOM_KINDS).optional(),
  photos: z.array(fileId).max(L.photosMax).optional(),
  capacity: z.number().int().min(1).max(L.capacityMax).optional(),
  equipment: z.array(line(L.equipmentItemMax)).max(L.equipmentMax).optional(),
  rules: text(L.rulesMax).optional(),
  accessible: z.boolean().optional(),
  accessNote: line(L.accessNoteMax, 0).optional(),
  address: line(60).optional(),
  /** Seven entries, Sunday first. */
  hours: z.array(dayHours).length(7).optional(),
  slotMinutes: slotMinutes.optional(),
  weeklyLimitMinutes: weeklyLimitMinutes.optional(),
  cancelBeforeMinutes: cancelBeforeMinutes.optional(),
};

/** A new room's settings (defaults filled). */
const roomFields = {
  ...roomEdits,
  name: line(L.nameMax),
  kind: z.enum(ROOM_KINDS),
  photos: z.array(fileId).max(L.photosMax).default([]),
  capacity: z.number().int().min(1).max(L.capacityMax),
  equipment: z.array(line(L.equipmentItemMax)).max(L.equipmentMax).default([]),
  rules: text(L.rulesMax).default(''),
  accessible: z.boolean(),
  accessNote: line(L.accessNoteMax, 0).default(''),
  address: line(60),
  hours: z.array(dayHours).length(7),
  slotMinutes: slotMinutes.default(60),
  weeklyLimitMinutes: weeklyLimitMinutes.default(L.weeklyMinutesDefault),
  cancelBeforeMinutes: cancelBeforeMinutes.default(L.cancelBeforeMinutesDefault),
};

const teamSpan = {
  weekday: z.number().int().min(0).max(6),
  start: minute,
  end: minute,
};
const members = z.array(line(L.memberNameMax)).max(L.membersMax);

/** Inputs by action. */
export const roomsInputs = {
  // Residents
  listRooms: z.strictObject({ communityId: id.optional() }),
  roomDetail: z.strictObject({ roomId: id, date: date.optional() }),
  book: z.strictObject({
    roomId: id,
    date,
    start: minute,
    slots: z.number().int().min(1).max(L.slotsPerBookingMax).default(1),
    people: z.number().int().min(1).max(L.capacityMax).default(1),
    purpose: line(L.purposeMax),
    idempotencyKey,
  }),
  cancelBooking: z.strictObject({ bookingId: id }),
  myBookings: page.extend({ when: z.enum(['coming', 'past']).default('coming') }),

  // Teams
  proposeTeam: z
    .strictObject({
      roomId: id,
      name: line(L.teamNameMax),
      ...teamSpan,
      members: members.default([]),
      idempotencyKey,
    })
    .refine((t) => t.start < t.end, { message: '结束时间要晚于开始时间', path: ['end'] }),
  myTeams: z.strictObject({}),
  updateTeamMembers: z.strictObject({ teamId: id, members }),
  teamException: z.discriminatedUnion('kind', [
    z.strictObject({ teamId: id, kind: z.literal('skip'), date }),
    z.strictObject({ teamId: id, kind: z.literal('move'), date, toDate: date, toStart: minute }),
  ]),
  decideTeam: z.strictObject({ teamId: id, approve: z.boolean(), note: line(60, 0).default('') }),

  // Room managers (义务管理员)
  dutyToday: z.strictObject({ roomId: id.optional() }),
  checkIn: z.union([
    z.strictObject({
      roomId: id,
      code: z.string().regex(new RegExp(`^\\d{${L.codeLength}}$`), '请输入 6 位数字'),
    }),
    z.strictObject({ roomId: id, bookingId: id }),
  ]),
  openRoom: z.strictObject({ roomId: id }),
  closeRoom: z.strictObject({ roomId: id }),
  reportIssue: z.strictObject({ roomId: id, text: text(L.issueMax, 2), idempotencyKey }),

  // Admins
  createRoom: z.strictObject({ communityId: id, ...roomFields, idempotencyKey }),
  updateRoom: z.strictObject({ roomId: id, ...roomEdits }),
  setManagers: z.strictObject({ roomId: id, managerIds: z.array(id).max(L.managersPerRoomMax) }),
  addClosure: z
    .strictObject({ roomId: id, from: date, to: date, reason: line(L.closureReasonMax) })
    .refine((c) => c.from <= c.to, { message: '结束日期不能早于开始日期', path: ['to'] }),
  removeClosure: z.strictObject({ roomId: id, closureId: id }),
  fixIssue: z.strictObject({ issueId: id }),
  adminBoard: z.strictObject({ placeId: id.optional() }),
};

/** What a room's settings are once parsed (defaults filled). */
export type RoomSettings = z.output<z.ZodObject<typeof roomFields>>;

/** The actions' names. */
export type RoomsAction = keyof typeof roomsInputs;

/** A free slot as lists show it. */
export interface FreeSlotView {
  start: number;
  text: string;
  free: number;
}

/** A room in the list near the resident. */
export interface RoomListItem {
  id: string;
  name: string;
  kind: RoomKind;
  communityName: string;
  capacity: number;
  accessible: boolean;
  photo: string | null;
  /** 今天 08:00–21:00, or 今天不开放 / 今天暂停开放（维修）. */
  todayText: string;
  /** Today's free slots still to come (the first few), and how many in all. */
  freeToday: FreeSlotView[];
  freeCount: number;
  /** In the caller's own community. */
  mine: boolean;
}

/** One slot of a day on the room's page. */
export interface SlotView {
  start: number;
  text: string;
  free: number;
  /** 可约 3 / 已约满 / 已过 / 广场舞队 / 暂停开放. */
  stateText: string;
  bookable: boolean;
}

/** A date people can pick on the room's page. */
export interface DateChoice {
  date: string;
  label: string;
  open: boolean;
}

/** The room's page. */
export interface RoomDetail extends RoomListItem {
  photos: string[];
  equipment: string[];
  rules: string;
  accessNote: string;
  address: string;
  slotMinutes: number;
  weeklyLimitText: string;
  cancelText: string;
  hoursText: string[];
  dates: DateChoice[];
  date: string;
  slots: SlotView[];
  /** Minutes the caller may still book in the chosen date's week. */
  minutesLeft: number;
  /** Why the caller may not book now (a pause), if so. */
  paused: string | null;
  teams: { name: string; text: string }[];
  closures: { text: string }[];
  managers: string[];
  isManager: boolean;
  isAdmin: boolean;
  /** The room's settings as its admins edit them (null for everyone else). */
  edit: RoomEditView | null;
}

/** A room's settings for its admins' form. */
export interface RoomEditView {
  communityId: string;
  name: string;
  kind: RoomKind;
  capacity: number;
  equipment: string[];
  rules: string;
  accessible: boolean;
  accessNote: string;
  address: string;
  hours: ({ open: number; close: number } | null)[];
  slotMinutes: number;
  weeklyLimitMinutes: number;
  cancelBeforeMinutes: number;
  photos: string[];
  managers: { id: string; name: string }[];
}

/** A booking as its booker sees it. */
export interface BookingView {
  id: string;
  roomId: string;
  roomName: string;
  communityName: string;
  dayText: string;
  timeText: string;
  people: number;
  purpose: string;
  /** The check-in code (shown while the booking can still be checked in). */
  code: string | null;
  status: 'booked' | 'checkedIn' | 'noShow' | 'cancelled' | 'closed';
  statusText: string;
  canCancel: boolean;
  /** 12月3日 12:00 前可取消. */
  cancelText: string;
}

/** The reply of book: the booking, the same for every replay of one tap. */
export type BookResult = BookingView;

/** The caller's bookings. */
export interface MyBookings extends Page<BookingView> {
  paused: string | null;
  noShows: number;
}

/** A team as its leader, its members and admins see it. */
export interface TeamView {
  id: string;
  name: string;
  roomId: string;
  roomName: string;
  leaderName: string;
  members: string[];
  weekday: number;
  start: number;
  end: number;
  /** 每周三 19:00–20:30. */
  slotText: string;
  status: 'pending' | 'approved' | 'rejected';
  statusText: string;
  note: string;
  /** Its next meetings (approved teams), to skip or move. */
  coming: { date: string; text: string; moved: boolean }[];
  isLeader: boolean;
}

/** A booking on the manager's list: the booker's name and how many, never a phone. */
export interface DutyItem {
  id: string;
  name: string;
  timeText: string;
  people: number;
  purpose: string;
  status: BookingView['status'];
  statusText: string;
  canCheckIn: boolean;
}

/** The manager's today. */
export interface DutyView {
  rooms: { id: string; name: string }[];
  room: {
    id: string;
    name: string;
    open: boolean;
    openText: string;
  };
  counts: { bookings: number; people: number; checkedIn: number };
  items: DutyItem[];
  teams: { name: string; text: string }[];
  /** The caller's duty this month, as volunteering time. */
  dutyText: string;
}

/** The reply of checkIn. */
export interface CheckInResult {
  name: string;
  timeText: string;
  people: number;
  already: boolean;
}

/** The reply of openRoom / closeRoom. */
export interface DutyResult {
  open: boolean;
  /** Minutes of the turn just closed. */
  minutes: number;
  text: string;
}

/** A room on the admin's board: usage by weekday and hour, no-shows, closures, managers. */
export interface BoardRoom {
  id: string;
  name: string;
  kind: RoomKind;
  communityName: string;
  capacity: number;
  bookings: number;
  people: number;
  /** No-shows among bookings that have ended, percent (null when none ended). */
  noShowRate: number | null;
  /** Hours shown as columns (8 … 20). */
  hours: number[];
  /** Rows Monday … Sunday: people booked per hour slot over the weeks looked at. */
  heat: { day: string; cells: number[] }[];
  heatMax: number;
  closures: { id: string; text: string; reason: string }[];
  managers: string[];
  teams: { name: string; text: string }[];
  /** Managers' duty over the weeks looked at, for the community to count as volunteering time: `周德顺 10 小时`. */
  duty: string[];
}

/** The admin's board of rooms. */
export interface AdminBoard {
  placeName: string;
  weeks: number;
  rooms: BoardRoom[];
  pendingTeams: TeamView[];
  issues: { id: string; roomName: string; text: string; byName: string; dayText: string }[];
}

/** The reply of createRoom. */
export interface CreatedRoom {
  id: string;
  name: string;
}

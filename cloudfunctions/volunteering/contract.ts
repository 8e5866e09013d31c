/**
 * The `volunteering` function's contract: its limits as data, one strict zod schema per action (unknown fields
 * are refused) and the shapes of its replies. The mini program imports the types only.
 */
import * as z from 'zod';
import { DAY_SLOTS, SKILLS, type DaySlot, type Skill } from '../../miniprogram/shared/choices';
import { PERSON_LIMITS, POINTS_LIMITS, VOL_LIMITS } from '../../miniprogram/shared/limits';
import type { PointEntryView } from '../common/points/views';
import {
  fileId,
  id,
  idempotencyKey,
  isoDate,
  line,
  location,
  phone,
  text,
  type Page,
} from '../common/schemas';

/** Limits of the volunteering capability (miniprogram/shared/limits.ts, shared with the mini program's forms). */
export { VOL_LIMITS };

/** Skills and parts of the day (miniprogram/shared/choices.ts). */
export { DAY_SLOTS, SKILLS, type DaySlot, type Skill };

const skill = z.enum(SKILLS);
const slot = z.enum(DAY_SLOTS);
const availability = z.strictObject({
  weekdays: z
    .array(z.number().int().min(0).max(6))
    .max(7)
    .transform((d) => [...new Set(d)].sort()),
  slots: z
    .array(slot)
    .max(3)
    .transform((s) => [...new Set(s)]),
});
const offset = z.number().int().min(0).max(10_000).default(0);
const reason = line(VOL_LIMITS.reasonMax);
const code = line(200);

/** Inputs by action. */
export const volunteeringInputs = {
  // Volunteer profile
  becomeVolunteer: z.strictObject({
    realName: line(PERSON_LIMITS.realNameMax).optional(),
    phone: phone.optional(),
    skills: z.array(skill).max(VOL_LIMITS.skillsPerVolunteer).default([]),
    availability: availability.default({ weekdays: [], slots: [] }),
    location: location.optional(),
    serviceRadiusKm: z.number().min(1).max(50).default(5),
    intro: text(VOL_LIMITS.introMax).default(''),
  }),
  updateVolunteer: z.strictObject({
    skills: z.array(skill).max(VOL_LIMITS.skillsPerVolunteer).optional(),
    availability: availability.optional(),
    location: location.nullable().optional(),
    serviceRadiusKm: z.number().min(1).max(50).optional(),
    intro: text(VOL_LIMITS.introMax).optional(),
    /** Consent to be named (masked) with their hours on the community's yearly thank-you page. */
    publicThanks: z.boolean().optional(),
  }),
  myVolunteer: z.strictObject({}),

  // Activities
  createActivity: z.strictObject({
    title: line(VOL_LIMITS.titleMax),
    description: text(VOL_LIMITS.descriptionMax).default(''),
    coverFileId: fileId.optional(),
    /** Publish for this organization (staff); omitted: publish as an admin of the community's place. */
    orgId: id.optional(),
    communityId: id,
    address: line(VOL_LIMITS.addressMax),
    location,
    startAt: isoDate,
    endAt: isoDate,
    capacity: z.number().int().min(1).max(VOL_LIMITS.capacityMax),
    skills: z.array(skill).max(VOL_LIMITS.skillsPerActivity).default([]),
    signupOpensAt: isoDate.optional(),
    signupClosesAt: isoDate.optional(),
    cancelDeadline: isoDate.optional(),
    checkinRadiusM: z
      .number()
      .int()
      .min(VOL_LIMITS.radiusMinM)
      .max(VOL_LIMITS.radiusMaxM)
      .default(VOL_LIMITS.radiusDefaultM),
    /** 爱心积分 per verified hour on top of the street's rate (a hard or urgent activity). */
    bonusPointsPerHour: z.number().int().min(0).max(POINTS_LIMITS.pointsPerHourMax).default(0),
    idempotencyKey,
  }),
  updateActivity: z.strictObject({
    activityId: id,
    description: text(VOL_LIMITS.descriptionMax).optional(),
    coverFileId: fileId.nullable().optional(),
    capacity: z.number().int().min(1).max(VOL_LIMITS.capacityMax).optional(),
    skills: z.array(skill).max(VOL_LIMITS.skillsPerActivity).optional(),
  }),
  cancelActivity: z.strictObject({ activityId: id, reason }),
  listActivities: z.strictObject({
    sort: z.enum(['date', 'near']).default('date'),
    skill: skill.optional(),
    /** Where the caller is (for "near me" and distances). */
    location: location.optional(),
    /** A street or community to look in; the whole district when omitted. */
    placeId: id.optional(),
    offset,
  }),
  recommendActivities: z.strictObject({ location: location.optional() }),
  activityDetail: z.strictObject({ activityId: id, location: location.optional() }),
  organizerActivities: z.strictObject({ filter: z.enum(['upcoming', 'past']).default('upcoming'), offset }),

  // Sign-ups
  signUp: z.strictObject({ activityId: id }),
  cancelSignUp: z.strictObject({ activityId: id }),
  mySignUps: z.strictObject({ filter: z.enum(['upcoming', 'waiting', 'past']).default('upcoming'), offset }),

  // Attendance
  checkinCode: z.strictObject({ activityId: id }),
  checkIn: z.strictObject({ activityId: id, code, location }),
  checkOut: z.strictObject({ activityId: id, code, location }),
  roster: z.strictObject({
    activityId: id,
    section: z.enum(['admitted', 'waiting', 'cancelled']).default('admitted'),
    offset,
  }),
  suggestVolunteers: z.strictObject({ activityId: id }),

  // Hours
  verifyHours: z.strictObject({
    signupId: id,
    /** The minutes to confirm, when not what was credited (then a reason is required). */
    minutes: z.number().int().min(0).max(VOL_LIMITS.adjustMaxMinutes).optional(),
    reason: reason.optional(),
  }),
  verifyAllHours: z.strictObject({ activityId: id }),
  adjustHours: z.strictObject({
    signupId: id,
    deltaMinutes: z
      .number()
      .int()
      .min(-VOL_LIMITS.adjustMaxMinutes)
      .max(VOL_LIMITS.adjustMaxMinutes)
      .refine((n) => n !== 0, '调整的分钟数不能为 0'),
    reason,
    idempotencyKey,
  }),
  myHours: z.strictObject({ offset }),
  issueCertificate: z.strictObject({ idempotencyKey }),
  verifyCertificate: z.strictObject({
    code: line(VOL_LIMITS.certificateCodeMax, VOL_LIMITS.certificateCodeMin),
  }),
  exportRecords: z.strictObject({
    from: isoDate,
    to: isoDate,
    /** Admins: the place to export (one they administer). */
    scopeId: id.optional(),
    /** Provider staff: their organization. */
    orgId: id.optional(),
  }),

  // 爱心积分 (the ledger itself is common/points; charity spends)
  myPoints: z.strictObject({ offset }),
  pointRule: z.strictObject({ streetId: id }),
  setPointRule: z.strictObject({
    streetId: id,
    pointsPerHour: z.number().int().min(1).max(POINTS_LIMITS.pointsPerHourMax),
    /** Points expire at the end of this many years after the year earned; 0: never. */
    expiryYears: z.number().int().min(0).max(POINTS_LIMITS.expiryYearsMax),
    /** Cumulative verified hours for 一星 … 五星, rising. */
    starHours: z
      .array(z.number().int().min(1).max(POINTS_LIMITS.starHoursMax))
      .length(POINTS_LIMITS.starLevels)
      .refine((h) => h.every((x, i) => i === 0 || x > h[i - 1]!), '星级所需时长要逐级增加'),
  }),
  thankYou: z.strictObject({
    /** Default: the caller's community. */
    communityId: id.optional(),
    /** Default: this year (Beijing). */
    year: z.number().int().min(2000).max(2100).optional(),
  }),
  pointsReport: z.strictObject({
    streetId: id,
    months: z.number().int().min(1).max(24).default(12),
  }),
  exportPointsReport: z.strictObject({
    streetId: id,
    months: z.number().int().min(1).max(24).default(12),
  }),
  adjustPoints: z.strictObject({
    targetUserId: id,
    delta: z
      .number()
      .int()
      .min(-POINTS_LIMITS.adjustMax)
      .max(POINTS_LIMITS.adjustMax)
      .refine((n) => n !== 0, '调整的积分不能为 0'),
    reason: line(POINTS_LIMITS.reasonMax),
    idempotencyKey,
  }),
} as const;

/** Action names. */
export type VolunteeringAction = keyof typeof volunteeringInputs;
/** Input of an action, as the client sends it. */
export type VolunteeringInput<A extends VolunteeringAction> = z.input<(typeof volunteeringInputs)[A]>;

/** Where an activity is in its life. */
export type Phase = 'notOpen' | 'open' | 'signupClosed' | 'ongoing' | 'ended' | 'completed' | 'cancelled';

/** A volunteer's standing on an activity. */
export type Standing = 'admitted' | 'waiting' | 'cancelled' | 'none';

/** A badge earned at an hour tier. */
export interface BadgeView {
  name: string;
  minHours: number;
}

/** An activity in a list. */
export interface ActivityListItem {
  id: string;
  title: string;
  coverFileId?: string;
  organizerName: string;
  communityName: string;
  address: string;
  startAt: string;
  endAt: string;
  /** e.g. `5月1日 周六 09:00–11:30` */
  timeText: string;
  skills: Skill[];
  capacity: number;
  admitted: number;
  waiting: number;
  seatsLeft: number;
  phase: Phase;
  /** From the caller's location, when they sent one. */
  distanceM?: number;
}

/** The caller's own sign-up on an activity. */
export interface MyStanding {
  standing: Standing;
  /** 1-based place on the waitlist. */
  position?: number;
  checkInAt?: string;
  checkOutAt?: string;
  late?: boolean;
}

/** An activity in full. */
export interface ActivityDetail extends ActivityListItem {
  description: string;
  location: { latitude: number; longitude: number };
  signupOpensAt: string;
  signupClosesAt: string;
  cancelDeadline: string;
  checkinRadiusM: number;
  durationMinutes: number;
  /** 爱心积分 per verified hour on top of the street's rate. */
  bonusPointsPerHour?: number;
  cancelReason?: string;
  me: MyStanding;
  /** The caller organizes it (staff of its organization or an admin of its place). */
  canManage: boolean;
}

/** What a sign-up got. */
export interface SignUpResult {
  standing: 'admitted' | 'waiting';
  position?: number;
  /** Arrival order: the index the database gave this sign-up on the activity. */
  ticket: number;
  /** They were already signed up; nothing changed. */
  already: boolean;
}

/** What a cancellation did. */
export interface CancelResult {
  late: boolean;
  /** How many waiting volunteers it moved up (0 or 1). */
  promoted: number;
}

/** A sign-up in "my sign-ups". */
export interface MySignUpItem {
  signupId: string;
  activity: ActivityListItem;
  standing: Standing;
  position?: number;
  checkInAt?: string;
  checkOutAt?: string;
  autoClosed?: boolean;
  noShow?: boolean;
}

/** The code the organizer's screen shows. */
export interface CheckinCodeView {
  code: string;
  /** When the screen should ask for the next code (ISO). */
  rotatesAt: string;
  /** Milliseconds until then. */
  refreshInMs: number;
}

/** A check-in or check-out. */
export interface AttendanceResult {
  at: string;
  distanceM: number;
  /** It had been recorded already; this call changed nothing. */
  already: boolean;
  /** Check-out: the minutes credited, and whether they were capped at the scheduled duration. */
  minutes?: number;
  capped?: boolean;
  autoClosed?: boolean;
}

/** One volunteer on the organizer's roster (full name and phone: the organizer contacts them on the day). */
export interface RosterItem {
  signupId: string;
  volunteerId: string;
  ticket: number;
  realName: string;
  phone: string;
  standing: Standing;
  position?: number;
  signedUpAt: string;
  cancelledAt?: string;
  late?: boolean;
  checkInAt?: string;
  checkOutAt?: string;
  autoClosed?: boolean;
  noShow?: boolean;
  hours?: { pendingMinutes: number; verifiedMinutes: number; verified: boolean };
}

/** A page of the roster, with the counts of each section. */
export interface RosterView {
  activity: { id: string; title: string; capacity: number; phase: Phase; timeText: string };
  counts: { admitted: number; waiting: number; cancelled: number; checkedIn: number; toVerify: number };
  items: RosterItem[];
  next: number | null;
}

/** A volunteer an organizer might ask (masked: they have not signed up). */
export interface VolunteerSuggestion {
  volunteerId: string;
  nameMasked: string;
  skills: Skill[];
  matchedSkills: Skill[];
  communityName: string;
  distanceKm?: number;
  score: number;
  signedUp: boolean;
}

/** The hours of one sign-up. */
export interface HoursLine {
  signupId: string;
  activityTitle: string;
  date: string;
  organizerName: string;
  pendingMinutes: number;
  verifiedMinutes: number;
  verified: boolean;
  autoClosed: boolean;
  notes: string[];
}

/** Hours in total and where they came from. */
export interface HoursSummary {
  verifiedMinutes: number;
  pendingMinutes: number;
  activityCount: number;
  badge?: BadgeView;
  nextBadge?: BadgeView & { minutesToGo: number };
}

/** My hours page. */
export interface MyHoursView extends HoursSummary {
  lateCancels: number;
  noShows: number;
  items: HoursLine[];
  next: number | null;
}

/** The volunteer's own profile (personal data masked: screens are seen over shoulders). */
export interface MyVolunteerView {
  isVolunteer: boolean;
  /** Whether becoming one needs a real name / phone typed in (the account has none). */
  needsRealName: boolean;
  needsPhone: boolean;
  realNameMasked?: string;
  phoneMasked?: string;
  communityName?: string;
  skills: Skill[];
  availability: { weekdays: number[]; slots: ('morning' | 'afternoon' | 'evening')[] };
  location?: { latitude: number; longitude: number };
  serviceRadiusKm: number;
  intro: string;
  lateCancels: number;
  noShows: number;
  hours: HoursSummary;
}

/** A certificate as its holder sees it (to save as an image). */
export interface CertificateView {
  code: string;
  realName: string;
  verifiedHours: string;
  activityCount: number;
  organizerNames: string[];
  firstDate: string;
  lastDate: string;
  issuedAt: string;
  issuer: string;
  /** The star level held when issued, e.g. 一星志愿者. */
  badge?: string;
}

/** What anyone checking a code learns: enough to compare with the paper, no more. */
export interface CertificateCheck {
  valid: boolean;
  code: string;
  realNameMasked?: string;
  verifiedHours?: string;
  activityCount?: number;
  firstDate?: string;
  lastDate?: string;
  issuedAt?: string;
  issuer?: string;
}

/** An export of the service record. */
export interface ExportResult {
  fileId: string;
  url: string;
  fileName: string;
  rows: number;
  namesMasked: boolean;
}

/** A person's points: the balance, what their street gives an hour, and their ledger newest first. */
export interface MyPointsView {
  balance: number;
  /** Points earned in all (from hours and adjustments). */
  earned: number;
  pointsPerHour: number;
  /** Points that expire at the end of this year unless used (the street's rule). */
  expiring?: { points: number; dateText: string };
  entries: Page<PointEntryView>;
}

/** A street's points rule as its admins see and set it. */
export interface PointRuleView {
  streetId: string;
  pointsPerHour: number;
  expiryYears: number;
  starHours: number[];
  /** Whether the street has set it (else the defaults). */
  set: boolean;
}

/** The person's balance after an adjustment. */
export interface AdjustPointsResult {
  delta: number;
  balance: number;
  /** Part of a negative adjustment the balance did not hold. */
  shortfall?: number;
}

/** One month of a street's points: what was issued, spent, given, expired, and what was held at its end. */
export interface PointsMonth {
  month: string;
  /** e.g. 2026年6月 */
  monthText: string;
  /** Earned from hours and added by admins (compensations for hours taken back count against it). */
  issued: number;
  /** Spent at the supermarket, net of cancelled reservations. */
  spent: number;
  given: number;
  expired: number;
  /** Points held by people at the month's end: the liability the supermarket stands behind. */
  outstanding: number;
}

/** A street's points report, newest month first. */
export interface PointsReportView {
  streetId: string;
  months: PointsMonth[];
}

/** A community's yearly thank-you page: the year's service, and the volunteers who agreed to be named. */
export interface ThankYouView {
  communityName: string;
  year: number;
  /** Verified hours, e.g. "126.5". */
  totalHours: string;
  volunteers: number;
  activities: number;
  /** Up to 10, most hours first, names masked (张*), only those who agreed. */
  top: { name: string; hours: string }[];
  /** The caller, when a volunteer: whether they agreed to be named. */
  me?: { publicThanks: boolean };
}

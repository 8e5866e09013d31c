/**
 * The evidence rules of a check-in (签到), pure: check-in needs no reason inside a window around the booked
 * slot (by default from 2 h before it starts until it ends) and within a radius of the service address (by
 * default 500 m); a community's admins may set their own. Outside either, the staff member must say why: the
 * reason goes on the timeline and the order onto the admin's exception list.
 *
 * The service address has no coordinates: addresses are free text, the place tree has none, and there is no
 * geocoder. So the point measured from is the centre of the order's community (places.ts, to ~300 m); a
 * community spread wider than the default radius sets a larger one. {@link serviceAddressPoint} is the one
 * place to change when addresses get coordinates.
 */
import { invalid } from '../../common/errors';
import { SERVICES_LIMITS, type CheckInDeparture, type OrderStatus } from '../contract';
import type { CheckInRuleDoc, OrderDoc } from '../documents';
import { clockText, dateKey, dayClockText, parseSlot } from '../../../miniprogram/shared/calendar';
import { haversineKm } from './matching/geo';
import { communityCentre } from './places';
import type { GeoPoint } from './matching/types';

/** A community's check-in rule. */
export interface CheckInRule {
  /** Minutes before the slot starts from which check-in needs no reason. */
  earlyMinutes: number;
  /** Minutes after the slot ends until which check-in needs no reason. */
  lateMinutes: number;
  /** Metres from the service address within which check-in needs no reason. */
  radiusM: number;
}

/** The rule of a community that has not set its own. */
export const DEFAULT_CHECK_IN_RULE: Readonly<CheckInRule> = {
  earlyMinutes: SERVICES_LIMITS.checkInEarlyMinutes,
  lateMinutes: SERVICES_LIMITS.checkInLateMinutes,
  radiusM: SERVICES_LIMITS.checkInRadiusM,
};

/** A community's rule from its stored document; the defaults without one. */
export function checkInRuleOf(doc: Pick<CheckInRuleDoc, keyof CheckInRule> | undefined): CheckInRule {
  return doc
    ? { earlyMinutes: doc.earlyMinutes, lateMinutes: doc.lateMinutes, radiusM: doc.radiusM }
    : { ...DEFAULT_CHECK_IN_RULE };
}

/** When check-in needs no reason, both ends included. */
export interface CheckInWindow {
  opens: Date;
  closes: Date;
}

/** The window of a slot under a rule. Throws for a malformed slot key (orders always carry valid ones). */
export function checkInWindow(slot: string, rule: CheckInRule): CheckInWindow {
  const s = parseSlot(slot);
  if (!s) throw new Error(`not a slot: ${slot}`);
  return {
    opens: new Date(s.start.getTime() - rule.earlyMinutes * 60_000),
    closes: new Date(s.end.getTime() + rule.lateMinutes * 60_000),
  };
}

/** Where an instant falls relative to the window. */
export function phaseAt(window: CheckInWindow, at: Date): 'early' | 'open' | 'late' {
  if (at.getTime() < window.opens.getTime()) return 'early';
  if (at.getTime() > window.closes.getTime()) return 'late';
  return 'open';
}

/** How a check-in at `at`, `distanceM` from the service address, departs from the rule (none: in order). */
export function departuresOf(
  window: CheckInWindow,
  radiusM: number,
  at: Date,
  distanceM: number,
): CheckInDeparture[] {
  const out: CheckInDeparture[] = [];
  const phase = phaseAt(window, at);
  if (phase !== 'open') out.push(phase);
  if (distanceM > radiusM) out.push('far');
  return out;
}

/** The point a check-in is measured from (see the module comment: the community's centre, for now). */
export function serviceAddressPoint(order: Pick<OrderDoc, 'communityId'>): GeoPoint {
  return communityCentre(order.communityId);
}

/** A check-in measured against its community's rule. */
export interface CheckInAssessment {
  window: CheckInWindow;
  distanceM: number;
  departures: CheckInDeparture[];
}

/** Measures a check-in at `at` from `point` for an order under its community's rule. */
export function assessCheckIn(
  order: Pick<OrderDoc, 'slot' | 'communityId'>,
  rule: CheckInRule,
  at: Date,
  point: { latitude: number; longitude: number },
): CheckInAssessment {
  const window = checkInWindow(order.slot, rule);
  const distanceM =
    haversineKm({ lat: point.latitude, lng: point.longitude }, serviceAddressPoint(order)) * 1000;
  return { window, distanceM, departures: departuresOf(window, rule.radiusM, at, distanceM) };
}

/** The words for where a check-in was measured from. */
const PLACE = '居民所在社区';

const DEPARTURE_TEXT: Readonly<Record<CheckInDeparture, string>> = {
  early: '早于约定时间',
  late: '晚于约定时间',
  far: `离${PLACE}较远`,
};

/** 早于约定时间、离居民所在社区较远 */
export function departureText(departures: readonly CheckInDeparture[]): string {
  return departures.map((d) => DEPARTURE_TEXT[d]).join('、');
}

/** 签到早于约定时间：老人约了上午去医院 — an exception as the admin's list shows it. */
export function exceptionText(checkIn: {
  departures?: CheckInDeparture[];
  reason?: string;
}): string | undefined {
  if (!checkIn.departures?.length) return undefined;
  return `签到${departureText(checkIn.departures)}${checkIn.reason ? `：${checkIn.reason}` : ''}`;
}

/** 6月7日 06:00 至 12:00 (the closing date too when it is another day). */
export function windowText(window: CheckInWindow): string {
  const sameDay = dateKey(window.opens) === dateKey(window.closes);
  return `${dayClockText(window.opens)} 至 ${sameDay ? clockText(window.closes) : dayClockText(window.closes)}`;
}

/** 3.2 公里 / 450 米 */
export function distanceText(metres: number): string {
  return metres < 1000
    ? `${Math.max(10, Math.round(metres / 10) * 10)} 米`
    : `${(metres / 1000).toFixed(1)} 公里`;
}

/** 2 小时 / 30 分钟 / 1 小时 30 分钟 */
function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h > 0 ? `${h} 小时` : '', m > 0 ? `${m} 分钟` : ''].filter(Boolean).join(' ');
}

/** The rule in plain words, for the admin who sets it. */
export function ruleText(rule: CheckInRule): string {
  const from = rule.earlyMinutes > 0 ? `服务开始前 ${minutesText(rule.earlyMinutes)}` : '服务开始时';
  const to = rule.lateMinutes > 0 ? `服务时段结束后 ${minutesText(rule.lateMinutes)}` : '服务时段结束';
  return `${from}到${to}、${PLACE} ${rule.radiusM} 米内签到，不需说明原因`;
}

/** The window as the staff member who may check in sees it. */
export function windowHint(
  order: Pick<OrderDoc, 'slot'>,
  rule: CheckInRule,
  now: Date,
): { text: string; now: 'early' | 'open' | 'late' } {
  const window = checkInWindow(order.slot, rule);
  return { text: `${windowText(window)}，${PLACE} ${rule.radiusM} 米内`, now: phaseAt(window, now) };
}

/**
 * Refuses a check-in outside the rule that gives no reason: INVALID_INPUT with an issue on `reason` (the page
 * recognises it and asks), saying in plain words what is outside and by how much.
 */
export function requireReason(a: CheckInAssessment, rule: CheckInRule, reason: string | undefined): void {
  if (a.departures.length === 0 || reason) return;
  const parts: string[] = [];
  if (a.departures.includes('early')) parts.push(`还没到约定的签到时间（${windowText(a.window)}）`);
  if (a.departures.includes('late')) parts.push(`已经过了约定的签到时间（${windowText(a.window)}）`);
  if (a.departures.includes('far'))
    parts.push(`您离${PLACE}约 ${distanceText(a.distanceM)}，约定在 ${rule.radiusM} 米内签到`);
  throw invalid(`现在${parts.join('；')}。如确需现在签到，请写明原因。`, [
    { path: 'reason', message: `请写明原因（${departureText(a.departures)}）` },
  ]);
}

/** Why an order cannot be checked out in this state, or undefined when it can (in service). */
export function checkOutRefusal(status: OrderStatus): string | undefined {
  if (status === 'in_service') return undefined;
  if (status === 'accepted') return '还没有签到，请先签到再签退';
  if (status === 'completed' || status === 'confirmed') return '这个工单已经签退过了';
  return '工单不在服务中，不能签退';
}

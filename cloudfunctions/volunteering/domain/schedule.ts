/**
 * An activity's times and what they allow: the phase it is in, whether sign-up is open, whether a cancellation is
 * still allowed and whether it is late, and when check-in and check-out are accepted.
 */
import { conflict, invalid } from '../../common/errors';
import type { FieldIssue } from '../../common/reply';
import { VOL_LIMITS, type Phase } from '../contract';
import type { Schedule } from '../documents';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The times an organizer gives; omitted ones get defaults. */
export interface ScheduleInput {
  startAt: Date;
  endAt: Date;
  signupOpensAt?: Date;
  signupClosesAt?: Date;
  cancelDeadline?: Date;
}

/**
 * The full schedule, or INVALID_INPUT naming every field at fault. Defaults: sign-up opens now and closes at the
 * start; the cancellation deadline is 24 hours before the start (or when sign-up opens, if that is later).
 */
export function planSchedule(input: ScheduleInput, now: Date): Schedule {
  const { startAt, endAt } = input;
  const signupOpensAt = input.signupOpensAt ?? now;
  const signupClosesAt = input.signupClosesAt ?? startAt;
  // 24 h before the start; for an activity published at shorter notice, halfway from opening to the start (so
  // nobody who signs up and changes their mind at once is recorded as late).
  const opens = signupOpensAt.getTime();
  const defaultDeadline = new Date(
    Math.max(
      startAt.getTime() - VOL_LIMITS.cancelDeadlineDefaultHours * HOUR,
      opens + (startAt.getTime() - opens) / 2,
    ),
  );
  const cancelDeadline = input.cancelDeadline ?? defaultDeadline;
  const issues: FieldIssue[] = [];
  const minutes = (endAt.getTime() - startAt.getTime()) / MINUTE;
  if (startAt <= now) issues.push({ path: 'startAt', message: '开始时间须晚于现在' });
  if (startAt.getTime() > now.getTime() + VOL_LIMITS.horizonDays * DAY)
    issues.push({ path: 'startAt', message: `只能发布 ${VOL_LIMITS.horizonDays} 天内的活动` });
  if (minutes < VOL_LIMITS.durationMinMinutes || minutes > VOL_LIMITS.durationMaxMinutes)
    issues.push({
      path: 'endAt',
      message: `活动时长须在 ${VOL_LIMITS.durationMinMinutes} 分钟到 ${VOL_LIMITS.durationMaxMinutes / 60} 小时之间`,
    });
  if (signupClosesAt <= signupOpensAt)
    issues.push({ path: 'signupClosesAt', message: '报名截止须晚于报名开始' });
  if (signupClosesAt > startAt) issues.push({ path: 'signupClosesAt', message: '报名须在活动开始前截止' });
  if (signupClosesAt <= now) issues.push({ path: 'signupClosesAt', message: '报名截止须晚于现在' });
  if (cancelDeadline > startAt) issues.push({ path: 'cancelDeadline', message: '取消截止须不晚于活动开始' });
  if (cancelDeadline < signupOpensAt)
    issues.push({ path: 'cancelDeadline', message: '取消截止须不早于报名开始' });
  if (issues.length > 0) throw invalid('活动时间有误', issues);
  return { startAt, endAt, signupOpensAt, signupClosesAt, cancelDeadline };
}

/** The fields phases depend on. */
export type PhaseFields = Schedule & { status: 'published' | 'cancelled'; closedAt?: Date };

/** Where the activity is at `now`. */
export function phaseOf(a: PhaseFields, now: Date): Phase {
  if (a.status === 'cancelled') return 'cancelled';
  if (a.closedAt) return 'completed';
  if (now >= a.endAt) return 'ended';
  if (now >= a.startAt) return 'ongoing';
  if (now < a.signupOpensAt) return 'notOpen';
  if (now < a.signupClosesAt) return 'open';
  return 'signupClosed';
}

/** Why a sign-up is refused at `now`, or undefined when the window is open. */
export function signUpRefusal(a: PhaseFields, now: Date): string | undefined {
  switch (phaseOf(a, now)) {
    case 'open':
      return undefined;
    case 'notOpen':
      return '报名还没有开始';
    case 'cancelled':
      return '活动已取消';
    case 'signupClosed':
      return '报名已截止';
    default:
      return '活动已开始或已结束，不能再报名';
  }
}

/** The last moment a sign-up can be withdrawn: when check-in opens (someone checked in cannot un-sign-up). */
export function cancellationClosesAt(a: Pick<Schedule, 'startAt'>): Date {
  return new Date(a.startAt.getTime() - VOL_LIMITS.checkInOpensMinutes * MINUTE);
}

/**
 * Whether a cancellation at `now` is allowed, and whether it is late. Cancelling is possible until check-in opens
 * (an hour before the start); after the deadline it is late (recorded), unless the volunteer was only waiting
 * (they held no seat).
 */
export function planCancellation(a: PhaseFields, now: Date, heldSeat: boolean): { late: boolean } {
  if (a.status === 'cancelled') throw conflict('活动已取消，无需再取消报名');
  if (now >= cancellationClosesAt(a))
    throw conflict('活动即将开始或已开始，不能再取消报名；如不能到场请联系组织者');
  return { late: heldSeat && now >= a.cancelDeadline };
}

/** Refuses a check-in outside its window: from an hour before the start until the end. */
export function requireCheckInOpen(a: PhaseFields, now: Date): void {
  if (a.status === 'cancelled') throw conflict('活动已取消');
  if (now.getTime() < a.startAt.getTime() - VOL_LIMITS.checkInOpensMinutes * MINUTE)
    throw conflict(`签到在活动开始前 ${VOL_LIMITS.checkInOpensMinutes} 分钟开放`);
  if (now >= a.endAt || a.closedAt) throw conflict('活动已结束，不能再签到');
}

/** The last moment a check-out is accepted; after it the timer closes forgotten ones. */
export function checkOutDeadline(a: Pick<Schedule, 'endAt'>): Date {
  return new Date(a.endAt.getTime() + VOL_LIMITS.checkOutGraceMinutes * MINUTE);
}

/** Refuses a check-out after the grace period (or once attendance is closed). */
export function requireCheckOutOpen(a: PhaseFields, now: Date): void {
  if (a.status === 'cancelled') throw conflict('活动已取消');
  if (a.closedAt || now > checkOutDeadline(a))
    throw conflict('已超过签退时间，系统已自动签退，时长由组织者确认');
}

/** Whether the organizer's code screen is useful now (check-in opens → check-out grace ends). */
export function requireCodeScreenOpen(a: PhaseFields, now: Date): void {
  if (a.status === 'cancelled') throw conflict('活动已取消');
  if (now.getTime() < a.startAt.getTime() - VOL_LIMITS.checkInOpensMinutes * MINUTE)
    throw conflict(`签到码在活动开始前 ${VOL_LIMITS.checkInOpensMinutes} 分钟开放`);
  if (a.closedAt || now > checkOutDeadline(a)) throw conflict('活动已结束，签到已关闭');
}

/** Scheduled length in minutes. */
export function durationMinutes(a: Pick<Schedule, 'startAt' | 'endAt'>): number {
  return Math.round((a.endAt.getTime() - a.startAt.getTime()) / MINUTE);
}

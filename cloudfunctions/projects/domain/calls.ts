/**
 * A call's phases and who may see what (pure). Bids are sealed until the deadline: before it only the bidding
 * organization reads its own bid (the admin sees how many are in); reviewers read bids only once the call is in
 * review, never one they declared a conflict on, and without the organization's identity when the call is blind.
 */
import { isAdminOver, providerOrgIds } from '../../common/auth';
import type { UserDoc } from '../../common/directory/users';
import { dayText } from '../../../miniprogram/shared/calendar';
import type { BidDoc, CallDoc } from '../documents';
import { conflicted } from './award';

/** A call's phase at `now`. */
export type CallPhase = 'open' | 'closed' | 'reviewing' | 'complaints' | 'awarded' | 'contracted';

/** The phase: `closed` = past the deadline, waiting for prequalification; `complaints` = window running. */
export function phaseOf(call: Pick<CallDoc, 'status' | 'bidDeadline' | 'result'>, now: Date): CallPhase {
  if (call.status === 'open') return now < call.bidDeadline ? 'open' : 'closed';
  if (call.status === 'awarded')
    return call.result && now < call.result.complaintUntil ? 'complaints' : 'awarded';
  return call.status;
}

/** The phase in plain words. */
export function stageText(call: Pick<CallDoc, 'status' | 'bidDeadline' | 'result'>, now: Date): string {
  switch (phaseOf(call, now)) {
    case 'open':
      return `申报中（${deadlineText(call.bidDeadline)}截止）`;
    case 'closed':
      return '申报已截止，待资格预审';
    case 'reviewing':
      return '专家评审中';
    case 'complaints':
      return `结果公示中（${dayText(call.result!.complaintUntil)}前可投诉）`;
    case 'awarded':
      return '公示期满，待签订协议';
    case 'contracted':
      return '已生成协议，签约中';
  }
}

/** The deadline day (bids close at the end of the day before `bidDeadline`'s instant, i.e. 24:00 of that day). */
export function deadlineText(deadline: Date): string {
  return dayText(new Date(deadline.getTime() - 1));
}

/** The caller's roles on a call. */
export interface CallRoles {
  admin: boolean;
  reviewer: boolean;
  orgIds: string[];
}

/** What the caller is on this call. */
export function rolesOn(call: Pick<CallDoc, 'scopePath' | 'reviewerIds'>, me: UserDoc): CallRoles {
  return {
    admin: isAdminOver(me, call.scopePath),
    reviewer: call.reviewerIds.includes(me._id),
    orgIds: providerOrgIds(me),
  };
}

/** Whether a reviewer may read this bid now: in review or later, qualified, declared and not conflicted. */
export function reviewerMayRead(
  call: CallDoc,
  bid: Pick<BidDoc, '_id' | 'orgId'>,
  reviewerId: string,
): boolean {
  if (!call.reviewerIds.includes(reviewerId) || call.status === 'open') return false;
  if (!call.conflicts[reviewerId]) return false;
  const q = call.prequalification.find((p) => p.bidId === bid._id);
  return !!q?.passed && !conflicted(call, reviewerId, bid.orgId);
}

/** How the caller may read a bid: as its organization, as the admin (after the deadline), as a reviewer, or not. */
export function bidAccess(
  call: CallDoc,
  bid: Pick<BidDoc, '_id' | 'orgId' | 'status'>,
  me: UserDoc,
  now: Date,
): 'org' | 'admin' | 'reviewer' | null {
  const roles = rolesOn(call, me);
  if (roles.orgIds.includes(bid.orgId)) return 'org';
  if (bid.status !== 'submitted') return null;
  if (roles.admin && phaseOf(call, now) !== 'open') return 'admin';
  if (roles.reviewer && reviewerMayRead(call, bid, me._id)) return 'reviewer';
  return null;
}

/** Code names of qualified bids as a blind call shows them: 方案一, 方案二… */
export function codeOf(i: number): string {
  const digits = '一二三四五六七八九';
  if (i < 9) return `方案${digits[i]}`;
  return `方案${i + 1}`;
}

/** A sum of money in plain words: 8,000 元, 12.5 万元. */
export function fenText(fen: number): string {
  const yuan = fen / 100;
  if (yuan >= 10_000) return `${Number((yuan / 10_000).toFixed(2))} 万元`;
  return `${yuan.toLocaleString('en-US', { maximumFractionDigits: 2 })} 元`;
}

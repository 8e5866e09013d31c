/**
 * The service record (志愿服务记录) built from the hours ledger grouped per sign-up: the volunteer's own hours
 * page, the certificate's totals, and the CSV export with the fields the record system asks for (volunteer,
 * activity, date, hours, organization, place, whether verified).
 */
import { maskName } from '../../common/mask';
import type { HoursLine, HoursSummary } from '../contract';
import { toCsv } from './csv';
import { badgeFor, hoursText } from './hours';
import { dateKey } from '../../../miniprogram/shared/calendar';

/** The ledger of one sign-up, summed (what the aggregation in the actions returns). */
export interface SignupHours {
  /** The sign-up id. */
  _id: string;
  volunteerId: string;
  volunteerName: string;
  activityTitle: string;
  activityStartAt: Date;
  organizerName: string;
  communityName: string;
  pending: number;
  verified: number;
  /** `verified` of each entry (true once any entry verified the sign-up). */
  verifiedFlags: boolean[];
  autoClosedFlags: (boolean | null | undefined)[];
  reasons: (string | null | undefined)[];
}

/** Whether the sign-up's hours are verified. */
export const isVerified = (g: Pick<SignupHours, 'verifiedFlags'>): boolean => g.verifiedFlags.includes(true);

/** A line of "my hours". */
export function hoursLine(g: SignupHours): HoursLine {
  return {
    signupId: g._id,
    activityTitle: g.activityTitle,
    date: dateKey(g.activityStartAt),
    organizerName: g.organizerName,
    pendingMinutes: g.pending,
    verifiedMinutes: g.verified,
    verified: isVerified(g),
    autoClosed: g.autoClosedFlags.includes(true),
    notes: g.reasons.filter((r): r is string => typeof r === 'string' && r !== ''),
  };
}

/** Totals and badges over sign-ups (star thresholds: the street's, default national). */
export function summarize(groups: readonly SignupHours[], starHours?: readonly number[]): HoursSummary {
  const verifiedMinutes = groups.reduce((s, g) => s + g.verified, 0);
  const pendingMinutes = groups.reduce((s, g) => s + g.pending, 0);
  return {
    verifiedMinutes,
    pendingMinutes,
    activityCount: groups.filter((g) => g.verified > 0).length,
    ...badgeFor(verifiedMinutes, starHours),
  };
}

/** Column headers of the export. */
export const RECORD_HEADER = [
  '序号',
  '志愿者姓名',
  '活动名称',
  '服务日期',
  '服务时长（小时）',
  '组织单位',
  '服务地点',
  '记录状态',
  '备注',
] as const;

/** The CSV of the record; names masked unless the exporter is an admin of the scope. */
export function recordCsv(groups: readonly SignupHours[], opts: { maskNames: boolean }): string {
  const rows = groups.map((g, i) => {
    const verified = isVerified(g);
    const notes = [
      ...(g.autoClosedFlags.includes(true) ? ['系统自动签退'] : []),
      ...g.reasons.filter((r): r is string => typeof r === 'string' && r !== ''),
    ];
    return [
      i + 1,
      opts.maskNames ? maskName(g.volunteerName) : g.volunteerName,
      g.activityTitle,
      dateKey(g.activityStartAt),
      hoursText(verified ? g.verified : g.pending),
      g.organizerName,
      g.communityName,
      verified ? '已确认' : '待确认',
      notes.join('；'),
    ];
  });
  return toCsv(RECORD_HEADER, rows);
}

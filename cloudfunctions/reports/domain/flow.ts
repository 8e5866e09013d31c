/**
 * The flow of a report: submitted → (a grid member confirms on site, where the matter says so) → dispatched to the
 * department of its matter (the street may re-dispatch) → accepted → resolved with a result photo → the reporter
 * confirms and rates (closed) or reopens once → … Each move is planned here as the statuses it may start from and
 * what it sets; the action applies it with one conditional update, so two people taking the same step (twenty grid
 * members confirming one report) move it once.
 */
import type { ReportDoc, ReportStatus, Step, StepKind } from '../documents';
import { REPORTS_LIMITS } from '../../../miniprogram/shared/limits';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A planned move: from which statuses, and what changes. */
export interface Move {
  from: ReportStatus[];
  /** Extra conditions on the document (e.g. not reopened yet). */
  when?: Record<string, unknown>;
  set: Partial<ReportDoc>;
  step: Step;
}

/** Deadlines from a dispatch at `at`. */
export function deadlines(matter: { respondHours: number; resolveHours: number }, at: Date) {
  return {
    dispatchedAt: at,
    respondBy: new Date(at.getTime() + matter.respondHours * HOUR),
    resolveBy: new Date(at.getTime() + matter.resolveHours * HOUR),
  };
}

/** The status a new report starts in: patrol first where the matter asks and no grid member reported it. */
export function firstStatus(patrolFirst: boolean, byTeam: boolean): ReportStatus {
  return patrolFirst && !byTeam ? 'patrol' : 'dispatched';
}

const step = (kind: StepKind, at: Date, by: string, extra: Partial<Step> = {}): Step => ({
  kind,
  at,
  by,
  ...extra,
});

/** A grid member confirms on site (found: dispatched to the department; not found: dismissed). */
export function confirmMove(
  report: Pick<ReportDoc, 'respondHours' | 'resolveHours'>,
  found: boolean,
  by: string,
  note: string,
  photos: string[],
  at: Date,
): Move {
  return found
    ? {
        from: ['patrol'],
        set: { status: 'dispatched', ...deadlines(report, at) },
        step: step('confirmed', at, by, { note, photos }),
      }
    : {
        from: ['patrol'],
        set: { status: 'dismissed', closedAt: at },
        step: step('dismissed', at, by, { note, photos }),
      };
}

/** The street sends the report to (another) department; deadlines start again. */
export function dispatchMove(
  report: Pick<ReportDoc, 'respondHours' | 'resolveHours'>,
  department: { _id: string; name: string },
  by: string,
  note: string,
  at: Date,
): Move {
  return {
    from: ['patrol', 'dispatched', 'accepted'],
    set: {
      status: 'dispatched',
      departmentId: department._id,
      departmentName: department.name,
      escalated: [],
      ...deadlines(report, at),
    },
    step: step('redispatched', at, by, { note: note || `转交${department.name}` }),
  };
}

/** The department takes it on. */
export function acceptMove(by: string, at: Date): Move {
  return {
    from: ['dispatched'],
    set: { status: 'accepted', acceptedAt: at },
    step: step('accepted', at, by),
  };
}

/** The department says it is done, with a photo of the result. */
export function resolveMove(by: string, note: string, photos: string[], at: Date): Move {
  return {
    from: ['accepted'],
    set: { status: 'resolved', resolvedAt: at, result: { note, photos } },
    step: step('resolved', at, by, { note, photos }),
  };
}

/** The reporter is not satisfied: back to the department once, with a fresh time to resolve. */
export function reopenMove(report: Pick<ReportDoc, 'resolveHours'>, reason: string, at: Date): Move {
  return {
    from: ['resolved'],
    when: { reopened: false },
    set: {
      status: 'accepted',
      reopened: true,
      resolveBy: new Date(at.getTime() + report.resolveHours * HOUR),
      escalated: [],
    },
    step: step('reopened', at, '报告人', { note: reason }),
  };
}

/** The reporter confirms and rates. */
export function closeMove(rating: number, comment: string, at: Date): Move {
  return {
    from: ['resolved'],
    set: { status: 'closed', closedAt: at, rating },
    step: step('closed', at, '报告人', { note: comment || `评价 ${rating} 星` }),
  };
}

/** Whether a resolved report has waited long enough to close by itself. */
export function autoClosesAt(resolvedAt: Date, days: number): Date {
  return new Date(resolvedAt.getTime() + days * DAY);
}

/** Which deadline of an open report has passed without being escalated yet, if any. */
export function overdueOf(
  r: Pick<ReportDoc, 'status' | 'respondBy' | 'resolveBy' | 'escalated'>,
  now: Date,
): 'respond' | 'resolve' | undefined {
  if (r.status === 'dispatched' && r.respondBy && r.respondBy <= now && !r.escalated.includes('respond'))
    return 'respond';
  if (
    (r.status === 'dispatched' || r.status === 'accepted') &&
    r.resolveBy &&
    r.resolveBy <= now &&
    !r.escalated.includes('resolve')
  )
    return 'resolve';
  return undefined;
}

/** Whether an open report is past a deadline now (escalated or not). */
export function isOverdue(r: Pick<ReportDoc, 'status' | 'respondBy' | 'resolveBy'>, now: Date): boolean {
  if (r.status === 'dispatched' && r.respondBy && r.respondBy <= now) return true;
  return (r.status === 'dispatched' || r.status === 'accepted') && Boolean(r.resolveBy && r.resolveBy <= now);
}

/** The status in plain words. */
export const STATUS_WORDS: Readonly<Record<ReportStatus, string>> = {
  patrol: '待网格员核实',
  dispatched: '已派给部门',
  accepted: '部门处理中',
  resolved: '已处理，待确认',
  closed: '已完成',
  dismissed: '经核实不属实',
};

/**
 * What happens next, for someone the report's page offers no step to (no status is a dead end): who acts next,
 * or why it ended and whom to ask.
 */
export const NEXT_WORDS: Readonly<Record<ReportStatus, string>> = {
  patrol: '网格员会到现场核实，属实的会派给负责的部门。',
  dispatched: '已派给负责的部门，部门受理后会在期限内处理。',
  accepted: '部门正在处理，处理好了会写明结果和照片。',
  resolved: `部门说已经处理好了，等报告人确认；${REPORTS_LIMITS.autoCloseDays} 天内没人确认会自动完结。`,
  closed: '这件事已经办结。问题又出现的话，可以重新报告。',
  dismissed: '网格员到现场核实，情况与报告不符。有疑问请联系社区。',
};

/** A timeline step in plain words. */
export const STEP_WORDS: Readonly<Record<StepKind, string>> = {
  submitted: '居民报告了问题',
  merged: '又有人报告了同一问题',
  confirmed: '网格员到现场核实',
  dismissed: '网格员核实：不属实',
  dispatched: '派给了部门',
  redispatched: '街道改派部门',
  accepted: '部门已受理',
  resolved: '部门已处理',
  reopened: '报告人说还没解决',
  closed: '报告人确认已解决',
  autoClosed: '七天无人回应，自动完成',
  overdueRespond: '超时未受理，已报街道',
  overdueResolve: '超时未办结，已报街道',
};

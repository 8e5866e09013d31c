/**
 * What each person sees of a report. Nobody but the reporter sees who reported: the public, followers, the
 * department and the street see "居民"; the grid team sees it only through a logged call back.
 */
import { REPORTS_LIMITS } from '../../../miniprogram/shared/limits';
import { dayClockText } from '../../../miniprogram/shared/calendar';
import type { ReportActions, ReportCard, ReportDetail, StepView } from '../contract';
import type { ReportDoc, Step } from '../documents';
import type { Standing } from './access';
import { autoClosesAt, isOverdue, NEXT_WORDS, STATUS_WORDS, STEP_WORDS } from './flow';
import { distanceWords, metresBetween, type LatLng } from './geo';

const HOUR = 3_600_000;

/** How long is left before a deadline, in words. */
export function dueWords(by: Date | undefined, now: Date): string {
  if (!by) return '';
  const left = by.getTime() - now.getTime();
  if (left <= 0) return '已超时';
  const h = Math.floor(left / HOUR);
  return h >= 48 ? `还剩 ${Math.floor(h / 24)} 天` : h >= 1 ? `还剩 ${h} 小时` : '不到 1 小时';
}

/** The deadline that matters in the report's status. */
function dueOf(r: ReportDoc): Date | undefined {
  if (r.status === 'dispatched') return r.respondBy;
  if (r.status === 'accepted') return r.resolveBy;
  return undefined;
}

/** A report in a list; `handler` adds the deadline, `from` the distance. */
export function reportCard(
  r: ReportDoc,
  now: Date,
  opts: { handler?: boolean; from?: LatLng } = {},
): ReportCard {
  const overdue = isOverdue(r, now);
  return {
    id: r._id,
    matterName: r.matterName,
    category: r.category,
    status: r.status,
    statusText: STATUS_WORDS[r.status],
    placeText: `${r.communityName} ${r.gridName}`,
    address: r.address,
    whenText: dayClockText(r.createdAt),
    photo: r.photos[0] ?? null,
    dueText: opts.handler ? dueWords(dueOf(r), now) : '',
    overdue: Boolean(opts.handler) && overdue,
    people: r.followerIds.length,
    distanceText: opts.from
      ? distanceWords(metresBetween(opts.from, { latitude: r.lat, longitude: r.lng }))
      : '',
    latitude: r.lat,
    longitude: r.lng,
  };
}

/** One step as shown. Steps keep who took them as "role name" already masked, never the reporter's name. */
export function stepView(s: Step, index: number): StepView {
  return {
    key: `s${index}`,
    text: STEP_WORDS[s.kind],
    whenText: dayClockText(s.at),
    by: s.by,
    note: s.note ?? '',
    photos: s.photos ?? [],
  };
}

/** What the caller may do, from their standing and the status. */
export function allowed(r: ReportDoc, s: Standing): ReportActions {
  return {
    follow: !s.reporter && !s.follower && !['closed', 'dismissed'].includes(r.status),
    unfollow: !s.reporter && s.follower,
    patrol: Boolean(s.team) && r.status === 'patrol',
    callBack: Boolean(s.team) && !r.byTeam && !['closed', 'dismissed'].includes(r.status),
    accept: s.staff && r.status === 'dispatched',
    resolve: s.staff && r.status === 'accepted',
    dispatch: s.admin && ['patrol', 'dispatched', 'accepted'].includes(r.status),
    reopen: s.reporter && r.status === 'resolved' && !r.reopened,
    close: s.reporter && r.status === 'resolved',
  };
}

/** A report's page for the caller. */
export function reportDetail(
  r: ReportDoc,
  s: Standing,
  now: Date,
  departments: { _id: string; name: string }[],
): ReportDetail {
  const handler = Boolean(s.team) || s.staff || s.admin;
  const can = allowed(r, s);
  return {
    ...reportCard(r, now, { handler }),
    description: r.description,
    photos: r.photos,
    departmentName: r.status === 'patrol' ? '' : r.departmentName,
    timeline: r.timeline.map((s, i) => stepView(s, i)).reverse(),
    result: r.result ?? null,
    rating: r.rating ?? null,
    mine: s.reporter,
    can,
    next: [can.patrol, can.accept, can.resolve, can.dispatch, can.reopen, can.close].some(Boolean)
      ? ''
      : NEXT_WORDS[r.status],
    departments: can.dispatch ? departments.map((d) => ({ id: d._id, name: d.name })) : [],
  };
}

/** When a resolved report closes by itself. */
export function autoCloseAt(r: Pick<ReportDoc, 'resolvedAt'>): Date | undefined {
  return r.resolvedAt ? autoClosesAt(r.resolvedAt, REPORTS_LIMITS.autoCloseDays) : undefined;
}

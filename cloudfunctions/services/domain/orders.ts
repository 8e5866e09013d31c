/**
 * The order state machine (点菜 → 派单 → 接单 → 上门 → 完成 → 评价), pure. Each transition checks the state it
 * starts from and returns the next order and one timeline line (who, when). Who may do what is decided in
 * `access.ts`; actions write the difference conditionally on the state they read, so a race has one winner.
 *
 *   submitted ─match/assign→ matched ─accept→ accepted ─checkIn→ in_service ─complete→ completed ─confirm→ confirmed
 *       ▲                       │ decline / SLA expiry (organization excluded, re-matched)
 *       └───────────────────────┘
 *   submitted, matched ─cancel→ cancelled (residents and admins); accepted ─cancel→ cancelled (admins only)
 *   escalate: a flag for the admin's overdue list, no state change.
 */
import { conflict } from '../../common/errors';
import type { CheckInDeparture, OrderStatus } from '../contract';
import type { Actor, OrderDoc, Survey, TimelineEntry } from '../documents';
import { departureText } from './checkIn';

/** Something that happens to an order. */
export type OrderEvent =
  | { kind: 'match'; orgId: string; orgName: string; acceptDeadline: Date; byAdmin?: boolean }
  | { kind: 'accept'; staffId: string; staffName: string }
  | { kind: 'decline'; reason: string }
  | { kind: 'expire' }
  | { kind: 'unmatched'; reason: string }
  | { kind: 'escalate'; reason: string }
  | {
      kind: 'checkIn';
      latitude: number;
      longitude: number;
      distanceKm: number;
      /** How it departs from the community's rule (domain/checkIn), and the staff member's reason. */
      departures?: CheckInDeparture[];
      reason?: string;
    }
  | {
      kind: 'complete';
      notes: string;
      photos: string[];
      latitude?: number;
      longitude?: number;
      subsidy: OrderDoc['subsidy'];
    }
  | { kind: 'confirm'; survey: Survey }
  | { kind: 'cancel'; reason: string; byAdmin: boolean };

/** States each event may start from. */
export const FROM: Readonly<Record<OrderEvent['kind'], readonly OrderStatus[]>> = {
  match: ['submitted'],
  accept: ['matched'],
  decline: ['matched'],
  expire: ['matched'],
  unmatched: ['submitted'],
  escalate: ['submitted', 'matched', 'accepted', 'in_service'],
  checkIn: ['accepted'],
  complete: ['in_service'],
  confirm: ['completed'],
  cancel: ['submitted', 'matched', 'accepted'],
};

/** States no event leaves. */
export const FINAL: readonly OrderStatus[] = ['confirmed', 'cancelled'];

/** States in which the order holds a place in its organization's slot counter. */
export function holdsPlace(order: Pick<OrderDoc, 'status' | 'orgId'>): boolean {
  return order.orgId !== undefined && ['matched', 'accepted'].includes(order.status);
}

/** Residents' words for each state. */
export const STATUS_TEXT: Readonly<Record<OrderStatus, string>> = {
  submitted: '正在安排',
  matched: '等待接单',
  accepted: '已接单，待上门',
  in_service: '服务中',
  completed: '已完成，待评价',
  confirmed: '已完成',
  cancelled: '已取消',
};

/** The order after `event`, and the timeline line it adds. Throws CONFLICT from a state the event can't leave. */
export function transition(
  order: OrderDoc,
  event: OrderEvent,
  by: Actor,
  now: Date,
): { order: OrderDoc; entry: TimelineEntry } {
  if (!FROM[event.kind].includes(order.status)) throw conflict(conflictText(order.status));
  if (event.kind === 'match' && order.excludedOrgIds.includes(event.orgId))
    throw conflict('这个机构已经表示无法接这个单');
  if (event.kind === 'cancel' && order.status === 'accepted' && !event.byAdmin)
    throw conflict('机构已经接单，如需取消请联系社区工作人员');
  const next: OrderDoc = { ...order, updatedAt: now };
  let status = order.status;
  let note: string | undefined;
  let orgName = order.orgName;
  switch (event.kind) {
    case 'match':
      status = 'matched';
      orgName = event.orgName;
      Object.assign(next, {
        orgId: event.orgId,
        orgName: event.orgName,
        matchedAt: now,
        acceptDeadline: event.acceptDeadline,
        staffNotified: false,
      });
      break;
    case 'accept':
      status = 'accepted';
      Object.assign(next, { staffId: event.staffId, staffName: event.staffName, acceptedAt: now });
      // Someone took it: whatever made it overdue is resolved.
      delete next.escalatedAt;
      delete next.escalationReason;
      break;
    case 'decline':
    case 'expire':
      status = 'submitted';
      note = event.kind === 'decline' ? event.reason : undefined;
      next.excludedOrgIds = [...order.excludedOrgIds, order.orgId!];
      next.rematchCount = order.rematchCount + 1;
      delete next.orgId;
      delete next.orgName;
      delete next.matchedAt;
      delete next.acceptDeadline;
      break;
    case 'unmatched':
    case 'escalate':
      note = event.reason;
      if (order.escalatedAt) throw conflict('已经转社区工作人员跟进');
      Object.assign(next, { escalatedAt: now, escalationReason: event.reason, adminNotified: false });
      break;
    case 'checkIn':
      status = 'in_service';
      next.checkIn = {
        at: now,
        latitude: event.latitude,
        longitude: event.longitude,
        distanceKm: event.distanceKm,
        ...(event.departures?.length ? { departures: event.departures } : {}),
        ...(event.reason ? { reason: event.reason } : {}),
      };
      note = event.reason;
      break;
    case 'complete':
      status = 'completed';
      next.checkOut = {
        at: now,
        notes: event.notes,
        photos: event.photos,
        ...(event.latitude !== undefined ? { latitude: event.latitude, longitude: event.longitude } : {}),
      };
      next.completedAt = now;
      next.subsidy = event.subsidy;
      break;
    case 'confirm':
      status = 'confirmed';
      next.survey = event.survey;
      note = event.survey.comment || undefined;
      break;
    case 'cancel':
      status = 'cancelled';
      note = event.reason || undefined;
      next.cancelledAt = now;
      next.activeKey = order._id;
      break;
  }
  next.status = status;
  const entry: TimelineEntry = {
    event: EVENT_NAME[event.kind](event, order),
    status,
    at: now,
    by,
    ...(note ? { note } : {}),
    ...(orgName && ['match', 'decline', 'expire'].includes(event.kind) ? { orgName } : {}),
    ...(event.kind === 'checkIn' && event.departures?.length ? { departures: event.departures } : {}),
  };
  next.timeline = [...order.timeline, entry];
  return { order: next, entry };
}

const EVENT_NAME: Readonly<
  Record<OrderEvent['kind'], (e: OrderEvent, o: OrderDoc) => TimelineEntry['event']>
> = {
  match: (e) => (e.kind === 'match' && e.byAdmin ? 'assigned' : 'matched'),
  accept: () => 'accepted',
  decline: () => 'declined',
  expire: () => 'sla_expired',
  unmatched: () => 'unmatched',
  escalate: () => 'escalated',
  checkIn: () => 'checked_in',
  complete: () => 'completed',
  confirm: () => 'confirmed',
  cancel: () => 'cancelled',
};

function conflictText(status: OrderStatus): string {
  return `订单现在是「${STATUS_TEXT[status]}」，不能这样操作，请刷新后再看`;
}

/** Fields an update must set or remove to turn `before` into `after`, and the timeline lines it adds. */
export function changes(
  before: OrderDoc,
  after: OrderDoc,
): { set: Partial<OrderDoc>; unset: (keyof OrderDoc)[]; added: TimelineEntry[] } {
  const set: Record<string, unknown> = {};
  const unset: (keyof OrderDoc)[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof OrderDoc>) {
    if (key === 'timeline' || key === '_id') continue;
    if (!(key in after)) unset.push(key);
    else if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) set[key] = after[key];
  }
  return { set: set as Partial<OrderDoc>, unset, added: after.timeline.slice(before.timeline.length) };
}

/** What a timeline line says to residents. */
export function timelineText(entry: TimelineEntry): string {
  switch (entry.event) {
    case 'submitted':
      return '已提交预约';
    case 'matched':
      return `已派给 ${entry.orgName ?? '服务机构'}，等待接单`;
    case 'assigned':
      return `社区工作人员派给 ${entry.orgName ?? '服务机构'}`;
    case 'accepted':
      return `${entry.by.name} 已接单`;
    case 'declined':
      return `${entry.orgName ?? '服务机构'} 无法接单，正在重新安排`;
    case 'sla_expired':
      return `${entry.orgName ?? '服务机构'} 没有及时接单，正在重新安排`;
    case 'unmatched':
      return '暂时没有机构能接单，社区工作人员会跟进';
    case 'escalated':
      return '已转社区工作人员跟进';
    case 'checked_in':
      return entry.departures?.length
        ? `服务人员签到，开始服务（${departureText(entry.departures)}）`
        : '服务人员已到达，开始服务';
    case 'completed':
      return '服务已完成';
    case 'confirmed':
      return entry.by.role === 'admin' ? '社区电话回访，已记录评价' : '已评价，谢谢您';
    case 'cancelled':
      return '预约已取消';
  }
}

/**
 * When a matched order must be accepted: the SLA after matching, but never later than half an hour before the
 * slot starts (someone must still get there).
 */
export function acceptDeadlineFor(now: Date, slotStart: Date, slaMinutes: number): Date {
  return new Date(Math.min(now.getTime() + slaMinutes * 60_000, slotStart.getTime() - 30 * 60_000));
}

/** The live-booking key of an order (see `OrderDoc.activeKey`). */
export function activeKeyOf(beneficiaryId: string, itemId: string, slot: string): string {
  return `${beneficiaryId}|${itemId}|${slot}`;
}

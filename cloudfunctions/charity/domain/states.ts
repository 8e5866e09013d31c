/**
 * The donation state machine. Point-to-point: pledged → received → out for delivery | ready for pickup →
 * confirmed → thanked. General stock: pledged → received, and it stays received while its units are allocated in
 * parts (all of them at once is one part): each part is a donation of its own that starts allocated → (the same).
 * (received → allocated → (the same) on the gift's own chain is what whole allocations wrote before; such chains
 * still replay and move on.) A pledge not brought in time expires; a donor may cancel before receipt; staff may
 * refuse an unusable item at receipt. Delivery can be dispatched again (say, from delivery to pickup), which
 * issues a new confirmation code.
 */
import { conflict } from '../../common/errors';
import type { DonationKind, DonationStatus, EventType } from '../contract';
import type { ChainEvent, EventData } from './chain';

/** Chinese labels of the statuses. */
export const STATUS_LABELS: Record<DonationStatus, string> = {
  pledged: '已认捐，待送达',
  received: '超市已接收',
  allocated: '已分配给受助人',
  out_for_delivery: '配送中',
  ready_for_pickup: '待受助人领取',
  confirmed: '受助人已确认收到',
  thanked: '受助人已致谢',
  expired: '认捐已过期',
  cancelled: '认捐已取消',
  rejected: '物品不可用，未接收',
};

/** Chinese labels of the steps. */
export const EVENT_LABELS: Record<EventType, string> = {
  pledged: '认捐',
  received: '超市接收',
  rejected: '未接收（物品不可用）',
  allocated: '分配给受助人',
  dispatched: '安排配送/领取',
  confirmed: '确认收到',
  thanked: '致谢',
  expired: '认捐过期',
  cancelled: '取消认捐',
};

/** Statuses from which nothing follows. */
export const FINAL_STATUSES: readonly DonationStatus[] = ['thanked', 'expired', 'cancelled', 'rejected'];

/** Statuses in which the item is physically at the supermarket or on its way (counted as on hand). */
export const ON_HAND_STATUSES: readonly DonationStatus[] = [
  'received',
  'allocated',
  'out_for_delivery',
  'ready_for_pickup',
];

/** The status after `type` happens in `status`, or undefined when that step is not allowed there. */
export function nextStatus(
  kind: DonationKind,
  status: DonationStatus | undefined,
  type: EventType,
  data: EventData = {},
): DonationStatus | undefined {
  if (status === undefined) {
    if (kind === 'part') return type === 'allocated' ? 'allocated' : undefined;
    return type === 'pledged' ? 'pledged' : undefined;
  }
  switch (type) {
    case 'received':
      return status === 'pledged' ? 'received' : undefined;
    case 'rejected':
    case 'expired':
    case 'cancelled':
      return status === 'pledged' ? type : undefined;
    case 'allocated':
      return kind === 'stock' && status === 'received' ? 'allocated' : undefined;
    case 'dispatched': {
      const ready =
        (kind === 'need' && status === 'received') ||
        status === 'allocated' ||
        status === 'out_for_delivery' ||
        status === 'ready_for_pickup';
      if (!ready) return undefined;
      return data.mode === 'pickup' ? 'ready_for_pickup' : 'out_for_delivery';
    }
    case 'confirmed':
      return status === 'out_for_delivery' || status === 'ready_for_pickup' ? 'confirmed' : undefined;
    case 'thanked':
      return status === 'confirmed' ? 'thanked' : undefined;
    case 'pledged':
      return undefined;
  }
}

/** Throws CONFLICT unless `type` may happen now; returns the status after it. */
export function requireStep(
  kind: DonationKind,
  status: DonationStatus,
  type: EventType,
  data: EventData = {},
): DonationStatus {
  const next = nextStatus(kind, status, type, data);
  if (!next) throw conflict(`当前状态（${STATUS_LABELS[status]}）不能执行“${EVENT_LABELS[type]}”`);
  return next;
}

/** The status a chain leads to, replaying every step; `valid: false` names the first step that was not allowed. */
export function replayStatus(
  kind: DonationKind,
  events: readonly Pick<ChainEvent, 'type' | 'data'>[],
): { status: DonationStatus | undefined; valid: boolean; badSeq?: number } {
  let status: DonationStatus | undefined;
  for (let i = 0; i < events.length; i++) {
    const next = nextStatus(kind, status, events[i]!.type, events[i]!.data);
    if (!next) return { status, valid: false, badSeq: i };
    status = next;
  }
  return { status, valid: status !== undefined };
}

/**
 * How items and orders are shown. Personal data is masked for everyone but the staff member who accepted the
 * order, while the work is under way (`access.revealsContact`), and the person served, whose own data it is.
 * The staff member is shown to the resident side by their work name, photo and work number only.
 */
import { maskAddress, maskName, maskPhone } from '../../common/mask';
import { ageAt, type UserDoc } from '../../common/directory/users';
import {
  type ItemAdminView,
  type ItemCard,
  type OrderCard,
  type OrderView,
  type OrderWorker,
  type TimelineView,
} from '../contract';
import { allowedActions, isResidentSide, revealsContact, type Relation } from './access';
import { slotLabel } from '../../../miniprogram/shared/calendar';
import { exceptionText, windowHint, type CheckInRule } from './checkIn';
import { haversineKm } from './matching/geo';
import { eligibilityText } from './eligibility';
import { ITEM_STATUS_TEXT, priceText } from './menu';
import { STATUS_TEXT, timelineText } from './orders';
import { subsidyText } from './vouchers';
import type { Actor, ItemDoc, OrderDoc, TimelineEntry } from '../documents';

const iso = (d: Date | string) => new Date(d).toISOString();

/** An item on the menu. */
export function itemCard(item: ItemDoc): ItemCard {
  return {
    id: item._id,
    name: item.name,
    category: item.category,
    description: item.description,
    unit: item.unit,
    priceType: item.priceType,
    priceFen: item.priceFen,
    priceText: priceText(item.priceType, item.priceFen),
    eligibility: item.eligibility,
    eligibilityText: eligibilityText(item.eligibility),
    orgNames: item.orgNames,
    durationMinutes: item.durationMinutes,
    fromDemand: Boolean(item.demandId),
  };
}

/** An item for those who manage it. */
export function itemAdminView(item: ItemDoc): ItemAdminView {
  return {
    ...itemCard(item),
    status: item.status,
    statusText: ITEM_STATUS_TEXT[item.status],
    orgIds: item.orgIds,
    communityIds: item.communityIds,
    capacityPerSlot: item.capacityPerSlot,
    scopeId: item.scopeId,
    proposedByName: item.proposedBy.name,
    history: item.history.map((h) => ({
      kind: h.kind,
      byName: h.by.name,
      at: iso(h.at),
      ...(h.note ? { note: h.note } : {}),
    })),
    updatedAt: iso(item.updatedAt),
  };
}

/** Who did something, as the timeline names them: staff and admins by their work name, residents masked. */
export function actorName(by: Actor): string {
  if (by.role === 'resident') return '居民本人';
  if (by.role === 'family') return `${maskName(by.name)}（家属）`;
  return by.name;
}

/** A timeline line. */
export function timelineView(entry: TimelineEntry): TimelineView {
  return {
    event: entry.event,
    text: timelineText(entry),
    at: iso(entry.at),
    byName: actorName(entry.by),
    ...(entry.note ? { note: entry.note } : {}),
  };
}

/** An order in a list (no contact details at all). */
export function orderCard(order: OrderDoc): OrderCard {
  const exception = order.checkIn && exceptionText(order.checkIn);
  return {
    id: order._id,
    itemName: order.itemName,
    category: order.category,
    slot: order.slot,
    slotLabel: slotLabel(order.slot),
    status: order.status,
    statusText: STATUS_TEXT[order.status],
    itemId: order.itemId,
    beneficiaryId: order.beneficiaryId,
    beneficiaryNameMasked: maskName(order.beneficiaryName),
    communityId: order.communityId,
    communityName: order.communityName,
    ...(order.orgName ? { orgName: order.orgName } : {}),
    priceText: priceText(order.priceType, order.priceFen),
    escalated: Boolean(order.escalatedAt),
    ...(order.acceptDeadline && order.status === 'matched'
      ? { acceptDeadline: iso(order.acceptDeadline) }
      : {}),
    ...(exception ? { checkInException: exception } : {}),
    createdAt: iso(order.createdAt),
  };
}

/**
 * A work order's card for staff, with the distance in whole metres from where they are when they sent it (to the
 * order's stored point: its community's centre).
 */
export function workOrderCard(order: OrderDoc, from?: { latitude: number; longitude: number }): OrderCard {
  const card = orderCard(order);
  if (!from || !order.point) return card;
  const km = haversineKm(
    { lat: from.latitude, lng: from.longitude },
    { lat: order.point.latitude, lng: order.point.longitude },
  );
  return { ...card, distanceM: Math.round(km * 1000) };
}

/** What an order read of the staff member who accepted it (never their own phone, name or address). */
export type WorkerRef = Pick<UserDoc, '_id' | 'nickname' | 'avatarFileId' | 'roles'>;

/**
 * "谁来上门" for this viewer: the resident side and admins, from acceptance until the work is done; the number is
 * the one the worker's organization gave for work (on their staff grant), never their own.
 */
export function workerView(order: OrderDoc, r: Relation, worker?: WorkerRef): OrderWorker | undefined {
  const coming = order.status === 'accepted' || order.status === 'in_service';
  if (!coming || !worker || worker._id !== order.staffId || !(isResidentSide(r) || r.admin)) return undefined;
  const grant = worker.roles.find((g) => g.role === 'provider' && g.orgId === order.orgId);
  return {
    name: order.staffName ?? worker.nickname,
    ...(worker.avatarFileId ? { avatarFileId: worker.avatarFileId } : {}),
    ...(grant?.workPhone ? { workPhone: grant.workPhone } : {}),
  };
}

/**
 * A card of the staff's today list: the distance as above, where to go, the minutes left to accept, and the
 * contact details when `r` reveals them (the assigned staff member once accepted, as in {@link orderView}).
 */
export function todayCard(
  order: OrderDoc,
  r: Relation,
  now: Date,
  from?: { latitude: number; longitude: number },
): OrderCard {
  const reveal = revealsContact(r, order);
  return {
    ...workOrderCard(order, from),
    today: {
      latitude: order.point.latitude,
      longitude: order.point.longitude,
      ...(order.status === 'matched' && order.acceptDeadline
        ? { minutesToAccept: Math.floor((order.acceptDeadline.getTime() - now.getTime()) / 60_000) }
        : {}),
      ...(reveal ? { address: order.address, phone: order.phone } : {}),
    },
  };
}

/**
 * An order in full, as this viewer may see it. With the community's check-in `rule`, the staff member who may
 * check in is also told when and where it needs no reason; with the `worker` who accepted it, the resident side
 * is told who comes.
 */
export function orderView(
  order: OrderDoc,
  r: Relation,
  now: Date,
  rule?: CheckInRule,
  worker?: WorkerRef,
): OrderView {
  const reveal = revealsContact(r, order);
  // The person served sees their own data as it is: masking is for others.
  const plain = reveal || r.beneficiary;
  const can = allowedActions(r, order);
  const coming = workerView(order, r, worker);
  return {
    ...orderCard(order),
    beneficiaryName: plain ? order.beneficiaryName : maskName(order.beneficiaryName),
    address: plain ? order.address : maskAddress(order.address),
    phone: plain ? order.phone : maskPhone(order.phone),
    contactRevealed: reveal,
    age: ageAt(order.beneficiaryBirthYear, now),
    note: order.note,
    orderedVia: order.via,
    ...(order.staffName ? { staffName: order.staffName } : {}),
    ...(coming ? { worker: coming } : {}),
    ...(order.checkIn
      ? {
          checkIn: {
            at: iso(order.checkIn.at),
            far: Boolean(order.checkIn.departures?.includes('far')),
            departures: order.checkIn.departures ?? [],
            ...(order.checkIn.reason ? { reason: order.checkIn.reason } : {}),
          },
        }
      : {}),
    ...(can.checkIn && rule ? { checkInWindow: windowHint(order, rule, now) } : {}),
    ...(order.checkOut
      ? {
          checkOut: {
            at: iso(order.checkOut.at),
            notes: order.checkOut.notes,
            photos: order.checkOut.photos,
          },
        }
      : {}),
    subsidy: {
      ...order.subsidy,
      text: subsidyText(order.subsidy.status, order.subsidy.amountFen || order.priceFen, order.priceType),
    },
    ...(order.survey
      ? {
          survey: {
            rating: order.survey.rating,
            comment: order.survey.comment,
            complaint: order.survey.complaint,
            by: order.survey.by,
            at: iso(order.survey.at),
          },
        }
      : {}),
    timeline: order.timeline.map(timelineView),
    can,
  };
}

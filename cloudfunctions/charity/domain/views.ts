/** How charity records are shown, per audience. Only views built here leave the function. */
import {
  ITEM_CATEGORY_LABELS,
  RECIPIENT_CATEGORY_LABELS,
  type DonationView,
  type EventView,
  type NeedView,
  type RecipientView,
  type SupermarketView,
} from '../contract';
import { ageAt } from '../../common/directory/users';
import { abilities, seesConfirmCode, seesContact, type Audience } from './access';
import type { ChainEvent } from './chain';
import { needState } from './needs';
import { partViews, remainingOf } from './parts';
import { contactOf } from './privacy';
import type { DonationDoc, NeedDoc, RecipientDoc, SupermarketDoc } from '../documents';
import { EVENT_LABELS, STATUS_LABELS } from './states';

const iso = (d: Date | string): string => new Date(d).toISOString();

/** A need as listed. `forAdmin` adds what admins of the place need to manage it. */
export function needView(n: NeedDoc, now: Date, forAdmin = false): NeedView {
  return {
    id: n._id,
    item: n.item,
    itemCategory: n.itemCategory,
    itemCategoryLabel: ITEM_CATEGORY_LABELS[n.itemCategory],
    unit: n.unit,
    quantity: n.quantity,
    available: n.available,
    delivered: n.delivered,
    estimatedValue: n.estimatedValue,
    story: n.story,
    deadline: iso(n.deadline),
    state: needState(n, now),
    recipient: n.publicProfile,
    communityName: n.communityName,
    supermarket: { id: n.supermarketId, name: n.supermarketName },
    points: { total: n.pointsGiven ?? 0, gifts: Object.keys(n.pointGifts ?? {}).length },
    ...(forAdmin && n.moderation === 'review' ? { heldForReview: true } : {}),
    ...(forAdmin && n.closedReason ? { closedReason: n.closedReason } : {}),
  };
}

/** One step as shown: everything that was hashed (events never hold personal data). */
export function eventView(e: ChainEvent, hideMessage: boolean): EventView {
  const data = hideMessage && 'message' in e.data ? { ...e.data, message: '（感谢留言待审核）' } : e.data;
  return {
    seq: e.seq,
    type: e.type,
    label: EVENT_LABELS[e.type],
    at: iso(e.at),
    place: e.place,
    actor: { role: e.actor.role, ref: e.actor.ref },
    data,
    prev: e.prev,
    hash: e.hash,
  };
}

/** What a donation view may add beyond the public: the recipient record and the current confirmation code. */
export interface DonationExtras {
  recipient?: RecipientDoc;
  confirmCode?: string;
  /** A general-stock gift's parts, when the view shows the gift in detail. */
  parts?: DonationDoc[];
  /** Whom the recipient calls about it (see {@link helplineOf}). */
  helpline?: { name: string; phone: string };
}

/** A place on the recipient's path as the helpline reads it (`hotline` may be absent on any of them). */
export interface CommunityLine {
  name: string;
  level: string;
  hotline?: string;
}

/** Nearest first: a community's own hotline, else its street's, else the district's. */
const NEAREST = ['community', 'street', 'district'];

/**
 * Whom a recipient calls about a donation: the nearest hotline among `places` (the places on their path), or
 * else the supermarket's phone; none when neither has a number.
 */
export function helplineOf(
  places: readonly CommunityLine[],
  sm: Pick<SupermarketDoc, 'name' | 'phone'> | undefined,
): { name: string; phone: string } | undefined {
  for (const level of NEAREST) {
    const place = places.find((p) => p.level === level && p.hotline);
    if (place?.hotline) return { name: place.name, phone: place.hotline };
  }
  return sm?.phone ? { name: sm.name, phone: sm.phone } : undefined;
}

/** A donation as `a` may see it. */
export function donationView(d: DonationDoc, a: Audience, extras: DonationExtras = {}): DonationView {
  const thanksVisible = d.thanks && (d.thanks.moderation === 'pass' || a.admin);
  const can = abilities(a, d);
  const split = d.kind === 'stock' && extras.parts && d.status === 'received';
  const remaining = split ? remainingOf(d, extras.parts!) : undefined;
  if (remaining !== undefined && remaining <= 0) can.allocate = false;
  return {
    id: d._id,
    kind: d.kind,
    status: d.status,
    statusLabel: STATUS_LABELS[d.status],
    item: d.item,
    itemCategory: d.itemCategory,
    unit: d.unit,
    quantity: d.quantity,
    ...(d.receivedQuantity !== undefined ? { receivedQuantity: d.receivedQuantity } : {}),
    pledgeBy: iso(d.pledgeBy),
    donor: d.donorLabel,
    ...(d.publicProfile ? { recipient: d.publicProfile } : {}),
    ...(d.needId ? { needId: d.needId } : {}),
    supermarket: { id: d.supermarketId, name: d.supermarketName, address: d.supermarketAddress },
    events: d.events.map((e) => eventView(e, !thanksVisible)),
    head: d.head,
    mine: a.donor,
    forMe: a.recipient,
    ...(a.donor && d.status === 'pledged' ? { code: d.code } : {}),
    ...(extras.confirmCode && seesConfirmCode(a, d) ? { confirmCode: extras.confirmCode } : {}),
    ...(extras.recipient && seesContact(a) ? { contact: contactOf(extras.recipient) } : {}),
    ...(thanksVisible ? { thanks: d.thanks!.message } : {}),
    can,
    ...(remaining !== undefined ? { remaining } : {}),
    ...(extras.parts?.length ? { parts: partViews(extras.parts) } : {}),
    ...(d.giftId ? { giftId: d.giftId } : {}),
    ...(extras.helpline && a.recipient ? { helpline: extras.helpline } : {}),
    createdAt: iso(d.createdAt),
  };
}

/** A supermarket; operators and admins also see which organizations run it. */
export function supermarketView(s: SupermarketDoc, withOrgs = false): SupermarketView {
  return {
    id: s._id,
    name: s.name,
    address: s.address,
    hours: s.hours,
    ...(s.phone ? { phone: s.phone } : {}),
    streetName: s.streetName,
    ...(withOrgs ? { orgIds: s.orgIds } : {}),
  };
}

/** A recipient in full (admins of their place only). */
export function recipientView(
  r: RecipientDoc,
  now: Date,
  profile: RecipientView['publicProfile'],
): RecipientView {
  return {
    id: r._id,
    name: r.name,
    category: r.category,
    categoryLabel: RECIPIENT_CATEGORY_LABELS[r.category],
    ...(r.birthYear !== undefined ? { birthYear: r.birthYear, age: ageAt(r.birthYear, now) } : {}),
    communityId: r.communityId,
    communityName: r.communityName,
    address: r.address,
    ...(r.phone ? { phone: r.phone } : {}),
    ...(r.residentId ? { residentId: r.residentId } : {}),
    consent: {
      method: r.consent.method,
      ...(r.consent.note ? { note: r.consent.note } : {}),
      recordedAt: iso(r.consent.recordedAt),
      recordedBy: r.consent.recordedBy,
    },
    active: r.active,
    publicProfile: profile,
    createdAt: iso(r.createdAt),
  };
}

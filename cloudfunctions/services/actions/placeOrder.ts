/**
 * placeOrder — 点菜: a resident orders a menu item for a half day, for themself, for an elder they are linked to
 * as family, or (admins) for a person registered in their scope (代下单). The order is matched at once: the
 * matching engine picks the organization, whose place in the slot is taken with a conditional update, so a
 * slot's capacity is never exceeded. Idempotent on the client's key.
 * 再来一单 (`again`: a past order of the caller's for the same person and item): its address and phone serve
 * when none are given.
 * Input: { itemId, slot, beneficiaryId?, address?, contactPhone?, note, subscribed, idempotencyKey, again? }.
 * Result: OrderView (status `matched`).
 * Errors: INVALID_INPUT (slot not bookable; no community, address or phone on file and none given),
 * UNAUTHENTICATED, FORBIDDEN (not linked to that person nor their admin; the person does not meet the item's
 * conditions), NOT_FOUND (item, person), CONFLICT (item not offered in the person's community; already booked
 * for that half day), LIMIT_REACHED (the half day is full), CONTENT_REJECTED.
 * Replays of the key (at once or later) all get the same order: the place is tagged with the order's id, so a
 * twin takes no second place and one finding the half day full because of its twin finishes the order with the
 * twin's place (common/idempotency); only a really full half day is LIMIT_REACHED (one read more tells it from
 * a booking made meanwhile).
 * Round trips: 3 (everything read in one aggregation, the place, the insert); 1 for a replay after the order
 * exists or a refusal found in the read. A place taken by someone else between read and write costs one more
 * per organization tried; a full half day two more (the tag; whether the person was booked meanwhile); a twin of
 * an order in flight one or two more (the tag; the stored order read back); a double booking racing another two
 * more (the unique index refuses it, the place is given back).
 */
import type { z } from 'zod';
import { action, type ActionContext } from '../../common/action';
import { _ } from '../../common/cloud';
import { checkTextEarly } from '../../common/contentCheck';
import { findOne, geoPoint } from '../../common/db';
import { conflict, forbidden, invalid, limitReached, notFound } from '../../common/errors';
import { idempotentCreate, idempotentId, type TaggedTake } from '../../common/idempotency';
import { USERS, type UserDoc } from '../../common/directory/users';
import { SERVICES_LIMITS, servicesInputs } from '../contract';
import { mayRepeat, SYSTEM, relationTo } from '../domain/access';
import { parseSlot } from '../../../miniprogram/shared/calendar';
import { unbookableReason } from '../domain/calendar';
import { eligibleReason, isEligible } from '../domain/eligibility';
import { preferenceFor, type PastService } from '../domain/matchInput';
import { heldIn, isOrderable } from '../domain/menu';
import { acceptDeadlineFor, activeKeyOf, transition } from '../domain/orders';
import { beneficiaryOf, displayName, factsOf, placeNamesOf } from '../domain/people';
import { communityLatLng } from '../domain/places';
import { orderView } from '../domain/views';
import { firstOf, readWithCaller, type Join, type Joined } from '../../common/joins';
import {
  ITEMS,
  ORDERS,
  ORG_STATS,
  PROFILES,
  type ItemDoc,
  type OrderDoc,
  type OrgStatsDoc,
  type PoolCreditRow,
  type ProfileDoc,
} from '../documents';
import { FAMILY_LINKS, type LinkRef } from '../../common/directory/familyLinks';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';
import { creditsJoin } from '../steps/credits';
import { placeHeldBy, releasePlace, reservePlace } from '../store';

const DONE = _.in(['completed', 'confirmed']);
/** What tells whether a past order may be repeated by the caller (再来一单). */
const PAST = { itemId: 1, beneficiaryId: 1, orderedBy: 1 };

/** The past order this one repeats, when it is the caller's own for the same person and item. */
function pastOf(r: Joined, item: ItemDoc, person: UserDoc): Pick<OrderDoc, 'address' | 'phone'> | undefined {
  const past = r.one<OrderDoc>('past');
  if (!past || past.itemId !== item._id || past.beneficiaryId !== person._id) return undefined;
  return mayRepeat(past, r.caller._id) ? past : undefined;
}

const ALREADY_BOOKED = '这个时段已经预约过这项服务了，可以在「我的预约」里查看';

type Input = z.output<typeof servicesInputs.placeOrder>;
type Context = Pick<ActionContext, 'openid' | 'now'>;

/**
 * Step 1 — one aggregation rooted at the caller: any order already made under this key, the item with its
 * organizations, their stats and their credit in the streets' pools, the person served (the caller, or the person named with the caller's family
 * links), a live order of theirs for the same item and half day, their profile and their last services.
 */
function readEverything(ctx: Context, input: Input, orderId: string): Promise<Joined> {
  const history = {
    sort: { completedAt: -1 },
    limit: 10,
    project: { orgId: 1, itemId: 1, beneficiaryId: 1 },
  };
  const forOther: Join[] = [
    { as: 'target', from: USERS, match: { _id: input.beneficiaryId } },
    {
      as: 'live',
      from: ORDERS,
      match: { activeKey: activeKeyOf(input.beneficiaryId!, input.itemId, input.slot) },
    },
    { as: 'links', from: FAMILY_LINKS, localField: '_id', foreignField: 'relativeId' },
    { as: 'profile', from: PROFILES, match: { _id: input.beneficiaryId } },
    { as: 'history', from: ORDERS, match: { beneficiaryId: input.beneficiaryId, status: DONE }, ...history },
  ];
  const forSelf: Join[] = [
    { set: { liveKey: _.aggregate.concat(['$_id', `|${input.itemId}|${input.slot}`]) } },
    { as: 'live', from: ORDERS, localField: 'liveKey', foreignField: 'activeKey' },
    { as: 'profile', from: PROFILES, localField: '_id', foreignField: '_id' },
    {
      as: 'history',
      from: ORDERS,
      let: { me: '$_id' },
      expr: _.aggregate.eq(['$beneficiaryId', '$$me']) as unknown as Record<string, unknown>,
      match: { status: DONE },
      ...history,
    },
  ];
  return readWithCaller(ctx, [
    { as: 'existing', from: ORDERS, match: { _id: orderId } },
    { as: 'item', from: ITEMS, match: { _id: input.itemId }, project: { history: 0 } },
    { set: { itemOrgIds: firstOf('item.orgIds') } },
    { as: 'orgs', from: ORGANIZATIONS, localField: 'itemOrgIds', foreignField: '_id' },
    { as: 'stats', from: ORG_STATS, localField: 'itemOrgIds', foreignField: '_id' },
    creditsJoin('itemOrgIds'),
    ...(input.again
      ? [
          {
            as: 'past',
            from: ORDERS,
            match: { _id: input.again },
            project: { address: 1, phone: 1, ...PAST },
          },
        ]
      : []),
    ...(input.beneficiaryId !== undefined ? forOther : forSelf),
  ]);
}

/** What the checks establish: who is served, where, how to reach them. */
interface Orderable {
  person: UserDoc;
  via: OrderDoc['via'];
  item: ItemDoc;
  orgs: OrgRef[];
  communityId: string;
  address: string;
  phone: string;
}

/** Step 2 — every refusal the read can tell, in the order a resident would want to hear them (no writes). */
function checkOrderable(r: Joined, input: Input, now: Date): Orderable {
  const me = r.caller;
  const { person, via } = beneficiaryOf(
    me,
    input.beneficiaryId,
    r.one<UserDoc>('target'),
    r.all<LinkRef>('links'),
  );
  const item = r.one<ItemDoc>('item');
  if (!item || item.status !== 'approved') throw notFound('服务项目');
  const communityId = person.communityId;
  if (!communityId)
    throw invalid(via === 'self' ? '请先在「我的」里选择您住的社区' : '这位老人还没有登记所在社区', [
      { path: 'beneficiaryId', message: 'no community' },
    ]);
  const orgs = r.all<OrgRef>('orgs');
  if (!isOrderable(item, orgs, communityId)) throw conflict('这个服务在您所在的社区还没有开通');
  const slotProblem = unbookableReason(input.slot, now);
  if (slotProblem) throw invalid(slotProblem, [{ path: 'slot', message: slotProblem }]);
  const facts = factsOf(person, r.one<ProfileDoc>('profile'));
  if (!isEligible(item.eligibility, facts, now))
    throw forbidden(eligibleReason(item.eligibility, facts, now));
  if (r.one<OrderDoc>('live')) throw conflict(ALREADY_BOOKED);
  const past = pastOf(r, item, person);
  const address = input.address ?? past?.address ?? person.address;
  if (!address) throw invalid('请填写上门服务的地址', [{ path: 'address', message: 'required' }]);
  const phone = input.contactPhone ?? past?.phone ?? person.phone ?? me.phone;
  if (!phone) throw invalid('请留一个联系电话', [{ path: 'contactPhone', message: 'required' }]);
  return { person, via, item, orgs, communityId, address, phone };
}

/**
 * Step 3 — the organizations that can take it, best first (the matching engine, with the person's history and
 * the organizations' credit in the person's street).
 */
function rankOrganizations(r: Joined, o: Orderable, input: Input, orderId: string): string[] {
  const open = {
    _id: orderId,
    itemId: o.item._id,
    communityId: o.communityId,
    slot: input.slot,
    beneficiaryId: o.person._id,
    excludedOrgIds: [],
    placePath: o.person.placePath,
  };
  const stats = new Map(r.all<OrgStatsDoc>('stats').map((s) => [s._id, s]));
  const past = r.all<PastService & { orgId?: string }>('history').filter((h) => h.orgId);
  return preferenceFor(
    {
      orders: [open],
      items: new Map([[o.item._id, o.item]]),
      orgs: o.orgs,
      stats,
      history: past.map((h) => ({ ...h, beneficiaryId: o.person._id })),
      credits: r.all<PoolCreditRow>('credits'),
    },
    orderId,
  );
}

/** Step 4 — the order as stored: submitted by the caller and matched at once to the organization given. */
function matchedOrder(
  ctx: Context,
  me: UserDoc,
  o: Orderable,
  input: Input,
  orderId: string,
  org: OrgRef,
): OrderDoc {
  const slotStart = parseSlot(input.slot)!.start;
  const { person, item, via } = o;
  const submitted: OrderDoc = {
    _id: orderId,
    itemId: item._id,
    itemName: item.name,
    category: item.category,
    priceType: item.priceType,
    priceFen: item.priceFen,
    beneficiaryId: person._id,
    beneficiaryName: displayName(person),
    ...(person.birthYear ? { beneficiaryBirthYear: person.birthYear } : {}),
    orderedBy: me._id,
    orderedByOpenid: ctx.openid,
    via,
    consent: input.subscribed,
    communityId: o.communityId,
    communityName: placeNamesOf(person)[2] ?? '',
    placePath: person.placePath,
    point: geoPoint(communityLatLng(o.communityId)),
    address: o.address,
    phone: o.phone,
    note: input.note,
    slot: input.slot,
    slotStart,
    status: 'submitted',
    excludedOrgIds: [],
    rematchCount: 0,
    staffNotified: false,
    subsidy: {
      status: item.priceType === 'voucher' ? 'pending' : 'none',
      amountFen: item.priceFen,
    },
    adminNotified: false,
    activeKey: activeKeyOf(person._id, item._id, input.slot),
    timeline: [
      {
        event: 'submitted',
        status: 'submitted',
        at: ctx.now,
        by: { id: me._id, name: me.nickname, role: via === 'self' ? 'resident' : via },
      },
    ],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const deadline = acceptDeadlineFor(ctx.now, slotStart, SERVICES_LIMITS.acceptSlaMinutes);
  return transition(
    submitted,
    { kind: 'match', orgId: org._id, orgName: org.name, acceptDeadline: deadline },
    SYSTEM,
    ctx.now,
  ).order;
}

/**
 * Step 5 — the place in the half day, taken by the first ranked organization with room and tagged with the order's
 * id, so a replay of this tap takes no second place and, finding the half day full, can tell its twin's place
 * from a full half day (common/idempotency).
 */
function takePlace(o: Orderable, input: Input, orderId: string, ranked: string[]): TaggedTake<string> {
  const { item } = o;
  return {
    held: heldIn(item, input.slot, orderId),
    take: async () => {
      for (const orgId of ranked)
        if (await reservePlace(item, input.slot, orgId, o.communityId, orderId)) return orgId;
      return undefined;
    },
    heldByTwin: () => placeHeldBy(item._id, input.slot, orderId),
    // Full — or a twin took a place and gave it back because the person was booked meanwhile: say that.
    refused: async () =>
      (await findOne(ORDERS, { activeKey: activeKeyOf(o.person._id, item._id, input.slot) }))
        ? conflict(ALREADY_BOOKED)
        : full(),
    giveBack: (orgId) => releasePlace(item._id, input.slot, orgId, orderId),
  };
}

const full = () => limitReached('这个时段已经约满了，请换一个时间');

export default action({
  input: servicesInputs.placeOrder,
  async run(input, ctx) {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.note, input.address], 2);
    const orderId = idempotentId(ctx.openid, 'order', input.idempotencyKey);
    const r = await readEverything(ctx, input, orderId);
    const me = r.caller;
    const show = (order: OrderDoc) =>
      orderView(order, relationTo({ user: me, elderIds: [] }, order), ctx.now);
    const existing = r.one<OrderDoc>('existing');
    if (existing) return show(existing);
    const o = checkOrderable(r, input, ctx.now);
    await textChecked();
    const ranked = rankOrganizations(r, o, input, orderId);
    return idempotentCreate({
      collection: ORDERS,
      take: takePlace(o, input, orderId, ranked),
      build: (orgId) => {
        const org = o.orgs.find((x) => x._id === orgId);
        if (!org) throw full();
        return matchedOrder(ctx, me, o, input, orderId, org);
      },
      reply: show,
      // The person already has this service booked that half day (another order holds the active key).
      clash: () => conflict(ALREADY_BOOKED),
    });
  },
});

/**
 * placeOrder — 点菜: a resident orders a menu item for a half day, for themself, for an elder they are linked to
 * as family, or (admins) for a person registered in their scope (代下单). The order is matched at once: the
 * matching engine picks the organization, whose place in the slot is taken with a conditional update, so a
 * slot's capacity is never exceeded. Idempotent on the client's key.
 * Input: { itemId, slot, beneficiaryId?, address?, contactPhone?, note, subscribed, idempotencyKey }.
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
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { findOne, geoPoint } from '../../common/db';
import { conflict, forbidden, invalid, limitReached, notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { USERS, type UserDoc } from '../../common/users';
import { SERVICES_LIMITS, servicesInputs } from '../contract';
import { SYSTEM, relationTo } from '../domain/access';
import { parseSlot } from '../../../miniprogram/shared/calendar';
import { unbookableReason } from '../domain/calendar';
import { eligibleReason, isEligible } from '../domain/eligibility';
import { preferenceFor, type PastService } from '../domain/matchInput';
import { heldIn, isOrderable } from '../domain/menu';
import { acceptDeadlineFor, activeKeyOf, transition } from '../domain/orders';
import { beneficiaryOf, displayName, factsOf, placeNamesOf } from '../domain/people';
import { communityLatLng } from '../domain/places';
import { orderView } from '../domain/views';
import { firstOf, readWithCaller } from '../../common/joins';
import {
  FAMILY_LINKS,
  ITEMS,
  ORDERS,
  ORG_STATS,
  ORGANIZATIONS,
  PROFILES,
  type ItemDoc,
  type LinkRef,
  type OrderDoc,
  type OrgRef,
  type OrgStatsDoc,
  type ProfileDoc,
} from '../store';
import { placeHeldBy, releasePlace, reservePlace } from '../writes';

const DONE = _.in(['completed', 'confirmed']);
const ALREADY_BOOKED = '这个时段已经预约过这项服务了，可以在「我的预约」里查看';

export default action({
  input: servicesInputs.placeOrder,
  async run(input, ctx) {
    const orderId = idempotentId(ctx.openid, 'order', input.idempotencyKey);
    const forOther = input.beneficiaryId !== undefined;
    const history = {
      sort: { completedAt: -1 },
      limit: 10,
      project: { orgId: 1, itemId: 1, beneficiaryId: 1 },
    };
    const r = await readWithCaller(ctx, [
      { as: 'existing', from: ORDERS, match: { _id: orderId } },
      { as: 'item', from: ITEMS, match: { _id: input.itemId }, project: { history: 0 } },
      { set: { itemOrgIds: firstOf('item.orgIds') } },
      { as: 'orgs', from: ORGANIZATIONS, localField: 'itemOrgIds', foreignField: '_id' },
      { as: 'stats', from: ORG_STATS, localField: 'itemOrgIds', foreignField: '_id' },
      ...(forOther
        ? [
            { as: 'target', from: USERS, match: { _id: input.beneficiaryId } },
            {
              as: 'live',
              from: ORDERS,
              match: { activeKey: activeKeyOf(input.beneficiaryId!, input.itemId, input.slot) },
            },
            { as: 'links', from: FAMILY_LINKS, localField: '_id', foreignField: 'relativeId' },
            { as: 'profile', from: PROFILES, match: { _id: input.beneficiaryId } },
            {
              as: 'history',
              from: ORDERS,
              match: { beneficiaryId: input.beneficiaryId, status: DONE },
              ...history,
            },
          ]
        : [
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
          ]),
    ]);
    const me = r.caller;
    const links = r.all<LinkRef>('links');
    const show = (order: OrderDoc) =>
      orderView(order, relationTo({ user: me, elderIds: [] }, order), ctx.now);
    const existing = r.one<OrderDoc>('existing');
    if (existing) return show(existing);

    const { person, via } = beneficiaryOf(me, input.beneficiaryId, r.one<UserDoc>('target'), links);
    const item = r.one<ItemDoc>('item');
    if (!item || item.status !== 'approved') throw notFound('服务项目');
    const communityId = person.communityId;
    if (!communityId)
      throw invalid(via === 'self' ? '请先在「我的」里选择您住的社区' : '这位老人还没有登记所在社区', [
        { path: 'beneficiaryId', message: 'no community' },
      ]);
    const orgs = r.all<OrgRef>('orgs');
    if (!isOrderable(item, orgs, communityId)) throw conflict('这个服务在您所在的社区还没有开通');
    const slotProblem = unbookableReason(input.slot, ctx.now);
    if (slotProblem) throw invalid(slotProblem, [{ path: 'slot', message: slotProblem }]);
    const facts = factsOf(person, r.one<ProfileDoc>('profile'));
    if (!isEligible(item.eligibility, facts, ctx.now))
      throw forbidden(eligibleReason(item.eligibility, facts, ctx.now));
    if (r.one<OrderDoc>('live')) throw conflict(ALREADY_BOOKED);
    const address = input.address ?? person.address;
    if (!address) throw invalid('请填写上门服务的地址', [{ path: 'address', message: 'required' }]);
    const phone = input.contactPhone ?? person.phone ?? me.phone;
    if (!phone) throw invalid('请留一个联系电话', [{ path: 'contactPhone', message: 'required' }]);
    await checkText(ctx.openid, [input.note, input.address], 2);

    // Match now: the engine ranks the organizations that can take it; the first with a place left gets it. The
    // place is tagged with the order's id, so a replay of this tap takes no second place and, finding the half
    // day full, can tell its twin's place from a full half day (common/idempotency).
    const slotStart = parseSlot(input.slot)!.start;
    const open = {
      _id: orderId,
      itemId: item._id,
      communityId,
      slot: input.slot,
      beneficiaryId: person._id,
      excludedOrgIds: [],
    };
    const stats = new Map(r.all<OrgStatsDoc>('stats').map((s) => [s._id, s]));
    const past = r.all<PastService & { orgId?: string }>('history').filter((h) => h.orgId);
    const ranked = preferenceFor(
      {
        orders: [open],
        items: new Map([[item._id, item]]),
        orgs,
        stats,
        history: past.map((h) => ({ ...h, beneficiaryId: person._id })),
      },
      orderId,
    );
    const full = () => limitReached('这个时段已经约满了，请换一个时间');

    const names = placeNamesOf(person);
    const matched = (orgId: string): OrderDoc => {
      const chosen = orgs.find((o) => o._id === orgId);
      if (!chosen) throw full();
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
        communityId,
        communityName: names[2] ?? '',
        placePath: person.placePath,
        point: geoPoint(communityLatLng(communityId)),
        address,
        phone,
        note: input.note,
        slot: input.slot,
        slotStart,
        status: 'submitted',
        excludedOrgIds: [],
        rematchCount: 0,
        staffNotified: false,
        subsidy:
          item.priceType === 'voucher'
            ? { status: 'pending', amountFen: item.priceFen }
            : { status: 'none', amountFen: item.priceFen },
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
        { kind: 'match', orgId: chosen._id, orgName: chosen.name, acceptDeadline: deadline },
        SYSTEM,
        ctx.now,
      ).order;
    };
    return idempotentCreate({
      collection: ORDERS,
      take: {
        held: heldIn(item, input.slot, orderId),
        take: async () => {
          for (const orgId of ranked)
            if (await reservePlace(item, input.slot, orgId, communityId, orderId)) return orgId;
          return undefined;
        },
        heldByTwin: () => placeHeldBy(item._id, input.slot, orderId),
        // Full — or a twin took a place and gave it back because the person was booked meanwhile: say that.
        refused: async () =>
          (await findOne(ORDERS, { activeKey: activeKeyOf(person._id, item._id, input.slot) }))
            ? conflict(ALREADY_BOOKED)
            : full(),
        giveBack: (orgId) => releasePlace(item._id, input.slot, orgId, orderId),
      },
      build: matched,
      reply: show,
      // The person already has this service booked that half day (another order holds the active key).
      clash: () => conflict(ALREADY_BOOKED),
    });
  },
});

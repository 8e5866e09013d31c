/**
 * itemDetail — an item and its order form: the half days of the next two weeks with the places left, and the
 * people the caller can order for (themself, elders linked to them as family, or — for admins — the person
 * asked for), each with whether they qualify, their voucher balance this month and what they would pay
 * (`quoteOf`, check-out's own rule); the first half day with a place left. With `again` (再来一单), the past
 * order it repeats: where it went, its note and whether the price changed since.
 * Input: { itemId, beneficiaryId?, again? }. Result: ItemDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not linked to that person nor their admin), NOT_FOUND
 * (item not on the menu — for 再来一单 said so plainly —, person, the past order not the caller's).
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { AppError, notFound } from '../../common/errors';
import { maskAddress, maskName } from '../../common/mask';
import { ageAt, USERS, type UserDoc } from '../../common/directory/users';
import { servicesInputs, type AgainView, type BeneficiaryOption, type ItemDetail } from '../contract';
import { monthKey, slotLabel } from '../../../miniprogram/shared/calendar';
import { bookableSlots } from '../domain/calendar';
import { eligibleReason, isEligible } from '../domain/eligibility';
import { coveringOrgs, isOrderable, placesLeft } from '../domain/menu';
import { beneficiaryOf, displayName, factsOf } from '../domain/people';
import { mayRepeat } from '../domain/access';
import { itemCard } from '../domain/views';
import { quoteOf, walletId } from '../domain/vouchers';
import { yuanText } from '../domain/menu';
import { firstOf, readWithCaller } from '../../common/joins';
import {
  ITEMS,
  ORDERS,
  PROFILES,
  WALLETS,
  type ItemDoc,
  type OrderDoc,
  type ProfileDoc,
  type WalletDoc,
} from '../documents';

/** 再来一单 of an item taken off the menu: what happened and where to go. */
const GONE = '这项服务已经不在菜单上了，可以在「服务」里看看别的';

/** The past order being repeated, as the form shows it: the caller's own, for the person chosen, of this item. */
function againOf(past: OrderDoc | undefined, item: ItemDoc, personId: string, callerId: string): AgainView {
  const repeatable =
    past && past.itemId === item._id && past.beneficiaryId === personId && mayRepeat(past, callerId);
  if (!repeatable) throw notFound('上次的预约');
  const changed = past.priceFen !== item.priceFen || past.priceType !== item.priceType;
  const price = (o: { priceType: string; priceFen: number }) =>
    o.priceType === 'free' ? '免费' : yuanText(o.priceFen);
  return {
    orderId: past._id,
    addressMasked: maskAddress(past.address),
    note: past.note,
    lastSlotLabel: slotLabel(past.slot),
    ...(changed ? { priceChange: `价格有变：上次${price(past)}，现在${price(item)}` } : {}),
  };
}
import { FAMILY_LINKS, type LinkRef } from '../../common/directory/familyLinks';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';

export default action({
  input: servicesInputs.itemDetail,
  async run(input, ctx): Promise<ItemDetail> {
    const $ = _.aggregate;
    const month = monthKey(ctx.now);
    const asked = input.beneficiaryId ? [input.beneficiaryId] : [];
    const r = await readWithCaller(ctx, [
      {
        as: 'item',
        from: ITEMS,
        match: { _id: input.itemId, status: 'approved' },
        project: { history: 0, holds: 0 },
      },
      { set: { itemOrgIds: firstOf('item.orgIds') } },
      { as: 'orgs', from: ORGANIZATIONS, localField: 'itemOrgIds', foreignField: '_id' },
      { as: 'links', from: FAMILY_LINKS, localField: '_id', foreignField: 'relativeId' },
      { set: { peopleIds: $.concatArrays([['$_id'], '$links.elderId', asked]) } },
      { as: 'people', from: USERS, localField: 'peopleIds', foreignField: '_id' },
      { as: 'profiles', from: PROFILES, localField: 'peopleIds', foreignField: '_id' },
      {
        set: {
          walletIds: $.map({ input: '$peopleIds', as: 'p', in: $.concat(['$$p', `@${month}`]) }),
        },
      },
      { as: 'wallets', from: WALLETS, localField: 'walletIds', foreignField: '_id' },
      ...(input.again
        ? [{ as: 'past', from: ORDERS, match: { _id: input.again }, project: { timeline: 0, checkOut: 0 } }]
        : []),
    ]);
    const me = r.caller;
    const item = r.one<ItemDoc>('item');
    if (!item) throw input.again ? new AppError('NOT_FOUND', GONE) : notFound('服务项目');
    const links = r.all<LinkRef>('links').filter((l) => l.status === 'active' && l.relativeId === me._id);
    const people = new Map(r.all<UserDoc>('people').map((p) => [p._id, p]));
    const chosen = beneficiaryOf(
      me,
      input.beneficiaryId,
      people.get(input.beneficiaryId ?? ''),
      links,
    ).person;
    const profiles = new Map(r.all<ProfileDoc>('profiles').map((p) => [p._id, p]));
    const wallets = new Map(r.all<WalletDoc>('wallets').map((w) => [w._id, w]));

    const option = (person: UserDoc, relation: string): BeneficiaryOption => {
      const facts = factsOf(person, profiles.get(person._id));
      const wallet = wallets.get(walletId(person._id, month));
      return {
        id: person._id,
        relation,
        nameMasked: maskName(displayName(person)),
        age: ageAt(person.birthYear, ctx.now),
        eligible: isEligible(item.eligibility, facts, ctx.now),
        eligibleText: eligibleReason(item.eligibility, facts, ctx.now),
        ...(wallet ? { voucherBalanceFen: wallet.balanceFen } : {}),
        quote: quoteOf(item, wallet),
      };
    };
    const beneficiaries = [option(me, '本人')];
    for (const l of links) {
      const elder = people.get(l.elderId);
      if (elder) beneficiaries.push(option(elder, l.relation));
    }
    if (!beneficiaries.some((b) => b.id === chosen._id)) beneficiaries.push(option(chosen, '代下单'));

    const communityId = chosen.communityId ?? '';
    const orgs = r.all<OrgRef>('orgs');
    const availableHere = isOrderable(item, orgs, communityId);
    const serving = coveringOrgs(item, orgs, communityId).map((o) => o._id);
    const slots = availableHere
      ? bookableSlots(ctx.now).map((key) => ({
          key,
          label: slotLabel(key),
          left: placesLeft(item, serving, key),
        }))
      : [];
    const nextSlot = slots.find((s) => s.left > 0)?.key;
    const again = input.again ? againOf(r.one<OrderDoc>('past'), item, chosen._id, me._id) : undefined;
    return {
      item: itemCard(item),
      availableHere,
      slots,
      ...(nextSlot ? { nextSlot } : {}),
      ...(again ? { again } : {}),
      beneficiaries,
      beneficiaryId: chosen._id,
      ...(chosen.address ? { addressOnFileMasked: maskAddress(chosen.address) } : {}),
      hasPhoneOnFile: Boolean(chosen.phone),
    };
  },
});

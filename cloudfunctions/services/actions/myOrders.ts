/**
 * myOrders — 我的预约: orders for the caller, placed by the caller, or for an elder the caller is linked to
 * (so family see what an admin ordered for their elder). `active`: not yet closed, soonest first; `done`:
 * confirmed or cancelled, latest first; `served`: completed or confirmed, latest first (再来一单). 20 a page.
 * Orders for the caller themselves say so (`forMe`).
 * Input: { view, offset, limit }. Result: Page<OrderCard>. Errors: INVALID_INPUT, UNAUTHENTICATED.
 * Round trips: 2 (caller with links, orders).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { listPage } from '../../common/paging';
import { servicesInputs } from '../contract';
import { elderIdsOf } from '../domain/people';
import { orderCard } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { ORDERS, type OrderDoc } from '../documents';
import { FAMILY_LINKS, type LinkRef } from '../../common/directory/familyLinks';

const ACTIVE = ['submitted', 'matched', 'accepted', 'in_service', 'completed'];
const DONE = ['confirmed', 'cancelled'];
const SERVED = ['completed', 'confirmed'];
const STATUSES = { active: ACTIVE, done: DONE, all: [...ACTIVE, ...DONE], served: SERVED };

export default action({
  input: servicesInputs.myOrders,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [
      { as: 'links', from: FAMILY_LINKS, localField: '_id', foreignField: 'relativeId' },
    ]);
    const me = r.caller._id;
    const people = [me, ...elderIdsOf(me, r.all<LinkRef>('links'))];
    const mine = _.or([{ beneficiaryId: _.in(people) }, { orderedBy: me }]);
    const statuses = STATUSES[input.view];
    const [field, dir] = input.view === 'active' ? ['slotStart', 'asc'] : ['updatedAt', 'desc'];
    return listPage(
      db
        .collection(ORDERS)
        .where(_.and([mine, { status: _.in(statuses) }]))
        .orderBy(field, dir),
      input,
      (o: OrderDoc) => (o.beneficiaryId === me ? { ...orderCard(o), forMe: true } : orderCard(o)),
      { fields: { timeline: false, checkOut: false, address: false, phone: false } },
    );
  },
});

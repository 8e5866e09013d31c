/**
 * The read most order actions start with: the caller, the order, the caller's family links and, when asked, the
 * order's item with its organizations, their stats and (for re-matching) their credit, its community's check-in
 * rule or the staff member who accepted it (what "谁来上门" shows) — one aggregation. NOT_FOUND when the order does not
 * exist or the caller may not see it (so its existence is not disclosed).
 */
import type { ActionContext } from '../../common/action';
import { notFound } from '../../common/errors';
import { canSee, relationTo, type Relation } from '../domain/access';
import { checkInRuleOf, type CheckInRule } from '../domain/checkIn';
import type { WorkerRef } from '../domain/views';
import { elderIdsOf } from '../domain/people';
import { creditsJoin } from './credits';
import type { ItemSide } from './rematch';
import { firstOf, readWithCaller, type Join, type Joined } from '../../common/joins';
import {
  CHECKIN_RULES,
  ITEMS,
  ORDERS,
  ORG_STATS,
  type CheckInRuleDoc,
  type ItemDoc,
  type OrderDoc,
  type OrgStatsDoc,
  type PoolCreditRow,
} from '../documents';
import { FAMILY_LINKS, type LinkRef } from '../../common/directory/familyLinks';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';
import { USERS, type UserDoc } from '../../common/directory/users';

/** An order as its caller relates to it. */
export interface OrderInHand {
  caller: UserDoc;
  order: OrderDoc;
  rel: Relation;
  joined: Joined;
}

/**
 * Reads the order for the caller (+ item, organizations and their stats with `withItem`, and their credit in the
 * streets' pools with `withItem: 'forMatching'`; + the community's
 * check-in rule with `withCheckInRule`, see {@link checkInRuleFrom}; + extra joins).
 */
export async function orderForCaller(
  ctx: ActionContext,
  orderId: string,
  options: {
    withItem?: boolean | 'forMatching';
    withCheckInRule?: boolean;
    withWorker?: boolean;
    extra?: Join[];
  } = {},
): Promise<OrderInHand> {
  const joins: Join[] = [
    { as: 'order', from: ORDERS, match: { _id: orderId } },
    { as: 'links', from: FAMILY_LINKS, localField: '_id', foreignField: 'relativeId' },
  ];
  if (options.withItem) {
    joins.push(
      { set: { orderItemId: firstOf('order.itemId') } },
      { as: 'item', from: ITEMS, localField: 'orderItemId', foreignField: '_id' },
      { set: { itemOrgIds: firstOf('item.orgIds') } },
      { as: 'orgs', from: ORGANIZATIONS, localField: 'itemOrgIds', foreignField: '_id' },
      { as: 'stats', from: ORG_STATS, localField: 'itemOrgIds', foreignField: '_id' },
      // Their credit only where the order may be re-matched (the join is not free of cost, only of round trips).
      ...(options.withItem === 'forMatching' ? [creditsJoin('itemOrgIds')] : []),
    );
  }
  if (options.withCheckInRule)
    joins.push(
      { set: { orderCommunityId: firstOf('order.communityId') } },
      { as: 'checkInRule', from: CHECKIN_RULES, localField: 'orderCommunityId', foreignField: '_id' },
    );
  if (options.withWorker)
    // Only what "谁来上门" shows: the worker's own phone, name and address are never read.
    joins.push(
      { set: { orderStaffId: firstOf('order.staffId') } },
      {
        as: 'worker',
        from: USERS,
        let: { sid: '$orderStaffId' },
        expr: { $eq: ['$_id', '$$sid'] },
        limit: 1,
        project: { nickname: 1, avatarFileId: 1, roles: 1 },
      },
    );
  joins.push(...(options.extra ?? []));
  const joined = await readWithCaller(ctx, joins);
  const order = joined.one<OrderDoc>('order');
  if (!order) throw notFound('订单');
  const rel = relationTo(
    { user: joined.caller, elderIds: elderIdsOf(joined.caller._id, joined.all<LinkRef>('links')) },
    order,
  );
  if (!canSee(rel)) throw notFound('订单');
  return { caller: joined.caller, order, rel, joined };
}

/** The item, organizations, their stats and credit (none without 'forMatching') `orderForCaller` read. */
export function itemSide(joined: Joined): ItemSide {
  return {
    item: joined.one<ItemDoc>('item'),
    orgs: joined.all<OrgRef>('orgs'),
    stats: new Map(joined.all<OrgStatsDoc>('stats').map((s) => [s._id, s])),
    credits: joined.all<PoolCreditRow>('credits'),
  };
}

/** The staff member who accepted the order, as an `orderForCaller(..., { withWorker: true })` read them. */
export function workerFrom(joined: Joined): WorkerRef | undefined {
  return joined.one<WorkerRef>('worker');
}

/** The check-in rule of the order's community an `orderForCaller(..., { withCheckInRule: true })` read. */
export function checkInRuleFrom(joined: Joined): CheckInRule {
  return checkInRuleOf(joined.one<CheckInRuleDoc>('checkInRule'));
}

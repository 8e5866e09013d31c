/**
 * Re-matching one order that an organization gave up (declined, or let the acceptance deadline pass): its place
 * moves to the next organization the engine ranks, in one conditional update of the slot counters, or is given
 * back and the order goes to the community admin. The order is then written conditionally on still being with
 * the old organization; if it changed meanwhile, this call's counter changes are undone.
 */
import { SERVICES_LIMITS } from '../contract';
import { SYSTEM } from '../domain/access';
import { preferenceFor } from '../domain/matchInput';
import { acceptDeadlineFor, transition } from '../domain/orders';
import type { ItemDoc, OrderDoc, OrgStatsDoc, PoolCreditRow } from '../documents';
import type { OrgRef } from '../../common/directory/orgs';
import { adjustPlaces, givePlaceBackTagged, movePlace, releasePlace, writeOrder } from '../store';

/** The item side of an order, as read. */
export interface ItemSide {
  item?: ItemDoc;
  orgs: readonly OrgRef[];
  stats: ReadonlyMap<string, OrgStatsDoc>;
  /** The organizations' pool entries, for their credit in the order's street. */
  credits: readonly PoolCreditRow[];
}

/**
 * `before`: the order as read (matched to an organization); `released`: it after the decline or expiry
 * transition. Returns the order as written, or undefined when it changed meanwhile. 2 round trips. With `tag`
 * (the timer's), the place change is recorded on the item under it, for a killed run's successor to undo.
 */
export async function rematchOne(
  before: OrderDoc,
  released: OrderDoc,
  side: ItemSide,
  now: Date,
  tag?: string,
): Promise<OrderDoc | undefined> {
  const oldOrg = before.orgId!;
  const { item } = side;
  let moved: OrgRef | undefined;
  if (item && released.rematchCount <= SERVICES_LIMITS.maxRematches) {
    const ranked = preferenceFor(
      {
        orders: [released],
        items: new Map([[item._id, item]]),
        orgs: side.orgs,
        stats: side.stats,
        credits: side.credits,
      },
      released._id,
    );
    for (const orgId of ranked) {
      if (await movePlace(item, released.slot, oldOrg, orgId, released.communityId, tag)) {
        moved = side.orgs.find((o) => o._id === orgId);
        break;
      }
    }
  }
  let next = released;
  let gaveBack = false;
  if (moved) {
    next = transition(
      released,
      {
        kind: 'match',
        orgId: moved._id,
        orgName: moved.name,
        acceptDeadline: acceptDeadlineFor(
          now,
          new Date(released.slotStart),
          SERVICES_LIMITS.acceptSlaMinutes,
        ),
      },
      SYSTEM,
      now,
    ).order;
  } else {
    gaveBack = tag
      ? await givePlaceBackTagged(released.itemId, released.slot, oldOrg, tag)
      : await releasePlace(released.itemId, released.slot, oldOrg);
    if (!released.escalatedAt) {
      const reason =
        released.rematchCount > SERVICES_LIMITS.maxRematches
          ? `已经 ${released.rematchCount} 次没有机构接单`
          : '没有其他机构能接这个单';
      next = transition(released, { kind: 'unmatched', reason }, SYSTEM, now).order;
    }
  }
  if (await writeOrder(before, next, { orgId: oldOrg })) return next;
  await adjustPlaces(
    released.itemId,
    released.slot,
    moved ? { [moved._id]: -1, [oldOrg]: 1 } : { [oldOrg]: gaveBack ? 1 : 0 },
  );
  return undefined;
}

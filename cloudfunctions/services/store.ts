/**
 * The services function's database I/O that several actions and timers share (documents.ts has the types): an
 * order transition applied only if the order is still as it was read, and the slot counters on an item (place
 * taken, given back, moved) changed only if there is room. Each is one database round trip and one atomic
 * single-document update (plus the read of which place an order's tag holds, for placeOrder's replays).
 */
import { _, db } from '../common/cloud';
import { rows, updatedCount } from '../common/db';
import { changes } from './domain/orders';
import { counterPath, heldIn, holdPath } from './domain/menu';
import { ITEMS, ORDERS, type ItemDoc, type OrderDoc } from './documents';

type AnyObject = Record<string, unknown>;

/**
 * Writes the difference between `before` and `after` (changed fields set, dropped ones removed, new timeline
 * lines appended) if the order is still in the state it was read in and matches `where`. Returns whether it did.
 */
export async function writeOrder(before: OrderDoc, after: OrderDoc, where: AnyObject = {}): Promise<boolean> {
  const { set, unset, added } = changes(before, after);
  const data: AnyObject = { ...set };
  for (const key of unset) data[key] = _.remove();
  if (added.length > 0) data.timeline = _.push(added);
  const res = await db
    .collection(ORDERS)
    .where({ _id: before._id, status: before.status, ...where })
    .update({ data });
  return updatedCount(res) === 1;
}

/**
 * Takes a place for an organization in a slot of an item, if the item is still approved with the same capacity,
 * offered by that organization in that community, and the organization has a place left. With `holdId` (the
 * order's id) the place is tagged `holds.<slot>.<holdId> = orgId` and not taken twice under one tag, so a replayed
 * order never holds two places and its twins can see which place it holds (common/idempotency).
 */
export async function reservePlace(
  item: { _id: string; capacityPerSlot: number },
  slot: string,
  orgId: string,
  communityId: string,
  holdId?: string,
): Promise<boolean> {
  const res = await db
    .collection(ITEMS)
    .where({
      _id: item._id,
      status: 'approved',
      capacityPerSlot: item.capacityPerSlot,
      communityIds: communityId,
      orgIds: orgId,
      // A counter nobody has touched yet is missing; "not ≥ capacity" matches it too.
      [counterPath(slot, orgId)]: _.not(_.gte(item.capacityPerSlot)),
      ...(holdId ? { [holdPath(slot, holdId)]: _.exists(false) } : {}),
    })
    .update({
      data: { [counterPath(slot, orgId)]: _.inc(1), ...(holdId ? { [holdPath(slot, holdId)]: orgId } : {}) },
    });
  return updatedCount(res) === 1;
}

/**
 * Gives a place back (never below zero). With `holdId`, only the place held under that tag, and the tag goes with
 * it: twins giving back one order's place give it back once.
 */
export async function releasePlace(
  itemId: string,
  slot: string,
  orgId: string,
  holdId?: string,
): Promise<boolean> {
  const res = await db
    .collection(ITEMS)
    .where({
      _id: itemId,
      [counterPath(slot, orgId)]: _.gt(0),
      ...(holdId ? { [holdPath(slot, holdId)]: orgId } : {}),
    })
    .update({
      data: {
        [counterPath(slot, orgId)]: _.inc(-1),
        ...(holdId ? { [holdPath(slot, holdId)]: _.remove() } : {}),
      },
    });
  return updatedCount(res) === 1;
}

/** The organization whose place in a slot is held under `holdId`, if any (one read). */
export async function placeHeldBy(itemId: string, slot: string, holdId: string): Promise<string | undefined> {
  const path = holdPath(slot, holdId);
  const found = rows<Pick<ItemDoc, 'holds'>>(
    await db
      .collection(ITEMS)
      .where({ _id: itemId })
      .field({ [path]: true })
      .limit(1)
      .get(),
  )[0];
  return heldIn(found ?? {}, slot, holdId);
}

/**
 * Moves a place from one organization to another in one update, if the new one has room. With `tag`, the move is
 * recorded on the item (`holds.<slot>.<tag> = toOrg`) and not made twice under it, so a timer killed before it
 * wrote the order can find and undo it ({@link undoTaggedPlace}).
 */
export async function movePlace(
  item: { _id: string; capacityPerSlot: number },
  slot: string,
  fromOrg: string,
  toOrg: string,
  communityId: string,
  tag?: string,
): Promise<boolean> {
  const res = await db
    .collection(ITEMS)
    .where({
      _id: item._id,
      status: 'approved',
      capacityPerSlot: item.capacityPerSlot,
      communityIds: communityId,
      orgIds: toOrg,
      [counterPath(slot, fromOrg)]: _.gt(0),
      [counterPath(slot, toOrg)]: _.not(_.gte(item.capacityPerSlot)),
      ...(tag ? { [holdPath(slot, tag)]: _.exists(false) } : {}),
    })
    .update({
      data: {
        [counterPath(slot, fromOrg)]: _.inc(-1),
        [counterPath(slot, toOrg)]: _.inc(1),
        ...(tag ? { [holdPath(slot, tag)]: toOrg } : {}),
      },
    });
  return updatedCount(res) === 1;
}

/** What a tagged place change recorded: the organization the place moved to, or {@link GIVEN_BACK}. */
export const GIVEN_BACK = '-';

/**
 * Gives a place back (never below zero), recording it under `tag` (`holds.<slot>.<tag> = "-"`) and not twice
 * under it: the tagged twin of {@link releasePlace} for a timer that may be killed before it writes the order.
 */
export async function givePlaceBackTagged(
  itemId: string,
  slot: string,
  orgId: string,
  tag: string,
): Promise<boolean> {
  const res = await db
    .collection(ITEMS)
    .where({ _id: itemId, [counterPath(slot, orgId)]: _.gt(0), [holdPath(slot, tag)]: _.exists(false) })
    .update({ data: { [counterPath(slot, orgId)]: _.inc(-1), [holdPath(slot, tag)]: GIVEN_BACK } });
  return updatedCount(res) === 1;
}

/**
 * Undoes a tagged place change whose order was never written (the timer was killed between the two writes): the
 * place goes back to `fromOrg` from where the tag says it went, and the tag goes, in one update conditional on the
 * tag, so it is undone once.
 */
export async function undoTaggedPlace(
  itemId: string,
  slot: string,
  fromOrg: string,
  tag: string,
  recorded: string,
): Promise<boolean> {
  const data: AnyObject = { [counterPath(slot, fromOrg)]: _.inc(1), [holdPath(slot, tag)]: _.remove() };
  if (recorded !== GIVEN_BACK) data[counterPath(slot, recorded)] = _.inc(-1);
  const res = await db
    .collection(ITEMS)
    .where({ _id: itemId, [holdPath(slot, tag)]: recorded })
    .update({ data });
  return updatedCount(res) === 1;
}

/** Undoes counter changes exactly (relative, unconditional): used only to roll back this call's own moves. */
export async function adjustPlaces(
  itemId: string,
  slot: string,
  deltas: Record<string, number>,
): Promise<void> {
  const data: AnyObject = {};
  for (const [orgId, delta] of Object.entries(deltas))
    if (delta !== 0) data[counterPath(slot, orgId)] = _.inc(delta);
  if (Object.keys(data).length > 0) await db.collection(ITEMS).doc(itemId).update({ data });
}

/**
 * Timer `rematch` (every 5 minutes): the service desk that never sleeps.
 * 1. Orders whose organization let the acceptance deadline pass lose it and are re-matched (its place moves
 *    to the next organization), or go to the admin when none can take them or they lapsed too often.
 * 2. Orders waiting for a provider are matched together by the engine (production solver) on the places left.
 * 3. Orders close to their half day and still not accepted are escalated to the community admin.
 * 4. Staff are told about new work orders (one message per person per run); admins about escalations. The
 *    orders are marked told first, so a run killed half-way never tells anyone twice.
 * 5. Each organization's rating and open load are refreshed for scoring (its credit is the projects capability's,
 *    read from the streets' pools with the organizations).
 * No user waits on it, so it is not held to the three-round-trip budget; every write is conditional, so it can
 * run alongside residents, staff and admins (and itself) without double-booking anything — and its writes run
 * {@link TIMER_CONCURRENCY} at a time (at 20 ms a round trip, a thousand one after another would pass its 20 s).
 * It works on the soonest `rematchBatch` open orders; the rest are the next run's (five minutes later), and a run
 * killed half-way leaves each order either written or not, for the next run to pick up.
 */
import { _, db } from '../../common/cloud';
import { countLimited, mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows, updatedCount } from '../../common/db';
import { USERS, type UserDoc } from '../../common/directory/users';
import { SERVICES_LIMITS } from '../contract';
import { SYSTEM } from '../domain/access';
import { buildMatchingInput, orgOfPair } from '../domain/matchInput';
import { matchOrders } from '../domain/matching/solve';
import { acceptDeadlineFor, transition } from '../domain/orders';
import { heldIn } from '../domain/menu';
import { tellAdmin, tellStaff } from '../notices';
import { creditsOf } from '../steps/credits';
import { rematchOne } from '../steps/rematch';
import {
  ITEMS,
  ORDERS,
  ORG_STATS,
  type ItemDoc,
  type OrderDoc,
  type OrgStatsDoc,
  type PoolCreditRow,
} from '../documents';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';
import { GIVEN_BACK, releasePlace, reservePlace, undoTaggedPlace, writeOrder } from '../store';

/** What one run did, for the logs. */
export interface RematchSummary {
  expired: number;
  moved: number;
  matched: number;
  escalated: number;
  staffTold: number;
  adminsTold: number;
}

function bump(item: ItemDoc | undefined, slot: string, orgId: string, delta: number): void {
  if (!item) return;
  item.slots[slot] ??= {};
  item.slots[slot][orgId] = (item.slots[slot][orgId] ?? 0) + delta;
}

/** What one run works on: the open orders (as they are after each step), their items, organizations and stats. */
interface Work {
  now: Date;
  open: OrderDoc[];
  byId: Map<string, OrderDoc>;
  items: Map<string, ItemDoc>;
  orgs: OrgRef[];
  stats: Map<string, OrgStatsDoc>;
  credits: PoolCreditRow[];
  summary: RematchSummary;
}

/**
 * Step 0 — the open orders (soonest first, one batch) with their items, organizations and those's stats and
 * pool entries (credit).
 */
async function readOpenWork(now: Date): Promise<Work> {
  const open = rows<OrderDoc>(
    await db
      .collection(ORDERS)
      .where({ status: _.in(['submitted', 'matched']) })
      .orderBy('slotStart', 'asc')
      .limit(SERVICES_LIMITS.rematchBatch)
      .get(),
  );
  const itemIds = [...new Set(open.map((o) => o.itemId))];
  const items = new Map(
    rows<ItemDoc>(
      await db
        .collection(ITEMS)
        .where({ _id: _.in(itemIds) })
        .limit(1000)
        .field({ history: false })
        .get(),
    ).map((i) => [i._id, i]),
  );
  const orgIds = [...new Set([...items.values()].flatMap((i) => i.orgIds))];
  const orgs = rows<OrgRef>(
    await db
      .collection(ORGANIZATIONS)
      .where({ _id: _.in(orgIds) })
      .limit(1000)
      .get(),
  );
  const [statRows, credits] = await Promise.all([
    db
      .collection(ORG_STATS)
      .where({ _id: _.in(orgIds) })
      .limit(1000)
      .get(),
    creditsOf(orgIds),
  ]);
  const stats = new Map(rows<OrgStatsDoc>(statRows).map((s) => [s._id, s]));
  const summary = { expired: 0, moved: 0, matched: 0, escalated: 0, staffTold: 0, adminsTold: 0 };
  return { now, open, byId: new Map(open.map((o) => [o._id, o])), items, orgs, stats, credits, summary };
}

/** Step 1 — lapsed acceptance deadlines: the order moves on to the next organization, or back to the admin. */
async function expireLapsed(w: Work): Promise<void> {
  const { now, orgs, stats, credits } = w;
  const lapsed = w.open.filter(
    (o) => o.status === 'matched' && o.acceptDeadline && new Date(o.acceptDeadline) <= now,
  );
  await mapLimited(lapsed, TIMER_CONCURRENCY, async (order) => {
    const released = transition(order, { kind: 'expire' }, SYSTEM, now).order;
    const item = w.items.get(order.itemId);
    const tag = matchTag(order);
    // A run killed after moving (or giving back) this order's place and before writing the order: undo it first.
    const recorded = item && heldIn(item, order.slot, tag);
    if (item && recorded && (await undoTaggedPlace(item._id, order.slot, order.orgId!, tag, recorded))) {
      bump(item, order.slot, order.orgId!, 1);
      if (recorded !== GIVEN_BACK) bump(item, order.slot, recorded, -1);
    }
    const next = await rematchOne(order, released, { item, orgs, stats, credits }, now, tag);
    if (!next) return;
    w.summary.expired++;
    bump(item, order.slot, order.orgId!, -1);
    if (next.orgId) {
      bump(item, order.slot, next.orgId, 1);
      w.summary.moved++;
    }
    w.byId.set(order._id, next);
  });
}

/** The completed services of these people (their history, for the engine's continuity score). */
async function historyOf(
  beneficiaryIds: string[],
): Promise<{ beneficiaryId: string; orgId: string; itemId: string }[]> {
  return rows<{ beneficiaryId: string; orgId?: string; itemId: string }>(
    await db
      .collection(ORDERS)
      .where({ beneficiaryId: _.in(beneficiaryIds), status: _.in(['completed', 'confirmed']) })
      .orderBy('completedAt', 'desc')
      .limit(1000)
      .field({ beneficiaryId: true, orgId: true, itemId: true })
      .get(),
  ).filter((h): h is { beneficiaryId: string; orgId: string; itemId: string } => Boolean(h.orgId));
}

/**
 * The tag a place change made for an order carries (`holds.<slot>.<tag>`): the order and how far its timeline
 * is, so it names this one attempt — once the order is written its timeline grows and the tag names nothing.
 */
function matchTag(order: OrderDoc): string {
  return `rm-${order._id}-${order.timeline.length}`;
}

/**
 * Step 2 — orders waiting for a provider, matched together by the engine on the places left. Each match is two
 * writes (the place, tagged; then the order), so a run killed between them is put right by the next one.
 */
async function matchWaiting(w: Work): Promise<void> {
  const { now, items, orgs, stats, credits } = w;
  const waiting = [...w.byId.values()].filter(
    (o) =>
      o.status === 'submitted' &&
      o.rematchCount <= SERVICES_LIMITS.maxRematches &&
      new Date(o.slotStart).getTime() > now.getTime() + 30 * 60_000,
  );
  if (waiting.length === 0) return;
  // A run killed between taking a place and writing its order left that place tagged for the order as it still
  // is (same timeline): give it back first, once (the release is conditional on the tag), then match as usual.
  await mapLimited(waiting, TIMER_CONCURRENCY, async (o) => {
    const item = items.get(o.itemId);
    const orgId = item && heldIn(item, o.slot, matchTag(o));
    if (item && orgId && (await releasePlace(item._id, o.slot, orgId, matchTag(o))))
      bump(item, o.slot, orgId, -1);
  });
  const history = await historyOf([...new Set(waiting.map((o) => o.beneficiaryId))]);
  const result = matchOrders(buildMatchingInput({ orders: waiting, items, orgs, stats, history, credits }));
  await mapLimited(result.assignments, TIMER_CONCURRENCY, async (a) => {
    const order = w.byId.get(a.orderId)!;
    const item = items.get(order.itemId);
    const org = orgs.find((o) => o._id === orgOfPair(a.providerId));
    const tag = matchTag(order);
    if (!item || !org || !(await reservePlace(item, order.slot, org._id, order.communityId, tag))) return;
    const deadline = acceptDeadlineFor(now, new Date(order.slotStart), SERVICES_LIMITS.acceptSlaMinutes);
    const next = transition(
      order,
      { kind: 'match', orgId: org._id, orgName: org.name, acceptDeadline: deadline },
      SYSTEM,
      now,
    ).order;
    if (!(await writeOrder(order, next))) {
      await releasePlace(item._id, order.slot, org._id, tag);
      return;
    }
    bump(item, order.slot, org._id, 1);
    w.byId.set(order._id, next);
    w.summary.matched++;
  });
}

/** Step 3 — close to the half day and still nobody: the admin takes over. */
async function escalateNearSlots(w: Work): Promise<void> {
  const soon = w.now.getTime() + SERVICES_LIMITS.escalateBeforeSlotMinutes * 60_000;
  const near = [...w.byId.values()].filter(
    (o) =>
      !o.escalatedAt &&
      ['submitted', 'matched'].includes(o.status) &&
      new Date(o.slotStart).getTime() <= soon,
  );
  w.summary.escalated += await countLimited(near, TIMER_CONCURRENCY, (order) => {
    const reason =
      order.status === 'matched' ? '临近服务时间，机构还没有接单' : '临近服务时间，还没有机构接单';
    const next = transition(order, { kind: 'escalate', reason }, SYSTEM, w.now).order;
    return writeOrder(order, next, order.orgId ? { orgId: order.orgId } : {});
  });
}

/** One run: the steps in order (each sees what the one before changed), then the messages and the stats. */
export async function rematch(now: Date): Promise<RematchSummary> {
  const w = await readOpenWork(now);
  await expireLapsed(w);
  await matchWaiting(w);
  await escalateNearSlots(w);
  w.summary.staffTold = await tellStaffAboutNewWork(w.orgs);
  w.summary.adminsTold = await tellAdminsAboutEscalations();
  await refreshOrgStats(
    w.orgs.map((o) => o._id),
    now,
  );
  return w.summary;
}

/** One message per member of staff per run, for orders matched to their organization since the last one. */
async function tellStaffAboutNewWork(known: readonly OrgRef[]): Promise<number> {
  const fresh = rows<Pick<OrderDoc, '_id' | 'orgId'>>(
    await db
      .collection(ORDERS)
      .where({ status: 'matched', staffNotified: false })
      .limit(1000)
      .field({ orgId: true })
      .get(),
  );
  if (fresh.length === 0) return 0;
  const perOrg = new Map<string, number>();
  for (const o of fresh) if (o.orgId) perOrg.set(o.orgId, (perOrg.get(o.orgId) ?? 0) + 1);
  const staff = rows<UserDoc>(
    await db
      .collection(USERS)
      .where({ 'roles.orgId': _.in([...perOrg.keys()]) })
      .limit(1000)
      .field({ openid: true, roles: true })
      .get(),
  );
  const messages = staff.flatMap((person) =>
    person.roles
      .filter((g) => g.role === 'provider' && g.orgId && perOrg.has(g.orgId))
      .map((g) => ({ openid: person.openid, orgId: g.orgId! })),
  );
  // Marked before telling: a run killed in between loses this round's messages, never sends them twice.
  const marked = await db
    .collection(ORDERS)
    .where({ _id: _.in(fresh.map((o) => o._id)), staffNotified: false })
    .update({ data: { staffNotified: true } });
  if (updatedCount(marked) === 0) return 0;
  return countLimited(messages, TIMER_CONCURRENCY, ({ openid, orgId }) =>
    tellStaff(openid, known.find((o) => o._id === orgId)?.name ?? '本机构', perOrg.get(orgId)!),
  );
}

/** Each escalated order to the admins of the most local level that has any (community, else street, ...). */
async function tellAdminsAboutEscalations(): Promise<number> {
  const escalated = rows<OrderDoc>(
    await db
      .collection(ORDERS)
      .where({ escalatedAt: _.exists(true), adminNotified: false })
      .limit(200)
      .field({ timeline: false })
      .get(),
  );
  if (escalated.length === 0) return 0;
  const places = [...new Set(escalated.flatMap((o) => o.placePath))];
  const admins = rows<UserDoc>(
    await db
      .collection(USERS)
      .where({ 'roles.scopeId': _.in(places) })
      .limit(1000)
      .field({ openid: true, roles: true })
      .get(),
  );
  const messages = escalated.flatMap((order) => {
    for (const placeId of [...order.placePath].reverse()) {
      const here = admins.filter((a) => a.roles.some((g) => g.role === 'admin' && g.scopeId === placeId));
      if (here.length > 0) return here.map((a) => ({ openid: a.openid, order }));
    }
    return [];
  });
  // Marked before telling, as above: at most one message per order and admin.
  const marked = await db
    .collection(ORDERS)
    .where({ _id: _.in(escalated.map((o) => o._id)), adminNotified: false })
    .update({ data: { adminNotified: true } });
  if (updatedCount(marked) === 0) return 0;
  return countLimited(messages, TIMER_CONCURRENCY, ({ openid, order }) =>
    tellAdmin(openid, order, order.escalationReason ?? '需要人工处理'),
  );
}

/** Average rating and open orders per organization, for the matching score. */
async function refreshOrgStats(orgIds: string[], now: Date): Promise<void> {
  if (orgIds.length === 0) return;
  const $ = _.aggregate;
  const { list } = (await db
    .collection(ORDERS)
    .aggregate()
    .match({ orgId: _.in(orgIds) })
    .group({
      _id: '$orgId',
      ratingSum: $.sum($.ifNull(['$survey.rating', 0])),
      rated: $.sum($.cond({ if: $.gt([$.ifNull(['$survey.rating', 0]), 0]), then: 1, else: 0 })),
      open: $.sum($.cond({ if: $.in(['$status', ['matched', 'accepted', 'in_service']]), then: 1, else: 0 })),
    })
    .limit(1000)
    .end()) as { list: { _id: string; ratingSum: number; rated: number; open: number }[] };
  await mapLimited(list, TIMER_CONCURRENCY, async (row) => {
    const doc: Omit<OrgStatsDoc, '_id'> = {
      ...(row.rated > 0 ? { avgRating: Math.round((row.ratingSum / row.rated) * 100) / 100 } : {}),
      openOrders: row.open,
      updatedAt: now,
    };
    await db.collection(ORG_STATS).doc(row._id).set({ data: doc });
  });
}

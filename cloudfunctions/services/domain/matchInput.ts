/**
 * From documents to the matching engine and back. Capacity is per (organization, item, slot), so each
 * organization offering an item is one engine provider `orgId|itemId` whose only "category" is that item and
 * whose slot capacity is what is left of it (net of every order already holding a place). Continuity counts
 * the organization: a resident served by it before scores full for the same item, half for another of its items.
 * Credit (信用值) is the organization's in the street of each community the provider covers (a street's pool
 * entry, read in the same aggregation as the organizations, so it costs no round trip); none there is neutral.
 */
import { matchOrders } from './matching/solve';
import { scoreAssignment } from './matching/score';
import type { MatchOrder, MatchProvider, MatchingInput, ServiceHistoryEntry } from './matching/types';
import { coveringOrgs, taken } from './menu';
import { communityCentre, orgBase } from './places';
import type { ItemDoc, OrderDoc, OrgStatsDoc, PoolCreditRow } from '../documents';
import type { OrgRef } from '../../common/directory/orgs';

/** An open order as matching needs it. */
export type OpenOrder = Pick<
  OrderDoc,
  '_id' | 'itemId' | 'communityId' | 'slot' | 'beneficiaryId' | 'excludedOrgIds' | 'placePath'
>;

/** A past service: who served whom with what. */
export interface PastService {
  beneficiaryId: string;
  orgId: string;
  itemId: string;
}

/** Everything read from the database for one matching run. */
export interface MatchingDocs {
  orders: readonly OpenOrder[];
  items: ReadonlyMap<string, ItemDoc>;
  orgs: readonly OrgRef[];
  stats?: ReadonlyMap<string, Pick<OrgStatsDoc, 'avgRating' | 'openOrders'>>;
  history?: readonly PastService[];
  /** The organizations' pool entries (any street): their credit where the orders' streets have one. */
  credits?: readonly PoolCreditRow[];
}

/** The engine provider id of an organization offering an item. */
export function pairId(orgId: string, itemId: string): string {
  return `${orgId}|${itemId}`;
}

/** The organization of an engine provider id. */
export function orgOfPair(pair: string): string {
  return pair.slice(0, pair.indexOf('|'));
}

/** Builds the engine's input: one provider per (organization, item), capacity left per slot. */
export function buildMatchingInput(docs: MatchingDocs): MatchingInput {
  const slotsByItem = new Map<string, Set<string>>();
  for (const o of docs.orders) {
    if (!slotsByItem.has(o.itemId)) slotsByItem.set(o.itemId, new Set());
    slotsByItem.get(o.itemId)!.add(o.slot);
  }
  const creditOf = creditLookup(docs);
  const providers: MatchProvider[] = [];
  const pairsByOrg = new Map<string, string[]>();
  for (const [itemId, slots] of slotsByItem) {
    const item = docs.items.get(itemId);
    if (!item || item.status !== 'approved') continue;
    for (const org of docs.orgs) {
      if (!item.orgIds.includes(org._id) || !org.active) continue;
      const communities = item.communityIds.filter((c) => org.communityIds.includes(c));
      if (communities.length === 0) continue;
      const slotCapacity: Record<string, number> = {};
      for (const slot of slots)
        slotCapacity[slot] = Math.max(0, item.capacityPerSlot - taken(item, slot, org._id));
      const id = pairId(org._id, itemId);
      const stats = docs.stats?.get(org._id);
      const credit = creditOf(org._id, communities);
      providers.push({
        id,
        categories: [itemId],
        // The organization's own lines (as registered) are a better fit than something it also does.
        specialties: org.services.includes(item.category) ? [itemId] : [],
        communities,
        // Items are only offered where the organization is contracted, so coverage is always "home" here.
        homeCommunities: communities,
        location: orgBase(org.communityIds),
        ...(stats?.avgRating !== undefined ? { rating: stats.avgRating } : {}),
        ...(credit ? { credit } : {}),
        currentLoad: stats?.openOrders ?? 0,
        slotCapacity,
        defaultSlotCapacity: 0,
      });
      pairsByOrg.set(org._id, [...(pairsByOrg.get(org._id) ?? []), id]);
    }
  }
  const orders: MatchOrder[] = docs.orders.map((o) => ({
    id: o._id,
    category: o.itemId,
    communityId: o.communityId,
    location: communityCentre(o.communityId),
    slot: o.slot,
    residentId: o.beneficiaryId,
    ...(o.excludedOrgIds.length > 0
      ? { excludeProviders: o.excludedOrgIds.map((org) => pairId(org, o.itemId)) }
      : {}),
  }));
  const history: ServiceHistoryEntry[] = [];
  for (const past of docs.history ?? []) {
    for (const pair of pairsByOrg.get(past.orgId) ?? []) {
      history.push({ residentId: past.beneficiaryId, providerId: pair, category: past.itemId });
    }
  }
  return { orders, providers, history };
}

/**
 * An organization's credit by community, for the communities given whose street (known from the orders there:
 * the place before the community in their path) has a credit value for it; undefined when none has.
 */
function creditLookup(
  docs: MatchingDocs,
): (orgId: string, communities: readonly string[]) => Record<string, number> | undefined {
  const credits = new Map<string, number>();
  for (const row of docs.credits ?? [])
    if (typeof row.credit === 'number') credits.set(`${row.orgId}\u0000${row.streetId}`, row.credit);
  if (credits.size === 0) return () => undefined;
  const streetOf = new Map<string, string>();
  for (const o of docs.orders) {
    const street = o.placePath[o.placePath.indexOf(o.communityId) - 1];
    if (street !== undefined) streetOf.set(o.communityId, street);
  }
  return (orgId, communities) => {
    let found: Record<string, number> | undefined;
    for (const community of communities) {
      const street = streetOf.get(community);
      const credit = street === undefined ? undefined : credits.get(`${orgId}\u0000${street}`);
      if (credit !== undefined) (found ??= {})[community] = credit;
    }
    return found;
  };
}

/** One order's matching outcome: organizations to try in order (best first), empty when none can take it. */
export function preferenceFor(docs: MatchingDocs, orderId: string): string[] {
  const input = buildMatchingInput(docs);
  const order = input.orders.find((o) => o.id === orderId);
  if (!order) return [];
  const result = matchOrders({ ...input, orders: [order] });
  const first = result.assignments[0]?.providerId;
  if (!first) return [];
  // Fallbacks, for when the first choice fills up between reading and reserving.
  const others = input.providers
    .filter(
      (p) =>
        p.id !== first && p.categories.includes(order.category) && p.communities.includes(order.communityId),
    )
    .filter((p) => !order.excludeProviders?.includes(p.id) && (p.slotCapacity?.[order.slot] ?? 0) > 0)
    .map((p) => ({ id: p.id, score: scoreAssignment(order, p, input.history) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .map((p) => p.id);
  return [first, ...others].map(orgOfPair);
}

/** Organizations of an item that could take an order in a slot (active, covering, with a place left). */
export function orgsWithRoom(
  item: ItemDoc,
  orgs: readonly OrgRef[],
  communityId: string,
  slot: string,
): OrgRef[] {
  return coveringOrgs(item, orgs, communityId).filter((o) => taken(item, slot, o._id) < item.capacityPerSlot);
}

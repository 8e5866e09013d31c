/**
 * Small hand-made inputs for the matching tests: engine orders and providers at one home point, and the menu item
 * and organization documents matching is built from.
 */
import type { OrgRef } from '../../../cloudfunctions/common/directory/orgs';
import type { ItemDoc } from '../../../cloudfunctions/services/documents';
import type {
  GeoPoint,
  MatchOrder,
  MatchProvider,
} from '../../../cloudfunctions/services/domain/matching/types';

/** Where the hand-made orders and providers are. */
export const HOME: GeoPoint = { lat: 31.95, lng: 118.84 };
/** A point `km` east of HOME. */
export const east = (km: number): GeoPoint => ({
  lat: HOME.lat,
  lng: HOME.lng + km / (111.32 * Math.cos((HOME.lat * Math.PI) / 180)),
});

/** An order for 助餐 in c1 at HOME. */
export function order(id: string, over: Partial<MatchOrder> = {}): MatchOrder {
  return {
    id,
    category: '助餐',
    communityId: 'c1',
    location: HOME,
    slot: 'mon/am',
    residentId: `r-${id}`,
    ...over,
  };
}

/** A provider of 助餐 in c1 at HOME, rated 4, one place in every slot. */
export function provider(id: string, over: Partial<MatchProvider> = {}): MatchProvider {
  return {
    id,
    categories: ['助餐'],
    communities: ['c1'],
    location: HOME,
    rating: 4,
    currentLoad: 0,
    defaultSlotCapacity: 1,
    ...over,
  };
}

/** When the documents were made. */
export const now = new Date('2026-06-01T02:00:00Z');

/** An approved item in c1–c3 (no organizations unless given). */
export function item(id: string, over: Partial<ItemDoc> = {}): ItemDoc {
  return {
    _id: id,
    name: id,
    category: '助浴',
    categoryRank: 1,
    description: '',
    unit: '次',
    priceType: 'free',
    priceFen: 0,
    eligibility: [],
    orgIds: [],
    orgNames: [],
    communityIds: ['c1', 'c2', 'c3'],
    capacityPerSlot: 1,
    durationMinutes: 60,
    status: 'approved',
    scopeId: 's',
    scopePath: ['s'],
    slots: {},
    proposedBy: { id: 'x', name: 'x', role: 'provider' },
    history: [],
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

/** An active organization offering 助浴. */
export const org = (id: string, communityIds: string[], over: Partial<OrgRef> = {}): OrgRef => ({
  _id: id,
  name: id,
  services: ['助浴'],
  communityIds,
  scopeId: 's',
  scopePath: ['s'],
  active: true,
  ...over,
});

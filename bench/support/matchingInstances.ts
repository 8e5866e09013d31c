// Seeded random matching instances shaped like 江宁区: a ~30 km box, ~70 communities grouped around ~10 street
// offices, providers based near a street and covering the 3–15 communities nearest to them, skewed demand
// (a few old communities order most; 助餐 dominates; weekday mornings are busiest), slots over a week, and
// capacity just tight enough that providers compete. Used by the benchmark and by the tests.

import type {
  GeoPoint,
  MatchOrder,
  MatchProvider,
  MatchStaff,
  MatchingInput,
  ServiceHistoryEntry,
  SlotKey,
} from '../../cloudfunctions/services/domain/matching/types';

/** The seven categories of the community service menu with their share of demand. */
export const CATEGORY_DEMAND: Readonly<Record<string, number>> = {
  助餐: 0.32,
  助洁: 0.18,
  助行: 0.12,
  助浴: 0.1,
  助医: 0.1,
  康复护理: 0.1,
  心理慰藉: 0.08,
};

/** What to generate; everything but the sizes and seed has a realistic default. */
export interface InstanceSpec {
  orders: number;
  providers: number;
  seed: number;
  /** Communities (default 70). */
  communities?: number;
  /** Street offices the communities group around (default 10). */
  streets?: number;
  /** Days of slots (default 7) and periods per day (default am, pm). */
  days?: number;
  periods?: readonly string[];
  /** Total capacity ÷ total demand (default 1.3: enough in sum, short where demand concentrates). */
  capacityFactor?: number;
  /** Share of providers that model their staff (default 0.5). */
  staffShare?: number;
  /** Share of residents with a past service on record (default 0.4). */
  historyShare?: number;
  /**
   * Share of (provider, street) pairs with a credit value (信用值) for the provider's communities in that street
   * (default 0: no credit anywhere, the instance exactly as before credit existed). Drawn from a PRNG of its own
   * after everything else, so the rest of the instance is the same whatever this is.
   */
  creditShare?: number;
}

/** A small, fast PRNG (mulberry32): the same seed gives the same instance on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The district's centre (江宁 roughly) and half the box side in km. */
const CENTRE: GeoPoint = { lat: 31.95, lng: 118.84 };
const HALF_BOX_KM = 15;
const KM_PER_DEG_LAT = 111.32;
const KM_PER_DEG_LNG = KM_PER_DEG_LAT * Math.cos((CENTRE.lat * Math.PI) / 180);

/** Generates one instance. Ids are zero-padded so that id order is creation order. */
export function generateMatchingInstance(spec: InstanceSpec): MatchingInput {
  const rnd = mulberry32(spec.seed);
  const normal = (): number => {
    // Box–Muller; 1 − u keeps log() away from 0.
    const u = 1 - rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const weighted = (weights: readonly number[]): number => {
    const total = weights.reduce((s, w) => s + w, 0);
    let r = rnd() * total;
    for (let k = 0; k < weights.length; k++) if ((r -= weights[k]) < 0) return k;
    return weights.length - 1;
  };
  const near = (p: GeoPoint, sigmaKm: number): GeoPoint => ({
    lat: clamp(p.lat + (normal() * sigmaKm) / KM_PER_DEG_LAT, CENTRE.lat, HALF_BOX_KM / KM_PER_DEG_LAT),
    lng: clamp(p.lng + (normal() * sigmaKm) / KM_PER_DEG_LNG, CENTRE.lng, HALF_BOX_KM / KM_PER_DEG_LNG),
  });
  const poisson = (mean: number): number => {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let prod = rnd(); prod > limit; prod *= rnd()) k++;
    return k;
  };

  const communityCount = spec.communities ?? 70;
  const streetCount = spec.streets ?? 10;
  const days = spec.days ?? 7;
  const periods = spec.periods ?? ['am', 'pm'];
  const capacityFactor = spec.capacityFactor ?? 1.3;
  const staffShare = spec.staffShare ?? 0.5;
  const historyShare = spec.historyShare ?? 0.4;
  const categories = Object.keys(CATEGORY_DEMAND);
  const categoryWeights = categories.map((c) => CATEGORY_DEMAND[c]);

  const streets = Array.from({ length: streetCount }, () => near(CENTRE, HALF_BOX_KM * 0.6));
  const communities = Array.from({ length: communityCount }, (_, k) => ({
    id: `c-${pad(k, 3)}`,
    location: near(streets[k % streetCount], 2.5),
    // Log-normal demand: old communities with many elders order several times more than new ones.
    demand: Math.exp(normal() * 0.8),
  }));

  const slots: SlotKey[] = [];
  const slotWeights: number[] = [];
  for (let d = 0; d < days; d++) {
    periods.forEach((period, k) => {
      slots.push(`2025-06-${pad(2 + d, 2)}/${period}`);
      const weekend = d % 7 >= 5;
      slotWeights.push(weekend ? 0.6 : k === 0 ? 1.5 : 1);
    });
  }
  const meanCapacity = (capacityFactor * spec.orders) / Math.max(1, spec.providers * slots.length);

  const providers: MatchProvider[] = [];
  for (let k = 0; k < spec.providers; k++) {
    const id = `p-${pad(k, 4)}`;
    const location = near(pick(streets), 2);
    const coverCount = Math.min(communityCount, int(3, 15));
    const covered = communities
      .map((c) => ({ id: c.id, d: distanceKm(location, c.location) * (0.8 + 0.4 * rnd()) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, coverCount)
      .map((c) => c.id);
    const offered: string[] = [];
    const remaining = [...categoryWeights];
    for (let n = int(1, 4); n > 0; n--) {
      const c = weighted(remaining);
      offered.push(categories[c]);
      remaining[c] = 0;
    }
    const qualifications: string[] = [];
    if (offered.includes('康复护理') && rnd() < 0.6) qualifications.push('certified:康复护理');
    if (offered.includes('助医') && rnd() < 0.5) qualifications.push('certified:助医');
    // Organisations differ in size: log-normal multiplier with mean ≈ 1.
    const size = Math.exp(normal() * 0.5 - 0.125);
    const provider: MatchProvider = {
      id,
      categories: offered,
      specialties: offered.slice(0, rnd() < 0.3 ? 2 : 1),
      communities: covered,
      homeCommunities: covered.slice(0, int(1, 3)),
      qualifications,
      location,
      currentLoad: int(0, 40),
    };
    if (rnd() >= 0.1) provider.rating = Math.round(Math.min(5, Math.max(0, 4.2 + normal() * 0.5)) * 10) / 10;
    if (rnd() < 0.4) {
      // A steady weekly capacity, closed on Sundays.
      provider.defaultSlotCapacity = Math.max(1, Math.round(meanCapacity * size));
      const closed: Record<SlotKey, number> = {};
      slots.forEach((slot, s) => {
        if (Math.floor(s / periods.length) % 7 === 6) closed[slot] = 0;
      });
      provider.slotCapacity = closed;
    } else {
      const perSlot: Record<SlotKey, number> = {};
      for (const slot of slots) perSlot[slot] = poisson(meanCapacity * size);
      provider.slotCapacity = perSlot;
    }
    if (rnd() < staffShare) {
      const staff: MatchStaff[] = [];
      for (let n = int(1, 6); n > 0; n--) {
        const works: Record<SlotKey, number> = {};
        for (const slot of slots) if (rnd() < 0.7) works[slot] = int(1, 3);
        staff.push({ id: `${id}-s${staff.length + 1}`, slots: works });
      }
      provider.staff = staff;
    }
    providers.push(provider);
  }

  const communityWeights = communities.map((c) => c.demand);
  const residentsPerCommunity = Math.max(1, Math.round((spec.orders * 0.7) / communityCount));
  const orders: MatchOrder[] = [];
  for (let k = 0; k < spec.orders; k++) {
    const community = communities[weighted(communityWeights)];
    const category = categories[weighted(categoryWeights)];
    const requires: string[] = [];
    if (category === '康复护理' && rnd() < 0.8) requires.push('certified:康复护理');
    if (category === '助医' && rnd() < 0.3) requires.push('certified:助医');
    orders.push({
      id: `o-${pad(k, 5)}`,
      category,
      communityId: community.id,
      location: near(community.location, 0.4),
      slot: slots[weighted(slotWeights)],
      residentId: `r-${community.id}-${pad(int(0, residentsPerCommunity - 1), 4)}`,
      ...(requires.length > 0 ? { requires } : {}),
    });
  }

  const history: ServiceHistoryEntry[] = [];
  const seen = new Set<string>();
  for (const order of orders) {
    if (seen.has(order.residentId)) continue;
    seen.add(order.residentId);
    if (rnd() >= historyShare) continue;
    const local = providers.filter((p) => p.communities.includes(order.communityId));
    if (local.length === 0) continue;
    const provider = pick(local);
    const category = provider.categories.includes(order.category)
      ? order.category
      : pick(provider.categories);
    const entry: ServiceHistoryEntry = { residentId: order.residentId, providerId: provider.id, category };
    if (provider.staff && provider.staff.length > 0) entry.staffId = pick(provider.staff).id;
    history.push(entry);
  }

  const creditShare = spec.creditShare ?? 0;
  if (creditShare > 0) {
    const streetOf = (communityId: string) => Number(communityId.slice(2)) % streetCount;
    const crnd = mulberry32(spec.seed ^ 0x5eed_c4ed);
    const cnormal = (): number => Math.sqrt(-2 * Math.log(1 - crnd())) * Math.cos(2 * Math.PI * crnd());
    for (const provider of providers) {
      const byStreet = new Map<number, number>();
      const credit: Record<string, number> = {};
      for (const community of provider.communities) {
        const street = streetOf(community);
        if (!byStreet.has(street)) {
          // Most organisations a little above the start value (80), a tail below the threshold (60).
          const value =
            crnd() < creditShare ? Math.round(Math.min(100, Math.max(0, 82 + cnormal() * 9)) * 10) / 10 : NaN;
          byStreet.set(street, value);
        }
        const value = byStreet.get(street)!;
        if (!Number.isNaN(value)) credit[community] = value;
      }
      if (Object.keys(credit).length > 0) provider.credit = credit;
    }
  }

  return { orders, providers, history };
}

function clamp(value: number, centre: number, half: number): number {
  return Math.min(centre + half, Math.max(centre - half, value));
}

function distanceKm(a: GeoPoint, b: GeoPoint): number {
  // Flat-earth is plenty for choosing nearby communities inside a 30 km box.
  return Math.hypot((a.lat - b.lat) * KM_PER_DEG_LAT, (a.lng - b.lng) * KM_PER_DEG_LNG);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

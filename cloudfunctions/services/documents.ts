/**
 * The services function's collections and the documents stored in them (pure types; store.ts reads and writes
 * them, shared data comes from common/directory). Money is in fen (integers); times are Dates; slot
 * keys are Beijing half days (`2026-06-02/am`, see domain/calendar).
 */
import type { GeoPointValue } from '../common/db';
import type {
  Category,
  CheckInDeparture,
  EligibilityTag,
  OrderStatus,
  PriceType,
  ResidentTemplate,
} from './contract';

/** Collection names. */
export const ITEMS = 'service_items';
export const ORDERS = 'service_orders';
export const WALLETS = 'service_wallets';
export const PROFILES = 'service_profiles';
export const POLICIES = 'service_voucher_policies';
export const CHECKIN_RULES = 'service_checkin_rules';
export const DEMANDS = 'service_demands';
export const ORG_STATS = 'service_org_stats';

/** Who did something, as the timeline and histories record it. */
export interface Actor {
  /** User id, or `system` for timers. */
  id: string;
  /** Display name at the time (a nickname; for residents it is shown masked). */
  name: string;
  role: 'resident' | 'family' | 'admin' | 'provider' | 'system';
}

/** A change to a menu item. */
export interface ItemEvent {
  kind: 'propose' | 'approve' | 'reject' | 'retire' | 'restore' | 'edit' | 'adopt';
  by: Actor;
  at: Date;
  note?: string;
}

/** Taken places per slot and organization: `slots['2026-06-02/am'][orgId] = 3`. */
export type SlotCounters = Record<string, Record<string, number>>;

/**
 * Who took a place, per slot, by the order's id: `holds['2026-06-02/am'][orderId] = orgId`. Written with the place
 * by placeOrder, so a replayed order takes no second place and finds the one its twin took; pruned with the slot.
 */
export type SlotHolds = Record<string, Record<string, string>>;

/** A menu item (服务项目). */
export interface ItemDoc {
  _id: string;
  name: string;
  category: Category;
  /** The category's place in the menu's order (CATEGORIES), so lists sort as residents read the menu. */
  categoryRank: number;
  description: string;
  unit: string;
  priceType: PriceType;
  priceFen: number;
  eligibility: EligibilityTag[];
  /** Organizations that deliver it (the proposer's, plus any the admin adds). */
  orgIds: string[];
  orgNames: string[];
  /** Communities where residents can order it. */
  communityIds: string[];
  /** Orders one organization takes per slot. */
  capacityPerSlot: number;
  durationMinutes: number;
  status: 'proposed' | 'approved' | 'rejected' | 'retired';
  /** The place whose admins approve and edit it, and its path. */
  scopeId: string;
  scopePath: string[];
  /** Places taken, per slot and organization; changed only by conditional single-document updates. */
  slots: SlotCounters;
  /** The tags of places taken by placeOrder (absent until the first order). */
  holds?: SlotHolds;
  proposedBy: Actor;
  /** Openid of the proposer, for the review message. */
  proposerOpenid?: string;
  demandId?: string;
  history: ItemEvent[];
  createdAt: Date;
  updatedAt: Date;
  /** The Beijing day pruneSlots last looked at this item (its cursor). */
  prunedOn?: string;
}

/** One line of an order's timeline. */
export interface TimelineEntry {
  event:
    | 'submitted'
    | 'matched'
    | 'accepted'
    | 'declined'
    | 'sla_expired'
    | 'unmatched'
    | 'escalated'
    | 'assigned'
    | 'checked_in'
    | 'completed'
    | 'confirmed'
    | 'cancelled';
  status: OrderStatus;
  at: Date;
  by: Actor;
  note?: string;
  orgName?: string;
  /** On a check-in outside its community's rule: how (the note holds the staff member's reason). */
  departures?: CheckInDeparture[];
}

/** How a subsidized order was paid. */
export interface Subsidy {
  status: 'none' | 'pending' | 'deducted' | 'self_pay';
  amountFen: number;
}

/** The satisfaction survey (回访) of a completed order. */
export interface Survey {
  rating: number;
  comment: string;
  complaint: boolean;
  by: 'resident' | 'phone';
  byId: string;
  at: Date;
}

/** An order (点菜) and, once accepted, the work order (工单). */
export interface OrderDoc {
  _id: string;
  itemId: string;
  itemName: string;
  category: Category;
  priceType: PriceType;
  priceFen: number;
  /** Who is served. */
  beneficiaryId: string;
  beneficiaryName: string;
  beneficiaryBirthYear?: number;
  /** Who ordered: the beneficiary, a linked family member, or an admin (代下单). */
  orderedBy: string;
  orderedByOpenid: string;
  via: 'self' | 'family' | 'admin';
  /** Template names the orderer agreed to at order time. */
  consent: ResidentTemplate[];
  communityId: string;
  communityName: string;
  /** The community's path (district → street → community), for admins' scopes. */
  placePath: string[];
  /**
   * Where the service is delivered, as a GeoJSON point under the 2dsphere index that orders staff's work orders by
   * distance. The place tree has no coordinates per home yet, so it is the community's centre (domain/places.ts).
   */
  point: GeoPointValue;
  /** Full contact details: only the assigned staff member sees them, and only after accepting. */
  address: string;
  phone: string;
  note: string;
  slot: string;
  /** When the slot starts (for deadlines and sorting). */
  slotStart: Date;
  status: OrderStatus;
  /** The organization the order is matched to (holds a place in its slot counter while set). */
  orgId?: string;
  orgName?: string;
  matchedAt?: Date;
  acceptDeadline?: Date;
  /** Organizations that declined or let the deadline pass: never matched again. */
  excludedOrgIds: string[];
  rematchCount: number;
  staffId?: string;
  staffName?: string;
  /** Whether the organization's staff were told about this match (the timer does it). */
  staffNotified: boolean;
  acceptedAt?: Date;
  checkIn?: {
    at: Date;
    latitude: number;
    longitude: number;
    /** From the service address (see domain/checkIn `serviceAddressPoint`). */
    distanceKm: number;
    /** Present only when the check-in was outside the rule; the admin's exception list reads it. */
    departures?: CheckInDeparture[];
    reason?: string;
  };
  checkOut?: { at: Date; notes: string; photos: string[]; latitude?: number; longitude?: number };
  completedAt?: Date;
  subsidy: Subsidy;
  survey?: Survey;
  escalatedAt?: Date;
  escalationReason?: string;
  adminNotified: boolean;
  cancelledAt?: Date;
  /**
   * `beneficiary|item|slot` while the order is live, so a unique index stops booking the same service twice
   * for the same half day; the order's own id once cancelled (unique too, and frees the slot for a new booking).
   */
  activeKey: string;
  timeline: TimelineEntry[];
  createdAt: Date;
  updatedAt: Date;
}

/** One line of a voucher ledger. */
export interface LedgerEntry {
  kind: 'grant' | 'deduct';
  amountFen: number;
  at: Date;
  orderId?: string;
  itemName?: string;
  by: string;
}

/** One person's voucher for one month, with its ledger. `_id` is `<userId>@<YYYY-MM>`. */
export interface WalletDoc {
  _id: string;
  userId: string;
  month: string;
  communityId: string;
  grantedFen: number;
  balanceFen: number;
  /** Orders already charged (makes a deduction idempotent in the same atomic update). */
  orderIds: string[];
  ledger: LedgerEntry[];
  createdAt: Date;
}

/** What the services capability knows about a person beyond their account: set by admins after checking. */
export interface ProfileDoc {
  _id: string;
  disabled: boolean;
  lowIncome: boolean;
  communityId?: string;
  setBy: string;
  updatedAt: Date;
}

/** A community's voucher policy. `_id` is the community id. */
export interface PolicyDoc {
  _id: string;
  monthlyFen: number;
  eligibility: EligibilityTag[];
  setBy: string;
  updatedAt: Date;
}

/**
 * A community's own check-in rule (absent: the defaults in SERVICES_LIMITS). `_id` is the community id. Kept
 * apart from the voucher policy, which its action replaces whole and the monthly timer reads as a list.
 */
export interface CheckInRuleDoc {
  _id: string;
  earlyMinutes: number;
  lateMinutes: number;
  radiusM: number;
  setBy: string;
  updatedAt: Date;
}

/** One resident's request in a demand. */
export interface DemandRequest {
  userId: string;
  text: string;
  at: Date;
}

/** A line of the demand list: every request for one category in one community. */
export interface DemandDoc {
  _id: string;
  communityId: string;
  communityName: string;
  placePath: string[];
  category: string;
  count: number;
  requesterIds: string[];
  requesterOpenids: string[];
  requests: DemandRequest[];
  status: 'open' | 'adopted';
  itemId?: string;
  adoptedBy?: string;
  adoptedAt?: Date;
  createdAt: Date;
  lastAt: Date;
}

/** Figures of one organization the re-matching timer refreshes, for scoring. `_id` is the org id. */
export interface OrgStatsDoc {
  _id: string;
  avgRating?: number;
  openOrders: number;
  updatedAt: Date;
}

/**
 * The projects capability's qualified pool (`project_pool`, one entry per street and organization), read — never
 * written — for the credit value (信用值) matching weighs, in a shape of our own: a capability never imports
 * another's code, only reads its stored fields. Every status counts (a suspended organization keeps its low
 * credit and the malus that comes with it; see CREDIT_WEIGHT in domain/matching/score.ts).
 */
export const POOL_CREDITS = 'project_pool';

/** A pool entry as matching reads it: the organization's credit in one street. */
export interface PoolCreditRow {
  orgId: string;
  streetId: string;
  credit?: number;
}

/** The fields matching reads of a pool entry (nothing of the application, its contacts or documents). */
export const POOL_CREDIT_FIELDS = { orgId: true, streetId: true, credit: true } as const;

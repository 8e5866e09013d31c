/**
 * The `services` function's contract (百姓点菜、政府定菜、社会组织做菜): its limits, one strict zod schema per
 * action, and the views replies carry. The mini program imports this file with `import type` only.
 */
import * as z from 'zod';
import { PERIODS, type Period } from '../../miniprogram/shared/calendar';
import { CATEGORIES, type Category } from '../../miniprogram/shared/choices';
import { PERSON_LIMITS, SERVICES_LIMITS } from '../../miniprogram/shared/limits';
import { fileId, id, idempotencyKey, line, location, phone, text, type Page } from '../common/schemas';

/** Limits of the services capability (miniprogram/shared/limits.ts, shared with the mini program's forms). */
export { SERVICES_LIMITS };

/** The menu's categories (miniprogram/shared/choices.ts). */
export { CATEGORIES, type Category };

/** Who may order an item: any one of these (none: every resident). */
export const ELIGIBILITY = ['age80', 'disabled', 'lowIncome'] as const;
/** One eligibility condition. */
export type EligibilityTag = (typeof ELIGIBILITY)[number];

/** How an item is paid: free, by the monthly voucher (补贴券), or a low fee paid to the provider. */
export const PRICE_TYPES = ['free', 'voucher', 'lowcost'] as const;
/** A price type. */
export type PriceType = (typeof PRICE_TYPES)[number];

/** Half-day periods of the service calendar (the one calendar's: miniprogram/shared/calendar.ts). */
export { PERIODS, type Period };

/** Subscription message templates a resident can agree to at order time. */
export const RESIDENT_TEMPLATES = ['ORDER_STATUS', 'SERVICE_SURVEY'] as const;
/** A template a resident agreed to. */
export type ResidentTemplate = (typeof RESIDENT_TEMPLATES)[number];

/** How a check-in departs from its community's rule: before the window, after it, outside the radius. */
export const CHECK_IN_DEPARTURES = ['early', 'late', 'far'] as const;
/** One departure from the check-in rule. */
export type CheckInDeparture = (typeof CHECK_IN_DEPARTURES)[number];

/** Order states. */
export const ORDER_STATUSES = [
  'submitted',
  'matched',
  'accepted',
  'in_service',
  'completed',
  'confirmed',
  'cancelled',
] as const;
/** An order state. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const category = z.enum(CATEGORIES);
const eligibility = z.array(z.enum(ELIGIBILITY)).max(ELIGIBILITY.length).default([]);
/** Yuan with at most two decimals, stored as fen. */
const yuan = (max: number) =>
  z
    .number()
    .min(0)
    .max(max / 100)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '最多两位小数');
/** A slot key: a Beijing date and a half day, e.g. `2026-06-02/am`. */
export const slotKey = z.string().regex(/^\d{4}-\d{2}-\d{2}\/(am|pm)$/, '请选择服务时段');
const offset = z.number().int().min(0).max(10_000).default(0);
const limit = z.number().int().min(1).max(20).default(20);

/** The editable fields of a menu item. */
const itemFields = {
  name: line(SERVICES_LIMITS.itemNameMax),
  category,
  description: text(SERVICES_LIMITS.itemDescriptionMax).default(''),
  unit: line(SERVICES_LIMITS.unitMax).default('次'),
  priceType: z.enum(PRICE_TYPES),
  priceYuan: yuan(SERVICES_LIMITS.priceMaxFen).default(0),
  eligibility,
  communityIds: z.array(id).min(1).max(100),
  capacityPerSlot: z.number().int().min(1).max(SERVICES_LIMITS.capacityPerSlotMax),
  durationMinutes: z.number().int().min(10).max(480).default(60),
};

/** Inputs by action. */
export const servicesInputs = {
  // Residents and families
  menu: z.strictObject({ communityId: id.optional(), category: category.optional(), offset, limit }),
  /** `again`: a past order to repeat (再来一单) — its address and note come back to fill the form. */
  itemDetail: z.strictObject({ itemId: id, beneficiaryId: id.optional(), again: id.optional() }),
  placeOrder: z.strictObject({
    itemId: id,
    slot: slotKey,
    beneficiaryId: id.optional(),
    address: line(PERSON_LIMITS.addressMax, 4).optional(),
    contactPhone: phone.optional(),
    note: text(SERVICES_LIMITS.noteMax).default(''),
    subscribed: z.array(z.enum(RESIDENT_TEMPLATES)).max(RESIDENT_TEMPLATES.length).default([]),
    idempotencyKey,
    /** 再来一单: the past order whose address and phone serve when none are given. */
    again: id.optional(),
  }),
  /** `served`: orders carried out (completed or confirmed), latest first — what 再来一单 repeats. */
  myOrders: z.strictObject({
    view: z.enum(['active', 'done', 'all', 'served']).default('active'),
    offset,
    limit,
  }),
  orderDetail: z.strictObject({ orderId: id }),
  cancelOrder: z.strictObject({ orderId: id, reason: text(SERVICES_LIMITS.reasonMax).default('') }),
  rateOrder: z.strictObject({
    orderId: id,
    rating: z.number().int().min(1).max(5),
    comment: text(SERVICES_LIMITS.commentMax).default(''),
    complaint: z.boolean().default(false),
  }),
  requestService: z.strictObject({
    category: z.enum([...CATEGORIES, '其他']),
    text: line(SERVICES_LIMITS.demandTextMax),
  }),
  demands: z.strictObject({
    communityId: id.optional(),
    status: z.enum(['open', 'adopted']).default('open'),
    offset,
    limit,
  }),
  vouchers: z.strictObject({ beneficiaryId: id.optional() }),
  // Provider staff
  workOrders: z.strictObject({
    view: z.enum(['incoming', 'mine', 'done', 'today']).default('incoming'),
    /** Where the staff member is now: the orders come nearest first, each with its distance. */
    location: location.optional(),
    offset,
    limit,
  }),
  acceptOrder: z.strictObject({ orderId: id }),
  declineOrder: z.strictObject({ orderId: id, reason: line(SERVICES_LIMITS.reasonMax) }),
  checkIn: z.strictObject({
    orderId: id,
    location,
    /** Needed only when the check-in is outside the window or radius (the reply says so). */
    reason: line(SERVICES_LIMITS.checkInReasonMax).optional(),
  }),
  checkOut: z.strictObject({
    orderId: id,
    notes: line(SERVICES_LIMITS.checkOutNotesMax),
    photos: z.array(fileId).max(SERVICES_LIMITS.photosMax).default([]),
    location: location.optional(),
  }),
  proposeItem: z.strictObject({ ...itemFields, idempotencyKey }),
  // Admins (and staff, for their own organization's items)
  itemsToManage: z.strictObject({
    status: z.enum(['proposed', 'approved', 'rejected', 'retired']).optional(),
    offset,
    limit,
  }),
  reviewItem: z.strictObject({
    itemId: id,
    decision: z.enum(['approve', 'reject', 'retire', 'restore']),
    reason: text(SERVICES_LIMITS.reasonMax).default(''),
  }),
  editItem: z.strictObject({
    itemId: id,
    name: itemFields.name.optional(),
    description: text(SERVICES_LIMITS.itemDescriptionMax).optional(),
    unit: line(SERVICES_LIMITS.unitMax).optional(),
    priceType: z.enum(PRICE_TYPES).optional(),
    priceYuan: yuan(SERVICES_LIMITS.priceMaxFen).optional(),
    eligibility: z.array(z.enum(ELIGIBILITY)).max(ELIGIBILITY.length).optional(),
    communityIds: itemFields.communityIds.optional(),
    capacityPerSlot: itemFields.capacityPerSlot.optional(),
    durationMinutes: z.number().int().min(10).max(480).optional(),
    orgIds: z.array(id).min(1).max(10).optional(),
  }),
  adminOrders: z.strictObject({
    view: z.enum(['overdue', 'open', 'callback', 'all']).default('overdue'),
    communityId: id.optional(),
    offset,
    limit,
  }),
  assignOrder: z.strictObject({ orderId: id, orgId: id }),
  phoneCallback: z.strictObject({
    orderId: id,
    rating: z.number().int().min(1).max(5),
    comment: text(SERVICES_LIMITS.commentMax).default(''),
    complaint: z.boolean().default(false),
  }),
  providerStats: z.strictObject({}),
  exportProviderStats: z.strictObject({}),
  adoptDemand: z.strictObject({
    demandId: id,
    ...itemFields,
    communityIds: itemFields.communityIds.optional(),
    orgIds: z.array(id).min(1).max(10),
    idempotencyKey,
  }),
  setEligibility: z.strictObject({ targetUserId: id, disabled: z.boolean(), lowIncome: z.boolean() }),
  setVoucherPolicy: z.strictObject({
    communityId: id,
    monthlyYuan: yuan(SERVICES_LIMITS.monthlyVoucherMaxFen),
    eligibility: z.array(z.enum(ELIGIBILITY)).min(1).max(ELIGIBILITY.length),
  }),
  setCheckInRule: z.strictObject({
    communityId: id,
    earlyMinutes: z.number().int().min(0).max(SERVICES_LIMITS.checkInEarlyMinutesMax),
    lateMinutes: z.number().int().min(0).max(SERVICES_LIMITS.checkInLateMinutesMax),
    radiusM: z.number().int().min(SERVICES_LIMITS.checkInRadiusMinM).max(SERVICES_LIMITS.checkInRadiusMaxM),
  }),
} as const;

/** Action names. */
export type ServicesAction = keyof typeof servicesInputs;
/** Input of an action, as the client sends it. */
export type ServicesInput<A extends ServicesAction> = z.input<(typeof servicesInputs)[A]>;

/** A menu item as residents see it. */
export interface ItemCard {
  id: string;
  name: string;
  category: Category;
  description: string;
  unit: string;
  priceType: PriceType;
  priceFen: number;
  /** 免费 / 补贴券抵扣 30 元 / 低偿 15 元. */
  priceText: string;
  eligibility: EligibilityTag[];
  /** Who may order, in plain words. */
  eligibilityText: string;
  orgNames: string[];
  durationMinutes: number;
  /** Put on the menu because residents asked for it (需求征集). */
  fromDemand: boolean;
}

/** A menu item as admins and its organization's staff manage it. */
export interface ItemAdminView extends ItemCard {
  status: 'proposed' | 'approved' | 'rejected' | 'retired';
  statusText: string;
  orgIds: string[];
  communityIds: string[];
  capacityPerSlot: number;
  scopeId: string;
  proposedByName: string;
  history: { kind: string; byName: string; at: string; note?: string }[];
  updatedAt: string;
}

/** One bookable half day with what is left in it. */
export interface SlotView {
  key: string;
  /** 6月2日 周二 上午 */
  label: string;
  left: number;
}

/** Someone the caller can order for: themself, a linked elder, or (admins) the person asked for. */
export interface BeneficiaryOption {
  id: string;
  /** 本人 / the family relation / 代下单. */
  relation: string;
  nameMasked: string;
  age?: number;
  eligible: boolean;
  /** Why (not): 84 岁 / 不符合：仅限 80 岁及以上老人. */
  eligibleText: string;
  /** This month's voucher balance, when they have a wallet. */
  voucherBalanceFen?: number;
  /** What they would pay for this item now (domain/vouchers `quoteOf`, the rule check-out charges by). */
  quote: Quote;
}

/** What a person pays for an item: out of pocket, and what the voucher covers. */
export interface Quote {
  payFen: number;
  voucherFen: number;
  /** 自付 0 元 · 补贴券抵扣 12 元 */
  text: string;
}

/** 再来一单: the past order the form repeats, and what changed since. */
export interface AgainView {
  orderId: string;
  /** The address it went to, masked (placeOrder takes it from the order itself). */
  addressMasked: string;
  note: string;
  /** 6月2日 周二 上午 */
  lastSlotLabel: string;
  /** 上次 10 元，现在 12 元 — when the price is not what it was. */
  priceChange?: string;
}

/** The menu of a community. */
export interface MenuView {
  /** The community shown (the caller's own unless another was asked for); absent until they choose one. */
  communityId?: string;
  communityName?: string;
  /** Items per category on the whole menu (first page only). */
  categories?: { category: Category; count: number }[];
  items: Page<ItemCard>;
}

/** Item detail and order form. */
export interface ItemDetail {
  item: ItemCard;
  /** Whether the chosen person's community has this service at all. */
  availableHere: boolean;
  slots: SlotView[];
  beneficiaries: BeneficiaryOption[];
  beneficiaryId: string;
  /** The address on file, masked (the form shows it; the full text never leaves the server). */
  addressOnFileMasked?: string;
  hasPhoneOnFile: boolean;
  /** The first half day with a place left, preselected on the form. */
  nextSlot?: string;
  /** When repeating a past order (再来一单). */
  again?: AgainView;
}

/** One line of an order's timeline. */
export interface TimelineView {
  event: string;
  /** 已提交 / 已派单给 心苑… / … */
  text: string;
  at: string;
  byName: string;
  note?: string;
}

/** What the viewer may do with an order now. */
export interface OrderActions {
  cancel: boolean;
  rate: boolean;
  accept: boolean;
  decline: boolean;
  checkIn: boolean;
  checkOut: boolean;
  callback: boolean;
  assign: boolean;
  /** 再来一单: the person served or whoever ordered it, once it was carried out. */
  repeat: boolean;
}

/** An order in a list. */
export interface OrderCard {
  id: string;
  itemId: string;
  /** Whom it is for (再来一单 orders for the same person). */
  beneficiaryId: string;
  itemName: string;
  category: Category;
  slot: string;
  slotLabel: string;
  status: OrderStatus;
  statusText: string;
  beneficiaryNameMasked: string;
  /** In 我的预约: the order is for the caller themselves (their own list names them 您本人, not 王*). */
  forMe?: boolean;
  communityId: string;
  communityName: string;
  orgName?: string;
  priceText: string;
  escalated: boolean;
  /** For matched orders: when the organization must have accepted. */
  acceptDeadline?: string;
  /** A check-in outside its community's rule, in plain words with the staff member's reason. */
  checkInException?: string;
  createdAt: string;
  /** Work orders asked for by distance: metres from the staff member to the order's place. */
  distanceM?: number;
  /** Today's work orders (`today`): where to go, the minutes left to accept, and the contact once it is theirs. */
  today?: WorkToday;
}

/** What the staff's today list adds to a work order. */
export interface WorkToday {
  /** The order's place (its community's centre, see OrderDoc.point), for wx.openLocation. */
  latitude: number;
  longitude: number;
  /** Minutes left to accept (matched orders; negative once past). */
  minutesToAccept?: number;
  /** The address and phone, only to the staff member who accepted it (as the order page reveals them). */
  address?: string;
  phone?: string;
}

/** An order in full, as the viewer may see it. */
export interface OrderView extends OrderCard {
  /** Full for the assigned staff member after acceptance; masked for everyone else. */
  beneficiaryName: string;
  address: string;
  phone: string;
  contactRevealed: boolean;
  age?: number;
  note: string;
  orderedVia: 'self' | 'family' | 'admin';
  staffName?: string;
  /**
   * "谁来上门": to the resident side and admins once a staff member accepted it and until the work is done — who
   * comes, their photo, and the work number their organization gave them (never their own phone).
   */
  worker?: OrderWorker;
  checkIn?: { at: string; far: boolean; departures: CheckInDeparture[]; reason?: string };
  /**
   * For the staff member who may check in now: when check-in needs no reason (`6月7日 06:00 至 12:00，
   * 老人所在社区 500 米内`) and where this moment falls in that window.
   */
  checkInWindow?: { text: string; now: 'early' | 'open' | 'late' };
  checkOut?: { at: string; notes: string; photos: string[] };
  subsidy: { status: 'none' | 'pending' | 'deducted' | 'self_pay'; amountFen: number; text: string };
  survey?: { rating: number; comment: string; complaint: boolean; by: 'resident' | 'phone'; at: string };
  timeline: TimelineView[];
  can: OrderActions;
  /** For an admin who may assign it: the organizations offering the item in its community. */
  assignable?: { id: string; name: string }[];
}

/** The staff member coming to the door, as the resident side sees them. */
export interface OrderWorker {
  name: string;
  avatarFileId?: string;
  /** The number their organization gives for work; absent when it has not set one. */
  workPhone?: string;
}

/** A community's check-in rule, as its admins set it. */
export interface CheckInRuleView {
  communityId: string;
  earlyMinutes: number;
  lateMinutes: number;
  radiusM: number;
  /** 服务开始前 2 小时到服务时段结束、老人所在社区 500 米内签到不需说明原因 */
  text: string;
}

/** A month of someone's voucher: balance and ledger. */
export interface VoucherMonth {
  month: string;
  grantedFen: number;
  balanceFen: number;
  /** Left over at the end of a past month (vouchers are for the month they are granted in). */
  expiredFen: number;
  entries: { kind: 'grant' | 'deduct'; amountFen: number; at: string; text: string; orderId?: string }[];
}

/** Vouchers of one person. */
export interface VoucherView {
  beneficiaryId: string;
  nameMasked: string;
  eligible: boolean;
  eligibleText: string;
  monthlyFen: number;
  balanceFen: number;
  months: VoucherMonth[];
}

/** A line of the demand list (需求征集). */
export interface DemandView {
  id: string;
  communityId: string;
  communityName: string;
  category: string;
  count: number;
  /** What residents wrote, newest first (admins only; names never shown). */
  requests?: { text: string; at: string }[];
  status: 'open' | 'adopted';
  itemId?: string;
  askedByMe: boolean;
  lastAt: string;
}

/** Satisfaction of one organization, for admins. */
export interface ProviderStat {
  orgId: string;
  orgName: string;
  completed: number;
  surveyed: number;
  /** Average rating 1–5 (null before any survey). */
  avgRating: number | null;
  /** Share of surveys rated 4 or 5. */
  satisfaction: number | null;
  /** Share of surveys with a complaint. */
  complaintRate: number | null;
  open: number;
  escalated: number;
}

/**
 * The `charity` function's contract (互联网+慈善超市): its limits as data, one strict zod schema per action, and
 * the views replies carry. The mini program imports the types only.
 */
import * as z from 'zod';
import {
  CONSENT_METHODS,
  ITEM_CATEGORIES,
  RECIPIENT_CATEGORIES,
  type ItemCategory,
  type RecipientCategory,
} from '../../miniprogram/shared/choices';
import { CHARITY_LIMITS, PERSON_LIMITS, POINTS_LIMITS } from '../../miniprogram/shared/limits';
import { fileId, id, idempotencyKey, isoDate, line, page, phone, text } from '../common/schemas';

/** Limits of the charity capability (miniprogram/shared/limits.ts, shared with the mini program's forms). */
export { CHARITY_LIMITS };

/** Recipient and item categories with their names (miniprogram/shared/choices.ts). */
export { ITEM_CATEGORIES, RECIPIENT_CATEGORIES, type ItemCategory, type RecipientCategory };
export { ITEM_CATEGORY_LABELS, RECIPIENT_CATEGORY_LABELS } from '../../miniprogram/shared/choices';

/** Where a donation stands (the chain's last event decides). */
export const DONATION_STATUSES = [
  'pledged',
  'received',
  'allocated',
  'out_for_delivery',
  'ready_for_pickup',
  'confirmed',
  'thanked',
  'expired',
  'cancelled',
  'rejected',
] as const;
/** A donation status. */
export type DonationStatus = (typeof DONATION_STATUSES)[number];

/** The steps of a chain. */
export const EVENT_TYPES = [
  'pledged',
  'received',
  'rejected',
  'allocated',
  'dispatched',
  'confirmed',
  'thanked',
  'expired',
  'cancelled',
] as const;
/** An event type. */
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Point-to-point (to a need), general stock (allocated later by staff, whole or in parts), or a part of a
 * general-stock gift allocated to one need (its own chain, whose first step names the gift's head).
 */
export type DonationKind = 'need' | 'stock' | 'part';

/** How consent to store a recipient's personal data was given (miniprogram/shared/choices.ts). */
export { CONSENT_METHODS };

const itemCategory = z.enum(ITEM_CATEGORIES);
const recipientCategory = z.enum(RECIPIENT_CATEGORIES);
const quantity = z.number().int().min(1).max(CHARITY_LIMITS.claimMax);
const paging = page.shape;
/** A donation code as printed (XXXX-XXXX, Crockford base32); spaces and dashes are forgiven. */
const donationCode = z
  .string()
  .trim()
  .min(CHARITY_LIMITS.donationCodeMin)
  .max(CHARITY_LIMITS.donationCodeMax)
  .regex(/^[0-9A-Za-z\- ]+$/, '捐赠码只含字母和数字');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 2026-05');

/** A reservation's code as scanned from the volunteer's phone (domain/pointGoods parses it). */
const redemptionCode = line(POINTS_LIMITS.redemptionCodeMax);

/** Inputs by action. */
export const charityInputs = {
  // Anyone (public, masked).
  supermarkets: z.strictObject({
    streetId: id.optional(),
    /** Only those the caller operates (staff, admins of the street), with their operator organizations. */
    mine: z.boolean().default(false),
  }),
  needs: z.strictObject({
    ...paging,
    streetId: id.optional(),
    communityId: id.optional(),
    category: recipientCategory.optional(),
    itemCategory: itemCategory.optional(),
  }),
  need: z.strictObject({ needId: id }),
  ledger: z.strictObject({ ...paging, month: month.optional() }),
  stats: z.strictObject({ months: z.number().int().min(1).max(CHARITY_LIMITS.statsMonthsMax).default(12) }),
  digests: z.strictObject({ ...paging }),
  donation: z.strictObject({ donationId: id }),
  verify: z.strictObject({ donationId: id }),

  // Donors (any resident).
  claim: z.strictObject({
    needId: id,
    quantity,
    pledgeBy: isoDate,
    subscribed: z.boolean().default(false),
    idempotencyKey,
  }),
  pledgeToStock: z.strictObject({
    supermarketId: id,
    item: line(CHARITY_LIMITS.itemMax),
    itemCategory,
    unit: line(CHARITY_LIMITS.unitMax),
    quantity,
    pledgeBy: isoDate,
    subscribed: z.boolean().default(false),
    idempotencyKey,
  }),
  cancelPledge: z.strictObject({ donationId: id }),
  myDonations: z.strictObject({ ...paging }),

  // Recipients who use the mini program themselves.
  myReceipts: z.strictObject({ ...paging }),
  confirm: z.strictObject({
    donationId: id,
    code: z
      .string()
      .regex(
        new RegExp(`^\\d{${CHARITY_LIMITS.confirmCodeLength}}$`),
        `收货码是 ${CHARITY_LIMITS.confirmCodeLength} 位数字`,
      )
      .optional(),
  }),
  thank: z.strictObject({ donationId: id, message: line(CHARITY_LIMITS.thanksMax) }),

  // Supermarket staff (operators).
  lookupCode: z.strictObject({ code: donationCode }),
  receive: z.strictObject({
    code: donationCode,
    quantity: quantity.optional(),
    condition: z.enum(['good', 'fair', 'unusable']),
    photoFileId: fileId.optional(),
  }),
  /** `quantity` units of the gift go to the need as a part of it; without `quantity`, all its units (one part). */
  allocate: z.strictObject({
    donationId: id,
    needId: id,
    quantity: quantity.optional(),
    idempotencyKey: idempotencyKey.optional(),
  }),
  dispatch: z.strictObject({ donationId: id, mode: z.enum(['delivery', 'pickup']) }),
  staffQueue: z.strictObject({
    ...paging,
    supermarketId: id,
    stage: z.enum(['expected', 'toAllocate', 'toDispatch', 'inDelivery']),
  }),
  recordStocktake: z.strictObject({
    supermarketId: id,
    counts: z
      .array(
        z.strictObject({
          item: line(CHARITY_LIMITS.itemMax),
          unit: line(CHARITY_LIMITS.unitMax),
          counted: z.number().int().min(0).max(100_000),
        }),
      )
      .min(1)
      .max(CHARITY_LIMITS.stocktakeLinesMax),
    idempotencyKey,
  }),
  reconciliation: z.strictObject({ supermarketId: id }),
  exportReconciliation: z.strictObject({ supermarketId: id }),

  // Admins of the place.
  setSupermarket: z.strictObject({
    streetId: id,
    name: line(CHARITY_LIMITS.supermarketNameMax),
    address: line(CHARITY_LIMITS.supermarketAddressMax),
    hours: line(CHARITY_LIMITS.supermarketHoursMax),
    phone: z
      .string()
      .regex(new RegExp(`^[0-9-]{7,${CHARITY_LIMITS.supermarketPhoneMax}}$`), '请输入电话号码')
      .optional(),
    orgIds: z.array(id).max(CHARITY_LIMITS.supermarketOrgsMax).default([]),
  }),
  registerRecipient: z.strictObject({
    name: line(PERSON_LIMITS.realNameMax),
    category: recipientCategory,
    birthYear: z.number().int().min(PERSON_LIMITS.birthYearMin).max(PERSON_LIMITS.birthYearMax).optional(),
    communityId: id,
    address: line(PERSON_LIMITS.addressMax, 2),
    phone: phone.optional(),
    /** The recipient's own mini program account, when they have one (so they can confirm and thank). */
    residentId: id.optional(),
    consent: z.strictObject({
      method: z.enum(CONSENT_METHODS),
      note: text(CHARITY_LIMITS.consentNoteMax).optional(),
    }),
    idempotencyKey,
  }),
  updateRecipient: z.strictObject({
    recipientId: id,
    category: recipientCategory.optional(),
    address: line(PERSON_LIMITS.addressMax, 2).optional(),
    phone: phone.or(z.literal('')).optional(),
    residentId: id.or(z.literal('')).optional(),
    /** false: consent withdrawn or no longer served; their open needs close. */
    active: z.boolean().optional(),
    reason: line(CHARITY_LIMITS.recipientReasonMax).optional(),
  }),
  recipients: z.strictObject({
    ...paging,
    communityId: id.optional(),
    query: line(20, 0).default(''),
    includeInactive: z.boolean().default(false),
  }),
  recipientDetail: z.strictObject({ recipientId: id }),
  postNeed: z.strictObject({
    recipientId: id,
    item: line(CHARITY_LIMITS.itemMax),
    itemCategory,
    unit: line(CHARITY_LIMITS.unitMax),
    quantity: z.number().int().min(1).max(CHARITY_LIMITS.needQuantityMax),
    estimatedValue: z.number().int().min(0).max(CHARITY_LIMITS.unitValueMax),
    story: text(CHARITY_LIMITS.storyMax, 5),
    deadline: isoDate,
    idempotencyKey,
  }),
  closeNeed: z.strictObject({ needId: id, reason: line(CHARITY_LIMITS.closeNeedReasonMax) }),
  adminNeeds: z.strictObject({
    ...paging,
    communityId: id.optional(),
    state: z.enum(['open', 'full', 'closed', 'all', 'review']).default('all'),
  }),
  reviewStory: z.strictObject({
    needId: id,
    decision: z.enum(['release', 'reject']),
    reason: line(CHARITY_LIMITS.closeNeedReasonMax).optional(),
  }),

  // 爱心积分 at the supermarket (the ledger is common/points): goods for points, reserved by anyone with points,
  // handed over by staff scanning the reservation's code.
  pointShop: z.strictObject({ supermarketId: id.optional(), merchantId: id.optional() }),
  registerMerchant: z.strictObject({
    streetId: id,
    name: line(POINTS_LIMITS.merchantNameMax),
    kind: line(POINTS_LIMITS.merchantKindMax),
    address: line(POINTS_LIMITS.merchantAddressMax),
    /** The merchant's staff: people already using the mini program, by the phone number they registered. */
    staffPhones: z.array(phone).min(1).max(POINTS_LIMITS.merchantStaffMax),
    idempotencyKey,
  }),
  merchants: z.strictObject({ streetId: id.optional() }),
  addPointGoods: z.strictObject({
    supermarketId: id,
    /** A partner merchant of that street: the offer is the merchant's. */
    merchantId: id.optional(),
    name: line(POINTS_LIMITS.goodsNameMax),
    note: line(POINTS_LIMITS.goodsNoteMax, 0).default(''),
    pointsPrice: z.number().int().min(1).max(POINTS_LIMITS.priceMax),
    stock: z.number().int().min(0).max(POINTS_LIMITS.stockMax),
    idempotencyKey,
  }),
  updatePointGoods: z.strictObject({
    goodsId: id,
    name: line(POINTS_LIMITS.goodsNameMax).optional(),
    note: line(POINTS_LIMITS.goodsNoteMax, 0).optional(),
    pointsPrice: z.number().int().min(1).max(POINTS_LIMITS.priceMax).optional(),
    /** Units put on the shelf (or taken off, negative). */
    stockDelta: z.number().int().min(-POINTS_LIMITS.stockMax).max(POINTS_LIMITS.stockMax).optional(),
    active: z.boolean().optional(),
  }),
  redeem: z.strictObject({ goodsId: id, idempotencyKey }),
  myRedemptions: z.strictObject({}),
  lookupRedemption: z.strictObject({ code: redemptionCode }),
  handOver: z.strictObject({ code: redemptionCode }),
  cancelRedemption: z.strictObject({ code: redemptionCode }),
  givePoints: z.strictObject({
    /** A family member linked to the caller (either way round). */
    targetUserId: id,
    points: z.number().int().min(1).max(POINTS_LIMITS.adjustMax),
    idempotencyKey,
  }),
  givePointsToNeed: z.strictObject({
    needId: id,
    points: z.number().int().min(1).max(POINTS_LIMITS.needGiftMax),
    idempotencyKey,
  }),
} as const;

/** Action names. */
export type CharityAction = keyof typeof charityInputs;
/** Input of an action, as the client sends it. */
export type CharityInput<A extends CharityAction> = z.input<(typeof charityInputs)[A]>;

/** A recipient as everyone but admins of their place and the delivering staff sees them: 张*, 80岁, 秣陵街道. */
export interface PublicProfile {
  name: string;
  age?: number;
  street: string;
  category: RecipientCategory;
  categoryLabel: string;
}

/** What the delivering staff and admins of the place need to reach a recipient. */
export interface RecipientContact {
  recipientId: string;
  name: string;
  phone?: string;
  address: string;
  communityName: string;
}

/** A charity supermarket (one per street). */
export interface SupermarketView {
  id: string;
  name: string;
  address: string;
  hours: string;
  phone?: string;
  streetName: string;
  /** Operator organizations (to admins and operators). */
  orgIds?: string[];
}

/** Where a need stands. */
export type NeedState = 'open' | 'full' | 'closed' | 'expired' | 'fulfilled';

/** A need (微心愿) as listed publicly. */
export interface NeedView {
  id: string;
  item: string;
  itemCategory: ItemCategory;
  itemCategoryLabel: string;
  unit: string;
  quantity: number;
  /** Units still open to claim. */
  available: number;
  /** Units delivered and confirmed. */
  delivered: number;
  /** Estimated value per unit, yuan. */
  estimatedValue: number;
  story: string;
  deadline: string;
  state: NeedState;
  recipient: PublicProfile;
  communityName: string;
  supermarket: { id: string; name: string };
  /** 爱心积分 volunteers gave to it, and how many gifts: the supermarket buys the item with them. */
  points: { total: number; gifts: number };
  /** To admins: the story is held back from the public list until looked at. */
  heldForReview?: boolean;
  closedReason?: string;
}

/** A need with where to bring it and the dates a pledge may name. */
export interface NeedDetailView {
  need: NeedView;
  supermarket: SupermarketView | null;
  pledgeWindow: { earliest: string; latest: string };
}

/** One step of a chain as shown (every field that was hashed, so anyone can recompute it). */
export interface EventView {
  seq: number;
  type: EventType;
  label: string;
  at: string;
  place: string;
  actor: { role: string; ref: string };
  data: Record<string, string | number | boolean | null>;
  prev: string;
  hash: string;
}

/** What the caller may do next with a donation (the pages show only these buttons). */
export interface DonationAbilities {
  cancel: boolean;
  receive: boolean;
  allocate: boolean;
  dispatch: boolean;
  confirm: boolean;
  confirmWithCode: boolean;
  thank: boolean;
}

/** A donation with its chain. */
export interface DonationView {
  id: string;
  kind: DonationKind;
  status: DonationStatus;
  statusLabel: string;
  item: string;
  itemCategory: ItemCategory;
  unit: string;
  quantity: number;
  receivedQuantity?: number;
  pledgeBy: string;
  donor: string;
  recipient?: PublicProfile;
  needId?: string;
  supermarket: { id: string; name: string; address: string };
  events: EventView[];
  head: { seq: number; hash: string };
  mine: boolean;
  /** The caller is its recipient (their own page speaks to them as 您). */
  forMe: boolean;
  /** The code to show at the supermarket (to the donor, until received). */
  code?: string;
  /** The recipient's one-time confirmation code (to admins of the place and the recipient only). */
  confirmCode?: string;
  /** Recipient contact (to admins of the place and the delivering staff only). */
  contact?: RecipientContact;
  /** The thank-you message, when there is one and it may be shown. */
  thanks?: string;
  /**
   * To the recipient: whom to call about it — their community's hotline, or the supermarket's phone when the
   * community has none (only the `donation` action reads it).
   */
  helpline?: { name: string; phone: string };
  can: DonationAbilities;
  /** A general-stock gift shown in detail: the units not yet allocated, and where each part went (masked). */
  remaining?: number;
  parts?: PartView[];
  /** A part: the gift it was split from. */
  giftId?: string;
  createdAt: string;
}

/** One part of a general-stock gift, as the gift's page lists it. */
export interface PartView {
  id: string;
  quantity: number;
  recipient?: PublicProfile;
  status: DonationStatus;
  statusLabel: string;
}

/** What a staff step returns: the donation, and whether this call was a replay of a step already taken. */
export interface StepResult {
  donation: DonationView;
  replayed: boolean;
}

/** Why a chain is not intact. */
export type BrokenReason = 'sequence' | 'link' | 'content' | 'anchor' | 'state' | 'gift';

/** The verify action's answer. */
export interface VerifyView {
  donationId: string;
  intact: boolean;
  length: number;
  head: { seq: number; hash: string } | null;
  /** The first broken link, named. */
  firstBroken?: { seq: number; reason: BrokenReason; message: string };
  /** The latest published digest that holds this donation's head, and whether the chain still matches it. */
  anchor: {
    date: string;
    seq: number;
    hash: string;
    matches: boolean;
    digestIntact: boolean;
    root: string;
  } | null;
  /** A part: whether the gift's chain is intact and still holds the step the part was split from. */
  gift?: { donationId: string; intact: boolean };
  checkedAt: string;
}

/** A published daily digest. */
export interface DigestView {
  date: string;
  cutoff: string;
  count: number;
  root: string;
  prev: string;
  hash: string;
  publishedAt: string;
}

/** Published digests, and whether their own chain (each holds the previous one's hash) is intact. */
export interface DigestsView {
  items: DigestView[];
  next: number | null;
  chainIntact: boolean;
  firstBrokenDate?: string;
}

/** Totals for one month and item category. */
export interface StatsCell {
  month: string;
  itemCategory: ItemCategory;
  label: string;
  donations: number;
  delivered: number;
  units: number;
  value: number;
}

/** The public statistics. */
export interface StatsView {
  months: string[];
  cells: StatsCell[];
  totals: { donations: number; delivered: number; units: number; value: number; donors: number };
}

/** One item of a supermarket's inventory and its reconciliation. */
export interface StockLine {
  item: string;
  unit: string;
  /** Units received (from the chains). */
  received: number;
  /** Units delivered and confirmed (from the chains). */
  delivered: number;
  /** received − delivered. */
  expected: number;
  /** Units the donations' current status puts on the shelf. */
  onShelf: number;
  /** The latest stocktake, when there is one. */
  counted?: number;
  countedAt?: string;
  flags: ('status-mismatch' | 'count-mismatch')[];
}

/** The reconciliation report. */
export interface ReconciliationView {
  supermarketId: string;
  lines: StockLine[];
  /** Donations whose stored status disagrees with their chain, or whose chain is broken. */
  flaggedDonations: { donationId: string; reason: string }[];
  balanced: boolean;
  at: string;
}

/** A recipient in full, for admins of their place. */
export interface RecipientView {
  id: string;
  name: string;
  category: RecipientCategory;
  categoryLabel: string;
  birthYear?: number;
  age?: number;
  communityId: string;
  communityName: string;
  address: string;
  phone?: string;
  residentId?: string;
  consent: {
    method: (typeof CONSENT_METHODS)[number];
    note?: string;
    recordedAt: string;
    recordedBy: string;
  };
  active: boolean;
  publicProfile: PublicProfile;
  createdAt: string;
}

/** A recipient with their needs and donations, for admins of their place. */
export interface RecipientDetailView extends RecipientView {
  needs: NeedView[];
  donations: DonationView[];
}

/** Goods for points as the shop shows them. */
export interface PointGoodsView {
  id: string;
  name: string;
  note: string;
  pointsPrice: number;
  stock: number;
  active: boolean;
  /** The caller's balance covers it and there is stock. */
  affordable: boolean;
  /** A partner merchant's offer: where to have it. */
  merchant?: { id: string; name: string };
}

/** A partner merchant of a street. */
export interface MerchantView {
  id: string;
  name: string;
  kind: string;
  address: string;
  streetName: string;
  /** The caller is one of its staff (puts up offers, hands them over). */
  staff: boolean;
  /** Its staff, masked (to admins over the street and the staff). */
  staffNames?: string[];
}

/** A street's partner merchants, and whether the caller may register one. */
export interface MerchantsView {
  streetId: string;
  merchants: MerchantView[];
  canRegister: boolean;
}

/** A supermarket's points shop, with the caller's balance. */
export interface PointShopView {
  supermarket?: { id: string; name: string; address: string; hours: string };
  balance: number;
  /** The caller operates this supermarket (or the merchant asked for): may add goods, change stock and hand over. */
  staff: boolean;
  /** The merchant asked for. */
  merchant?: { id: string; name: string };
  goods: PointGoodsView[];
}

/** Where a reservation stands. */
export type RedemptionState = 'reserved' | 'handed' | 'cancelled' | 'void';

/** A reservation of goods for points. */
export interface RedemptionView {
  /** What staff scan to hand it over (shown as a QR code). */
  code: string;
  goodsName: string;
  supermarketName: string;
  pointsPrice: number;
  state: RedemptionState;
  /** 待领取, 已领取, 已取消 */
  stateText: string;
  whenText: string;
  /** For staff: who reserved it, masked (张*). */
  holderName?: string;
  /** For the holder: their balance after the reservation (or the cancellation). */
  balance?: number;
}

/** A gift of points to a need, with the giver's balance after it and what the need now holds. */
export interface NeedPointsGiftResult {
  points: number;
  balance: number;
  /** Points the need holds now (the supermarket buys the item with them). */
  needPoints: number;
}

/** A gift of points to a family member, with the giver's balance after it. */
export interface GivePointsResult {
  points: number;
  /** 张* */
  toName: string;
  balance: number;
}

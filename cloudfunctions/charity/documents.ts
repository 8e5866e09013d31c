/**
 * The charity function's collections and the documents stored in them (pure types; store.ts reads and writes
 * them). Recipients hold the only personal data; needs and donations carry a masked public profile snapshot
 * instead.
 */
import type {
  CONSENT_METHODS,
  DonationKind,
  DonationStatus,
  ItemCategory,
  PublicProfile,
  RecipientCategory,
} from './contract';
import type { ChainEvent, ChainHead } from './domain/chain';
import type { Leaf } from './domain/digest';

/** Collection names. */
export const RECIPIENTS = 'charity_recipients';
export const NEEDS = 'charity_needs';
export const DONATIONS = 'charity_donations';
export const SUPERMARKETS = 'charity_supermarkets';
export const DIGESTS = 'charity_digests';
export const DIGEST_PARTS = 'charity_digest_parts';
export const STOCKTAKES = 'charity_stocktakes';
export const POINT_GOODS = 'charity_point_goods';
export const MERCHANTS = 'charity_merchants';

/** How and when consent to keep a recipient's data was recorded. */
export interface ConsentRecord {
  method: (typeof CONSENT_METHODS)[number];
  note?: string;
  recordedBy: string;
  recordedAt: Date;
}

/** One change to a recipient record (who, when, what, why). */
export interface RecipientChange {
  at: Date;
  by: string;
  change: string;
  reason?: string;
}

/** A person the charity supermarket serves, registered by an admin of their community. */
export interface RecipientDoc {
  _id: string;
  name: string;
  category: RecipientCategory;
  birthYear?: number;
  communityId: string;
  communityName: string;
  /** The street: its charity supermarket serves them. */
  streetId: string;
  streetName: string;
  /** [district, street, community]: admins over any of these may see the record in full. */
  placePath: string[];
  address: string;
  phone?: string;
  /** The recipient's own mini program account, if any. */
  residentId?: string;
  consent: ConsentRecord;
  active: boolean;
  registeredBy: string;
  history: RecipientChange[];
  createdAt: Date;
  updatedAt: Date;
}

/** A street's charity supermarket; `_id` is the street id. */
export interface SupermarketDoc {
  _id: string;
  name: string;
  address: string;
  hours: string;
  phone?: string;
  streetName: string;
  /** [district, street]. */
  placePath: string[];
  /** Organizations whose staff operate it (receive, allocate, deliver). */
  orgIds: string[];
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Units of a need reserved by one donation. `released` units went back to the need. */
export interface Claim {
  q: number;
  state: 'active' | 'released';
  at: Date;
  via: 'pledge' | 'allocation';
}

/** One gift of 爱心积分 to a need: who gave how many, when. */
export interface NeedPointGift {
  u: string;
  p: number;
  at: Date;
}

/** A need (微心愿) posted by an admin for a recipient. */
export interface NeedDoc {
  _id: string;
  recipientId: string;
  publicProfile: PublicProfile;
  communityId: string;
  communityName: string;
  placePath: string[];
  supermarketId: string;
  supermarketName: string;
  supermarketAddress: string;
  item: string;
  itemCategory: ItemCategory;
  unit: string;
  quantity: number;
  /** quantity − Σ active claims; changed only by conditional updates. */
  available: number;
  delivered: number;
  estimatedValue: number;
  story: string;
  moderation: 'pass' | 'review';
  deadline: Date;
  closed: boolean;
  closedReason?: string;
  /** An admin's decision on a story the content check held (released to the public list, or rejected). */
  storyReview?: { decision: 'release' | 'reject'; reason?: string; by: string; at: Date };
  /** By donation id. */
  claims: Record<string, Claim>;
  /** 爱心积分 given to it (Σ of `pointGifts`), which the supermarket spends buying the item. */
  pointsGiven?: number;
  /** Gifts of points by gift id (each counted once, however often the request is replayed). */
  pointGifts?: Record<string, NeedPointGift>;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A donation and its chain. Actions only ever append to `events` (conditional on `head`). */
export interface DonationDoc {
  _id: string;
  /** What the donor shows at the supermarket (XXXX-XXXX). */
  code: string;
  kind: DonationKind;
  donorId: string;
  donorOpenid: string;
  donorLabel: string;
  /** The donor accepted subscription messages when pledging. */
  subscribed: boolean;
  needId?: string;
  /** A part: the general-stock gift it was split from (its chain's first step names the gift's head). */
  giftId?: string;
  /** A part: a pseudonym of who asked for it with which key, so a repeated request is a replay. */
  requestKey?: string;
  recipientId?: string;
  publicProfile?: PublicProfile;
  /** The recipient's place path (admins over it are privileged). */
  recipientPath?: string[];
  supermarketId: string;
  supermarketName: string;
  supermarketAddress: string;
  streetName: string;
  item: string;
  itemCategory: ItemCategory;
  unit: string;
  quantity: number;
  receivedQuantity?: number;
  /** Estimated value per unit, yuan (from the need). */
  unitValue: number;
  pledgeBy: Date;
  status: DonationStatus;
  head: ChainHead;
  events: ChainEvent[];
  /** The current dispatch: who delivers, and the seq of the dispatch event (the confirmation code's salt). */
  delivery?: { mode: 'delivery' | 'pickup'; staffId: string; seq: number; at: Date };
  confirmAttempts: number;
  thanks?: { message: string; moderation: 'pass' | 'review' };
  remindedAt?: Date;
  /** Beijing month of the pledge and of the confirmation, for statistics. */
  month: string;
  deliveredMonth?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A published daily digest; `_id` is the Beijing date it closes. */
export interface DigestDoc {
  _id: string;
  date: string;
  cutoff: Date;
  count: number;
  partRoots: string[];
  root: string;
  prev: string;
  hash: string;
  publishedAt: Date;
}

/** The leaves of one part of a digest. */
export interface DigestPartDoc {
  _id: string;
  date: string;
  index: number;
  leaves: Leaf[];
}

/** A stocktake: what staff counted on the shelf. */
export interface StocktakeDoc {
  _id: string;
  supermarketId: string;
  counts: { item: string; unit: string; counted: number }[];
  by: string;
  at: Date;
}

/**
 * One reservation of goods for points, held on the goods document under its id (`holds.<id>`): the unit is taken
 * from stock by the same single-document update that writes the hold, and a hand-over or a cancellation is one
 * conditional update of the hold's state, so two of them can never both succeed.
 */
export interface PointHold {
  /** The holder's user id. */
  u: string;
  s: 'reserved' | 'handed' | 'cancelled' | 'void';
  price: number;
  at: Date;
  /** Who handed it over, and when (or when it was cancelled). */
  by?: string;
  doneAt?: Date;
}

/**
 * A partner merchant (a barber, a grocery) the street's admin registered as a place to spend 爱心积分: its own
 * offers are point goods of the street (`merchantId` set), put up and handed over by its staff (existing users).
 */
export interface MerchantDoc {
  _id: string;
  /** The street (its charity supermarket's id). */
  streetId: string;
  streetName: string;
  name: string;
  /** 理发, 杂货 … */
  kind: string;
  address: string;
  /** [district, street]: admins over it manage the merchant. */
  placePath: string[];
  /** User ids of the merchant's staff. */
  staffIds: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Goods a supermarket (or a partner merchant of its street) gives for 爱心积分 (stock and price set by its staff). */
export interface PointGoodsDoc {
  _id: string;
  /** The street's supermarket: its shop lists the goods (a merchant's too). */
  supermarketId: string;
  /** Where the goods are had: the supermarket's name, or the merchant's. */
  supermarketName: string;
  /** A partner merchant's offer: its staff, not the supermarket's, manage and hand it over. */
  merchantId?: string;
  /** The supermarket's [district, street], for the street's reports. */
  placePath: string[];
  name: string;
  note: string;
  pointsPrice: number;
  stock: number;
  active: boolean;
  holds: Record<string, PointHold>;
  /** Everyone who ever held one (the "my reservations" query). */
  holderIds: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Reading a donation for an action: the donation, its supermarket, its recipient and the caller, in one round trip. */
import type { ActionContext } from '../common/action';
import { notFound, unauthenticated } from '../common/errors';
import type { UserDoc } from '../common/directory/users';
import { audienceOf, PUBLIC, type Audience } from './domain/access';
import { confirmCode } from './domain/codes';
import type { DonationExtras } from './domain/views';
import {
  DONATIONS,
  first,
  readRooted,
  RECIPIENTS,
  SUPERMARKETS,
  type DonationDoc,
  type Lookup,
  type RecipientDoc,
  type SupermarketDoc,
} from './store';

type AnyObject = Record<string, unknown>;

/** A donation with what an action needs around it. */
export interface LoadedDonation<K extends string = never> {
  d: DonationDoc;
  caller: UserDoc | undefined;
  sm: SupermarketDoc | undefined;
  recipient: RecipientDoc | undefined;
  extra: Record<K, AnyObject[]>;
}

/** Loads the donation matching `match` (by id or by code); NOT_FOUND if there is none. */
export async function loadDonation<K extends string = never>(
  ctx: ActionContext,
  match: AnyObject,
  extra: Record<K, Lookup> = {} as Record<K, Lookup>,
): Promise<LoadedDonation<K>> {
  const r = await readRooted(ctx, DONATIONS, match, {
    ...extra,
    __sm: { from: SUPERMARKETS, localField: 'supermarketId', foreignField: '_id' },
    __recipient: { from: RECIPIENTS, localField: 'recipientId', foreignField: '_id' },
  });
  if (!r.root) throw notFound('捐赠记录');
  const joined = r.joined as Record<string, AnyObject[]>;
  const out = {} as Record<K, AnyObject[]>;
  for (const k of Object.keys(extra) as K[]) out[k] = joined[k] ?? [];
  return {
    d: r.root as unknown as DonationDoc,
    caller: r.caller,
    sm: first<SupermarketDoc>(joined.__sm ?? []),
    recipient: first<RecipientDoc>(joined.__recipient ?? []),
    extra: out,
  };
}

/** The caller, or UNAUTHENTICATED. */
export function requireCaller(l: { caller: UserDoc | undefined }): UserDoc {
  if (!l.caller) throw unauthenticated();
  return l.caller;
}

/** The caller's standing towards the loaded donation. */
export function audience(l: LoadedDonation<string>): Audience {
  return l.caller ? audienceOf(l.caller, l.d, l.sm, l.recipient) : PUBLIC;
}

/** The extras a view may show: the recipient record, and the current confirmation code when in handover. */
export function extrasFor(d: DonationDoc, recipient: RecipientDoc | undefined, a: Audience): DonationExtras {
  const handover = d.status === 'out_for_delivery' || d.status === 'ready_for_pickup';
  // Without the deployment secret there is no code to show; confirming by code then says why.
  const secret = process.env.MULIN_CHARITY_SECRET;
  const code =
    handover && d.delivery && (a.admin || a.recipient) && secret
      ? confirmCode(secret, d._id, d.delivery.seq)
      : undefined;
  return { ...(recipient ? { recipient } : {}), ...(code ? { confirmCode: code } : {}) };
}

/** The donation as it is after `event` was appended with `set` (what the store now holds). */
export function applied(
  d: DonationDoc,
  event: DonationDoc['events'][number],
  status: DonationDoc['status'],
  set: Partial<DonationDoc> = {},
): DonationDoc {
  return {
    ...d,
    ...set,
    status,
    events: [...d.events, event],
    head: { seq: event.seq, hash: event.hash },
    updatedAt: event.at,
  };
}

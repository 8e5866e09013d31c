/**
 * Reading a donation for an action: the donation, its supermarket, its recipient and the caller, in one round
 * trip (common/joins `readWithCaller`, rooted at the donation: it may be looked at by someone never logged in).
 */
import type { ActionContext } from '../../common/action';
import { AppError, notFound, unauthenticated } from '../../common/errors';
import { readWithCaller, type Join, type JoinedDocs } from '../../common/joins';
import type { UserDoc } from '../../common/directory/users';
import { audienceOf, PUBLIC, type Audience } from '../domain/access';
import { confirmCode } from '../domain/codes';
import type { DonationExtras } from '../domain/views';
import {
  DONATIONS,
  RECIPIENTS,
  SUPERMARKETS,
  type DonationDoc,
  type RecipientDoc,
  type SupermarketDoc,
} from '../documents';

type AnyObject = Record<string, unknown>;

/** A donation with what an action needs around it. */
export interface LoadedDonation {
  d: DonationDoc;
  caller: UserDoc | undefined;
  sm: SupermarketDoc | undefined;
  recipient: RecipientDoc | undefined;
  /** A general-stock gift's parts (domain/parts), and a part's gift. */
  parts: DonationDoc[];
  gift: DonationDoc | undefined;
  /** The documents of the action's own joins, by name. */
  joined: JoinedDocs;
}

/** Loads the donation matching `match` (by id or by code), with the action's own joins; NOT_FOUND if none. */
export async function loadDonation(
  ctx: ActionContext,
  match: AnyObject,
  joins: Join[] = [],
): Promise<LoadedDonation> {
  const r = await readWithCaller<DonationDoc>(
    ctx,
    [
      ...joins,
      { as: '__sm', from: SUPERMARKETS, localField: 'supermarketId', foreignField: '_id' },
      { as: '__recipient', from: RECIPIENTS, localField: 'recipientId', foreignField: '_id' },
      { as: '__parts', from: DONATIONS, localField: '_id', foreignField: 'giftId' },
      { as: '__gift', from: DONATIONS, localField: 'giftId', foreignField: '_id' },
    ],
    { from: DONATIONS, match },
  );
  if (!r.root) throw notFound('捐赠记录');
  return {
    d: r.root,
    caller: r.caller,
    sm: r.one<SupermarketDoc>('__sm'),
    recipient: r.one<RecipientDoc>('__recipient'),
    parts: r.all<DonationDoc>('__parts'),
    gift: r.one<DonationDoc>('__gift'),
    joined: r,
  };
}

/** The caller, or UNAUTHENTICATED. */
export function requireCaller(l: { caller: UserDoc | undefined }): UserDoc {
  if (!l.caller) throw unauthenticated();
  return l.caller;
}

/** The caller's standing towards the loaded donation. */
export function audience(l: Pick<LoadedDonation, 'd' | 'caller' | 'sm' | 'recipient'>): Audience {
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

/** extrasFor, with a general-stock gift's parts (the donation's detail page shows where each part went). */
export function detailExtras(
  l: Pick<LoadedDonation, 'recipient' | 'parts'>,
  d: DonationDoc,
  a: Audience,
): DonationExtras {
  return { ...extrasFor(d, l.recipient, a), ...(d.kind === 'stock' ? { parts: l.parts } : {}) };
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

/** The deployment secret the recipient's confirmation codes are derived from (never has a default). */
export function confirmSecret(): string {
  const secret = process.env.MULIN_CHARITY_SECRET;
  if (!secret) throw new AppError('INTERNAL', '收货码服务未配置，请联系管理员');
  return secret;
}

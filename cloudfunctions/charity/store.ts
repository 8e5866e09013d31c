/**
 * The charity function's collections, the one-round-trip read every user action starts with, and the writes
 * several actions share: appending a step to a donation's chain and giving a need's units back.
 */
import type { ActionContext } from '../common/action';
import { _, db } from '../common/cloud';
import { updatedCount } from '../common/db';
import { AppError, conflict } from '../common/errors';
import { readWithCaller } from '../common/joins';
import { USERS, type UserDoc } from '../common/directory/users';
import type { DonationStatus } from './contract';
import { nextEvent, type ChainEvent, type EventDraft } from './domain/chain';
import type { DonationDoc } from './domain/records';

export type {
  Claim,
  DigestDoc,
  DigestPartDoc,
  DonationDoc,
  NeedDoc,
  RecipientDoc,
  StocktakeDoc,
  SupermarketDoc,
} from './domain/records';

/** Collection names. */
export const RECIPIENTS = 'charity_recipients';
export const NEEDS = 'charity_needs';
export const DONATIONS = 'charity_donations';
export const SUPERMARKETS = 'charity_supermarkets';
export const DIGESTS = 'charity_digests';
export const DIGEST_PARTS = 'charity_digest_parts';
export const STOCKTAKES = 'charity_stocktakes';

type AnyObject = Record<string, unknown>;

/** The sub-pipeline builder (`db.command.aggregate.pipeline()`), which wx-server-sdk's typings leave out. */
interface SubPipeline {
  match(v: AnyObject): SubPipeline;
  sort(v: AnyObject): SubPipeline;
  limit(n: number): SubPipeline;
  done(): unknown;
}

/** Documents of another collection to read along with the caller. */
export interface Lookup {
  from: string;
  match: AnyObject;
  sort?: AnyObject;
  limit?: number;
}

/** The caller and the looked-up documents by name. */
export type WithCaller<K extends string> = { caller: UserDoc } & Record<K, AnyObject[]>;

/**
 * Reads the caller (by openid) and every lookup in ONE round trip: an aggregation rooted at the caller's user
 * record with an uncorrelated `$lookup` sub-pipeline per lookup (CloudBase's `lookup` with `pipeline`). This is
 * how user actions stay within three round trips: one read, then the conditional writes.
 * UNAUTHENTICATED if the caller never logged in.
 */
export async function withCaller<K extends string>(
  ctx: ActionContext,
  lookups: Record<K, Lookup>,
): Promise<WithCaller<K>> {
  const names = Object.keys(lookups) as K[];
  const read = await readWithCaller(
    ctx,
    names.map((as) => {
      const l = lookups[as];
      return { as, from: l.from, match: l.match, sort: l.sort, limit: l.limit ?? 1 };
    }),
  );
  const out = {} as Record<K, AnyObject[]>;
  for (const as of names) out[as] = read.all<AnyObject>(as);
  return { caller: read.caller, ...out };
}

/** A join on a field of the root document. */
export interface FieldJoin {
  from: string;
  localField: string;
  foreignField: string;
}

/** What {@link readRooted} returns. */
export interface Rooted<K extends string> {
  root: AnyObject | undefined;
  /** The caller's user record, when they have one. */
  caller: UserDoc | undefined;
  joined: Record<K, AnyObject[]>;
}

/**
 * Reads one document with what it refers to and the caller, in ONE round trip: an aggregation rooted at the
 * document, joining other collections on its fields (`localField`) or by a filter (`match`), and the caller's
 * user record by openid.
 */
export async function readRooted<K extends string>(
  ctx: ActionContext,
  from: string,
  match: AnyObject,
  joins: Record<K, FieldJoin | Lookup>,
): Promise<Rooted<K>> {
  const pipeline = () => (_.aggregate as unknown as { pipeline(): SubPipeline }).pipeline();
  let agg = db.collection(from).aggregate().match(match).limit(1);
  const names = Object.keys(joins) as K[];
  for (const as of names) {
    const j = joins[as];
    if ('localField' in j) {
      agg = agg.lookup({ from: j.from, localField: j.localField, foreignField: j.foreignField, as });
      continue;
    }
    let p = pipeline().match(j.match);
    if (j.sort) p = p.sort(j.sort);
    agg = agg.lookup({ from: j.from, pipeline: p.limit(j.limit ?? 1).done(), as });
  }
  agg = agg.lookup({
    from: USERS,
    pipeline: pipeline().match({ openid: ctx.openid }).limit(1).done(),
    as: '__caller',
  });
  const { list } = (await agg.end()) as { list: AnyObject[] };
  const found = list[0];
  const joined = {} as Record<K, AnyObject[]>;
  if (!found) {
    for (const as of names) joined[as] = [];
    return { root: undefined, caller: undefined, joined };
  }
  const root = { ...found };
  for (const as of names) {
    joined[as] = (found[as] as AnyObject[] | undefined) ?? [];
    delete root[as];
  }
  delete root.__caller;
  const caller = (found.__caller as UserDoc[] | undefined)?.[0];
  return { root, caller, joined };
}

/** The first document of a lookup, typed. */
export function first<T>(docs: AnyObject[]): T | undefined {
  return docs[0] as T | undefined;
}

/** The caller's label on a donation: masked nickname (张*), or 爱心人士. */
export function donorLabel(user: Pick<UserDoc, 'nickname'>): string {
  const chars = [...(user.nickname ?? '').trim()];
  return chars.length > 0 ? `${chars[0]}*` : '爱心人士';
}

/**
 * Appends one step to a donation's chain: a single update conditional on the head the caller read, so two
 * racing steps cannot both land (the loser changes nothing and gets `undefined`). `set` updates the donation's
 * own fields (status cache, delivery, …); `events` is only ever pushed to.
 */
export async function appendStep(
  d: Pick<DonationDoc, '_id' | 'head' | 'events'>,
  draft: EventDraft,
  status: DonationStatus,
  set: AnyObject = {},
): Promise<ChainEvent | undefined> {
  const event = nextEvent(d._id, d.events, draft);
  const res = await db
    .collection(DONATIONS)
    .where({ _id: d._id, 'head.seq': d.head.seq, 'head.hash': d.head.hash })
    .update({
      data: {
        ...set,
        events: _.push([event]),
        head: { seq: event.seq, hash: event.hash },
        status,
        updatedAt: draft.at,
      },
    });
  return updatedCount(res) === 1 ? event : undefined;
}

/** appendStep, with CONFLICT when another step landed first. */
export async function appendStepOrConflict(
  d: Pick<DonationDoc, '_id' | 'head' | 'events'>,
  draft: EventDraft,
  status: DonationStatus,
  set: AnyObject = {},
): Promise<ChainEvent> {
  const event = await appendStep(d, draft, status, set);
  if (!event) throw conflict('这笔捐赠刚刚被更新，请刷新后再试');
  return event;
}

/**
 * Gives a donation's units back to its need (all, or all but `keep`). Conditional on the claim being active with
 * the units it had, so repeating it changes nothing.
 */
export async function releaseNeedUnits(
  needId: string,
  donationId: string,
  claimed: number,
  keep = 0,
): Promise<boolean> {
  if (keep >= claimed) return false;
  const path = `claims.${donationId}`;
  const res = await db
    .collection(NEEDS)
    .where({ _id: needId, [`${path}.state`]: 'active', [`${path}.q`]: claimed })
    .update({
      data: {
        available: _.inc(claimed - keep),
        ...(keep > 0 ? { [`${path}.q`]: keep } : { [`${path}.state`]: 'released' }),
      },
    });
  return updatedCount(res) === 1;
}

/** The deployment secret the recipient's confirmation codes are derived from (never has a default). */
export function confirmSecret(): string {
  const secret = process.env.MULIN_CHARITY_SECRET;
  if (!secret) throw new AppError('INTERNAL', '收货码服务未配置，请联系管理员');
  return secret;
}

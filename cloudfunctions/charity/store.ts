/**
 * The charity function's database reads and writes that several actions share (documents.ts has the types):
 * appending a step to a donation's chain and giving a need's units back (each one conditional single-document
 * update), and a page of donations with their parts.
 */
import { _, db } from '../common/cloud';
import { updatedCount } from '../common/db';
import { conflict } from '../common/errors';
import { toPage, type Paging } from '../common/paging';
import type { Page } from '../common/schemas';
import type { DonationStatus } from './contract';
import { nextEvent, type ChainEvent, type EventDraft } from './domain/chain';
import { DONATIONS, NEEDS, type DonationDoc } from './documents';

type AnyObject = Record<string, unknown>;

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

/** A donation with its parts (domain/parts; none unless it is a general-stock gift shared out). */
export interface WithParts {
  d: DonationDoc;
  parts: DonationDoc[];
}

/**
 * One page of the donations matching `match`, newest first, each with its parts (one round trip: a lookup by
 * `giftId`), so a list can say what is left of a general-stock gift.
 */
export async function pageWithParts(match: AnyObject, paging: Paging): Promise<Page<WithParts>> {
  const res = (await db
    .collection(DONATIONS)
    .aggregate()
    .match(match)
    .sort({ createdAt: -1, _id: 1 })
    .skip(paging.offset)
    .limit(paging.limit + 1)
    .lookup({ from: DONATIONS, localField: '_id', foreignField: 'giftId', as: '__parts' })
    .end()) as { list: (DonationDoc & { __parts: DonationDoc[] })[] };
  const page = toPage(res.list, paging.offset, paging.limit);
  return { items: page.items.map(({ __parts, ...d }) => ({ d, parts: __parts })), next: page.next };
}

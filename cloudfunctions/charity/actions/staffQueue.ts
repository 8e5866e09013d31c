/**
 * staffQueue — a supermarket's work list for its staff: pledges expected, general stock to allocate, items to
 * dispatch, and items on their way. Recipients appear masked, except on the items the caller is delivering.
 * Input: { supermarketId, stage: expected | toAllocate | toDispatch | inDelivery, offset, limit ≤ 20 }.
 * Result: Page<DonationView>. Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of the supermarket).
 * General stock to allocate shows what is left of each gift; a gift whose parts took every unit leaves the list.
 * Round trips: 2 (caller + supermarket, donations); 3 when the caller is delivering some (their recipients) or
 * when general stock is listed (its parts).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { listPage } from '../../common/paging';
import type { Page } from '../../common/schemas';
import { charityInputs, type DonationView } from '../contract';
import { audienceOf, requireOperator, seesContact } from '../domain/access';
import { remainingOf } from '../domain/parts';
import { donationView } from '../domain/views';
import { extrasFor } from '../steps/donation';
import { readWithCaller } from '../../common/joins';
import {
  DONATIONS,
  RECIPIENTS,
  SUPERMARKETS,
  type DonationDoc,
  type RecipientDoc,
  type SupermarketDoc,
} from '../documents';

const STAGES = {
  expected: { where: { status: 'pledged' }, order: 'pledgeBy' },
  toAllocate: { where: { status: 'received', kind: 'stock' }, order: 'updatedAt' },
  toDispatch: {
    where: _.or([{ status: 'received', kind: 'need' }, { status: 'allocated' }]),
    order: 'updatedAt',
  },
  inDelivery: { where: { status: _.in(['out_for_delivery', 'ready_for_pickup']) }, order: 'updatedAt' },
} as const;

export default action({
  input: charityInputs.staffQueue,
  async run(input, ctx): Promise<Page<DonationView>> {
    const r = await readWithCaller(ctx, [
      { as: 'sm', from: SUPERMARKETS, match: { _id: input.supermarketId }, limit: 1 },
    ]);
    const sm = r.one<SupermarketDoc>('sm');
    requireOperator(r.caller, sm);
    const stage = STAGES[input.stage];
    const { items: shown, next } = await listPage<DonationDoc>(
      db
        .collection(DONATIONS)
        .where(_.and([{ supermarketId: input.supermarketId }, stage.where]))
        .orderBy(stage.order, 'asc')
        .orderBy('_id', 'asc'),
      input,
    );
    const parts =
      input.stage === 'toAllocate' && shown.length
        ? rows<DonationDoc>(
            await db
              .collection(DONATIONS)
              .where({ giftId: _.in(shown.map((d) => d._id)) })
              .field({ giftId: true, quantity: true, status: true, publicProfile: true, events: true })
              .limit(1000)
              .get(),
          )
        : undefined;
    const partsOf = (d: DonationDoc) => parts?.filter((p) => p.giftId === d._id);
    const open = parts ? shown.filter((d) => remainingOf(d, partsOf(d)!) > 0) : shown;
    const audiences = open.map((d) => audienceOf(r.caller, d, sm, undefined));
    const needContact = open.filter((d, i) => seesContact(audiences[i]!) && d.recipientId);
    const recipients = needContact.length
      ? rows<RecipientDoc>(
          await db
            .collection(RECIPIENTS)
            .where({ _id: _.in(needContact.map((d) => d.recipientId!)) })
            .limit(20)
            .get(),
        )
      : [];
    return {
      items: open.map((d) => {
        const recipient = recipients.find((x) => x._id === d.recipientId);
        const a = audienceOf(r.caller, d, sm, recipient);
        const ofGift = partsOf(d);
        return donationView(d, a, { ...extrasFor(d, recipient, a), ...(ofGift ? { parts: ofGift } : {}) });
      }),
      next,
    };
  },
});

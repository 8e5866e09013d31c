/**
 * staffQueue — a supermarket's work list for its staff: pledges expected, general stock to allocate, items to
 * dispatch, and items on their way. Recipients appear masked, except on the items the caller is delivering.
 * Input: { supermarketId, stage: expected | toAllocate | toDispatch | inDelivery, offset, limit ≤ 20 }.
 * Result: Page<DonationView>. Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of the supermarket).
 * Round trips: 2 (caller + supermarket, donations); 3 when the caller is delivering some (their recipients).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { listPage } from '../../common/paging';
import type { Page } from '../../common/schemas';
import { charityInputs, type DonationView } from '../contract';
import { audienceOf, requireOperator, seesContact } from '../domain/access';
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
    const audiences = shown.map((d) => audienceOf(r.caller, d, sm, undefined));
    const needContact = shown.filter((d, i) => seesContact(audiences[i]!) && d.recipientId);
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
      items: shown.map((d) => {
        const recipient = recipients.find((x) => x._id === d.recipientId);
        const a = audienceOf(r.caller, d, sm, recipient);
        return donationView(d, a, extrasFor(d, recipient, a));
      }),
      next,
    };
  },
});

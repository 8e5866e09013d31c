/**
 * staffQueue — a supermarket's work list for its staff: pledges expected, general stock to allocate, items to
 * dispatch, and items on their way. Recipients appear masked, except on the items the caller is delivering.
 * Input: { supermarketId, stage: expected | toAllocate | toDispatch | inDelivery, offset, limit ≤ 20 }.
 * Result: Page<DonationView>. Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of the supermarket).
 * General stock to allocate shows what is left of each gift; a gift whose parts took every unit leaves the list
 * (filtered in the query, before paging: every page is full, and `next` is set exactly when more are left).
 * Round trips: 2 (caller + supermarket, donations with a gift's parts); 3 when the caller is delivering some
 * (their recipients).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { readPage, toPage } from '../../common/paging';
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

const $ = _.aggregate;

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
    const where = _.and([{ supermarketId: input.supermarketId }, stage.where]);
    let page: Page<DonationDoc>;
    let partsOf: ((d: DonationDoc) => DonationDoc[]) | undefined;
    if (input.stage === 'toAllocate') {
      // General stock comes with its parts (same round trip), to show what is left; gifts fully shared are
      // dropped before skip/limit, so paging counts only the gifts listed.
      const res = (await db
        .collection(DONATIONS)
        .aggregate()
        .match(where)
        .sort({ updatedAt: 1, _id: 1 })
        .lookup({ from: DONATIONS, localField: '_id', foreignField: 'giftId', as: '__parts' })
        // domain/parts `remainingOf`, in the query.
        .addFields({
          __left: $.subtract([$.ifNull(['$receivedQuantity', '$quantity']), $.sum('$__parts.quantity')]),
        })
        .match({ __left: _.gt(0) })
        .project({ __left: 0 })
        .skip(input.offset)
        .limit(input.limit + 1)
        .end()) as { list: (DonationDoc & { __parts: DonationDoc[] })[] };
      page = toPage(res.list, input.offset, input.limit);
      partsOf = (d) => (d as DonationDoc & { __parts: DonationDoc[] }).__parts;
    } else {
      page = (
        await readPage<DonationDoc>(
          db.collection(DONATIONS).where(where).orderBy(stage.order, 'asc').orderBy('_id', 'asc'),
          input,
        )
      ).page;
    }
    const { items, next } = page;
    const audiences = items.map((d) => audienceOf(r.caller, d, sm, undefined));
    const needContact = items.filter((d, i) => seesContact(audiences[i]!) && d.recipientId);
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
      items: items.map((d) => {
        const recipient = recipients.find((x) => x._id === d.recipientId);
        const a = audienceOf(r.caller, d, sm, recipient);
        const { __parts: _p, ...doc } = d as DonationDoc & { __parts?: DonationDoc[] };
        return donationView(doc, a, {
          ...extrasFor(doc, recipient, a),
          ...(partsOf ? { parts: partsOf(d) } : {}),
        });
      }),
      next,
    };
  },
});

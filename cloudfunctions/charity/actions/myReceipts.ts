/**
 * myReceipts — for a recipient who uses the mini program: the donations coming to them (newest first), with the
 * one-time confirmation code of those on their way (to show staff at the door or the counter), and buttons to
 * confirm and thank. Input: { offset, limit ≤ 20 }. Result: Page<DonationView>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED. Round trips: 3 (caller, their recipient records, the donations).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { listPage } from '../../common/paging';
import type { Page } from '../../common/schemas';
import { charityInputs, type DonationView } from '../contract';
import { audienceOf } from '../domain/access';
import type { DonationDoc, RecipientDoc } from '../documents';
import { donationView } from '../domain/views';
import { extrasFor } from '../steps/donation';
import { DONATIONS, RECIPIENTS } from '../documents';

export default action({
  input: charityInputs.myReceipts,
  async run(input, ctx): Promise<Page<DonationView>> {
    const me = await ctx.caller();
    const mine = rows<RecipientDoc>(
      await db.collection(RECIPIENTS).where({ residentId: me._id }).limit(10).get(),
    );
    if (mine.length === 0) return { items: [], next: null };
    return listPage(
      db
        .collection(DONATIONS)
        .where({ recipientId: _.in(mine.map((r) => r._id)) })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'asc'),
      input,
      (d: DonationDoc) => {
        const rec = mine.find((r) => r._id === d.recipientId);
        const a = audienceOf(me, d, undefined, rec);
        // The recipient's own record is theirs to see, but the screen can be seen over a shoulder: no contact.
        return donationView(d, a, extrasFor(d, undefined, a));
      },
    );
  },
});

/**
 * myDonations — the caller's donations, newest first, each with its chain and (until received) its code.
 * Input: { offset, limit ≤ 20 }. Result: Page<DonationView>. Errors: INVALID_INPUT.
 * Round trips: 1 (donations are found by the caller's openid, which the platform gives).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { rows } from '../../common/db';
import { toPage, type Page } from '../../common/schemas';
import { charityInputs, type DonationView } from '../contract';
import { PUBLIC } from '../domain/access';
import { donationView } from '../domain/views';
import { DONATIONS, type DonationDoc } from '../documents';

export default action({
  input: charityInputs.myDonations,
  async run(input, ctx): Promise<Page<DonationView>> {
    const found = rows<DonationDoc>(
      await db
        .collection(DONATIONS)
        .where({ donorOpenid: ctx.openid })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'asc')
        .skip(input.offset)
        .limit(input.limit + 1)
        .get(),
    );
    return toPage(
      found.map((d) => donationView(d, { ...PUBLIC, donor: true })),
      input.offset,
      input.limit,
    );
  },
});

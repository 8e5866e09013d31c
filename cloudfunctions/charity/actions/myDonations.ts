/**
 * myDonations — the caller's donations, newest first, each with its chain and (until received) its code.
 * Input: { offset, limit ≤ 20 }. Result: Page<DonationView>. Errors: INVALID_INPUT.
 * Round trips: 1 (donations are found by the caller's openid, which the platform gives).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import type { Page } from '../../common/schemas';
import { listPage } from '../../common/paging';
import { charityInputs, type DonationView } from '../contract';
import { PUBLIC } from '../domain/access';
import { donationView } from '../domain/views';
import { DONATIONS, type DonationDoc } from '../documents';

export default action({
  input: charityInputs.myDonations,
  async run(input, ctx): Promise<Page<DonationView>> {
    return listPage(
      db
        .collection(DONATIONS)
        .where({ donorOpenid: ctx.openid })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'asc'),
      input,
      (d: DonationDoc) => donationView(d, { ...PUBLIC, donor: true }),
    );
  },
});

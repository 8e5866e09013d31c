/**
 * myDonations — the caller's donations, newest first, each with its chain and (until received) its code; a
 * general-stock gift with its parts, so its card says what is left and how many parts went out.
 * Input: { offset, limit ≤ 20 }. Result: Page<DonationView>. Errors: INVALID_INPUT.
 * Round trips: 1 (donations are found by the caller's openid, which the platform gives; parts by lookup).
 */
import { action } from '../../common/action';
import type { Page } from '../../common/schemas';
import { charityInputs, type DonationView } from '../contract';
import { PUBLIC } from '../domain/access';
import { donationView } from '../domain/views';
import { pageWithParts } from '../store';

export default action({
  input: charityInputs.myDonations,
  async run(input, ctx): Promise<Page<DonationView>> {
    const page = await pageWithParts({ donorOpenid: ctx.openid }, input);
    return {
      items: page.items.map(({ d, parts }) => donationView(d, { ...PUBLIC, donor: true }, { parts })),
      next: page.next,
    };
  },
});

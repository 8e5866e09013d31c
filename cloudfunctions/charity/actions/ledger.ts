/**
 * ledger — the public ledger: every donation's masked chain, newest first, optionally for one month. Open to
 * all; no personal data (events never hold any; recipients appear as 张*, 80岁, 秣陵街道; donors as 李*).
 * A general-stock gift comes with its parts (masked like the rest), so its card says what is left of it.
 * Input: { month?, offset, limit ≤ 20 }. Result: Page<DonationView>. Errors: INVALID_INPUT. Round trips: 1.
 */
import { action } from '../../common/action';
import type { Page } from '../../common/schemas';
import { charityInputs, type DonationView } from '../contract';
import { PUBLIC } from '../domain/access';
import { donationView } from '../domain/views';
import { pageWithParts } from '../store';

export default action({
  input: charityInputs.ledger,
  async run(input): Promise<Page<DonationView>> {
    const page = await pageWithParts(input.month ? { month: input.month } : {}, input);
    return { items: page.items.map(({ d, parts }) => donationView(d, PUBLIC, { parts })), next: page.next };
  },
});

/**
 * ledger — the public ledger: every donation's masked chain, newest first, optionally for one month. Open to
 * all; no personal data (events never hold any; recipients appear as 张*, 80岁, 秣陵街道; donors as 李*).
 * Input: { month?, offset, limit ≤ 20 }. Result: Page<DonationView>. Errors: INVALID_INPUT. Round trips: 1.
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
  input: charityInputs.ledger,
  async run(input): Promise<Page<DonationView>> {
    return listPage(
      db
        .collection(DONATIONS)
        .where(input.month ? { month: input.month } : {})
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'asc'),
      input,
      (d: DonationDoc) => donationView(d, PUBLIC),
    );
  },
});

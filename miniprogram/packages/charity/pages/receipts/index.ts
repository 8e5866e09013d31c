/**
 * 我收到的爱心: for a recipient who uses the mini program, the donations coming to them, newest first; tap one
 * to confirm receipt (or see the code to tell the staff) and to thank the donor. 20 at a time.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { reloadOnShow } from '../../../../behaviors/remote-page';
import { donationCard, type DonationCard } from '../../lib/words';
import { call } from '../../../../lib/api';

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    items: [] as DonationCard[],
  },
  methods: {
    async loadPage(offset: number) {
      return pageOf(await call('charity', 'myReceipts', { offset }), (d) => donationCard(d, true));
    },
  },
});

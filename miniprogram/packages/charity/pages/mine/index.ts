/**
 * 我的捐赠: the caller's donations, newest first, each with where it stands and its last step; tap one for its
 * whole timeline, its code and the 核验 button. 20 at a time.
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
      return pageOf(await call('charity', 'myDonations', { offset }), (d) => donationCard(d));
    },
  },
});

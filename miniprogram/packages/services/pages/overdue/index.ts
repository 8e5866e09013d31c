/**
 * 逾期与回访 (admins): orders that need a person — escalated, not accepted by the deadline, not started after
 * their half day began, or checked in outside the agreed time or place (with the staff member's reason, for a
 * week); services done a day ago and not rated (phone the resident); everything still open.
 * 20 at a time; each opens the order, where the admin records the callback or gives the order to a provider.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { orderLine } from '../../lib/lists';
import { call } from '../../../../lib/api';

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    tab: 'overdue',
    tabs: [
      { id: 'overdue', title: '逾期与异常' },
      { id: 'callback', title: '待回访' },
      { id: 'open', title: '进行中' },
    ],
    empty: '这里没有需要处理的订单',
  },
  methods: {
    async loadPage(offset: number, query: PageQuery) {
      const tab = query.tab ?? 'overdue';
      return pageOf(
        await call('services', 'adminOrders', { view: tab as 'overdue' | 'callback' | 'open', offset }),
        orderLine,
        { tab },
      );
    },
    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: string }>) {
      void this.restart({ ...pageQuery(this), tab: e.currentTarget.dataset.tab });
    },
  },
});

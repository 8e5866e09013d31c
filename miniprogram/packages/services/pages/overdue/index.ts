/**
 * 逾期与回访 (admins): orders that need a person — escalated, not accepted by the deadline, not started after
 * their half day began, or checked in outside the agreed time or place (with the staff member's reason, for a
 * week); services done a day ago and not rated (phone the resident); everything still open.
 * 20 at a time; each opens the order, where the admin records the callback or gives the order to a provider.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { listData, loadFirst, loadMore } from '../../lib/lists';
import { call } from '../../../../lib/api';

const load = (tab: string, offset: number) =>
  call('services', 'adminOrders', { view: tab as 'overdue' | 'callback' | 'open', offset });

Component({
  behaviors: [elderModeBehavior],
  data: {
    ...listData('overdue'),
    tabs: [
      { id: 'overdue', title: '逾期与异常' },
      { id: 'callback', title: '待回访' },
      { id: 'open', title: '进行中' },
    ],
    empty: '这里没有需要处理的订单',
  },
  pageLifetimes: {
    show() {
      if (this.data.status === 'ready') loadFirst(this, load, this.data.tab);
    },
  },
  methods: {
    onLoad() {
      loadFirst(this, load, 'overdue');
    },
    onRetry() {
      this.setData({ status: 'loading' });
      loadFirst(this, load, this.data.tab);
    },
    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: string }>) {
      this.setData({ status: 'loading' });
      loadFirst(this, load, e.currentTarget.dataset.tab);
    },
    onMore() {
      loadMore(this, load);
    },
  },
});

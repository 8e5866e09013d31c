/**
 * 服务工单 (provider staff): work orders waiting for the organization (most urgent first), mine to do (soonest
 * first), and done — 20 at a time; each opens the order to accept, decline, check in and check out.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { callServices } from '../../../../lib/services';
import { listData, loadFirst, loadMore } from '../../lib/lists';

const load = (tab: string, offset: number) =>
  callServices('workOrders', { view: tab as 'incoming' | 'mine' | 'done', offset });

Component({
  behaviors: [elderModeBehavior],
  data: {
    ...listData('incoming'),
    tabs: [
      { id: 'incoming', title: '待接单' },
      { id: 'mine', title: '我的工单' },
      { id: 'done', title: '已完成' },
    ],
    empty: '暂时没有工单',
  },
  pageLifetimes: {
    show() {
      if (this.data.status === 'ready') loadFirst(this, load, this.data.tab);
    },
  },
  methods: {
    onLoad() {
      loadFirst(this, load, 'incoming');
    },
    async onPullDownRefresh() {
      await loadFirst(this, load, this.data.tab);
      wx.stopPullDownRefresh?.();
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

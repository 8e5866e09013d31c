/**
 * 我的预约: orders for me, placed by me, or for an elder I am linked to — those still going on (soonest first)
 * and those finished or cancelled — 20 at a time, each opening its timeline.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { listData, loadFirst, loadMore } from '../../lib/lists';
import { call } from '../../../../lib/api';

const load = (tab: string, offset: number) =>
  call('services', 'myOrders', { view: tab === 'done' ? 'done' : 'active', offset });

Component({
  behaviors: [elderModeBehavior],
  data: {
    ...listData('active'),
    tabs: [
      { id: 'active', title: '进行中' },
      { id: 'done', title: '已结束' },
    ],
    empty: '还没有预约，去「社区服务」挑一项吧',
    askUrl: '/packages/services/pages/ask/index',
  },
  pageLifetimes: {
    show() {
      // An order may have changed on its own page.
      if (this.data.status === 'ready') loadFirst(this, load, this.data.tab);
    },
  },
  methods: {
    onLoad() {
      loadFirst(this, load, 'active');
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

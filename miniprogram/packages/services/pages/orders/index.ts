/**
 * 我的预约: orders for me, placed by me, or for an elder I am linked to — those still going on (soonest first)
 * and those finished or cancelled — 20 at a time, each opening its timeline.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { orderLine } from '../../lib/lists';
import { call } from '../../../../lib/api';

Component({
  // Coming back: an order may have changed on its own page.
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    tab: 'active',
    tabs: [
      { id: 'active', title: '进行中' },
      { id: 'done', title: '已结束' },
    ],
    empty: '还没有预约，去「社区服务」挑一项吧',
    askUrl: '/packages/services/pages/ask/index',
  },
  methods: {
    async loadPage(offset: number, query: PageQuery) {
      const tab = query.tab ?? 'active';
      return pageOf(
        await call('services', 'myOrders', { view: tab === 'done' ? 'done' : 'active', offset }),
        orderLine,
        { tab },
      );
    },
    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: string }>) {
      void this.restart({ ...pageQuery(this), tab: e.currentTarget.dataset.tab });
    },
  },
});

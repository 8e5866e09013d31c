/**
 * 正在征集的项目 (organization staff): calls taking bids now, newest first, each saying whether their organization
 * may bid (admitted to that street's pool) — with the way to the pool application when not.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { PROJECT_ROUTES } from '../../lib/routes';
import type { CallListItem } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: { items: [] as CallListItem[], poolUrl: PROJECT_ROUTES.orgPool, myBidsUrl: PROJECT_ROUTES.myBids },
  methods: {
    async loadPage(offset: number) {
      return pageOf(await call('projects', 'listCalls', { view: 'open', offset }), (c) => c);
    },
    onOpen(e: Tap) {
      wx.navigateTo({ url: PROJECT_ROUTES.call(e.currentTarget.dataset.id) });
    },
    onPool() {
      wx.navigateTo({ url: PROJECT_ROUTES.orgPool });
    },
    onMine() {
      wx.navigateTo({ url: PROJECT_ROUTES.myBids });
    },
  },
});

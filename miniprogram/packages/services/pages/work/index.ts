/**
 * 服务工单 (provider staff): work orders waiting for the organization (most urgent first), mine to do (soonest
 * first), and done — 20 at a time; each opens the order to accept, decline, check in and check out. "离我近的排前面"
 * asks for the phone's location once and lists every tab nearest first, with how far each order is.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { orderLine } from '../../lib/lists';
import { call } from '../../../../lib/api';

type Spot = { latitude: number; longitude: number };
type View = 'incoming' | 'mine' | 'done';

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    tab: 'incoming',
    tabs: [
      { id: 'incoming', title: '待接单' },
      { id: 'mine', title: '我的工单' },
      { id: 'done', title: '已完成' },
    ],
    empty: '暂时没有工单',
    byDistance: false,
    location: null as Spot | null,
    locationProblem: '',
  },
  methods: {
    /** A page of a tab: nearest first while sorting by distance and the location is known. */
    async loadPage(offset: number, query: PageQuery) {
      const tab = query.tab ?? 'incoming';
      const location = this.data.byDistance ? this.data.location : null;
      return pageOf(
        await call('services', 'workOrders', {
          view: tab as View,
          offset,
          ...(location ? { location } : {}),
        }),
        orderLine,
        { tab },
      );
    },
    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: string }>) {
      void this.restart({ ...pageQuery(this), tab: e.currentTarget.dataset.tab });
    },
    async onByDistance() {
      if (this.data.byDistance) {
        this.setData({ byDistance: false });
      } else {
        const location = this.data.location ?? (await this.locate());
        if (!location) return;
        this.setData({ byDistance: true, location });
      }
      await this.restart();
    },
    async locate(): Promise<Spot | null> {
      try {
        const loc = await wx.getLocation({ type: 'gcj02' });
        this.setData({ locationProblem: '' });
        return { latitude: loc.latitude, longitude: loc.longitude };
      } catch {
        this.setData({ locationProblem: '没能获取您的位置。允许使用位置后，可以把离您近的工单排在前面。' });
        return null;
      }
    },
  },
});

/**
 * 服务工单 (provider staff): work orders waiting for the organization (most urgent first), mine to do (soonest
 * first), and done — 20 at a time; each opens the order to accept, decline, check in and check out. "离我近的排前面"
 * asks for the phone's location once and lists every tab nearest first, with how far each order is. 今天 (on the
 * move): today's orders in time order, each with how far, the time left to accept, and 接单 / 导航 / 打电话 right in
 * the list (the phone once the order is theirs, as the function reveals it).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { orderLine, todayLine, type TodayLine } from '../../lib/lists';
import { call } from '../../../../lib/api';

type Spot = { latitude: number; longitude: number };
type View = 'incoming' | 'mine' | 'done' | 'today';

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    tab: 'incoming',
    tabs: [
      { id: 'incoming', title: '待接单' },
      { id: 'mine', title: '我的工单' },
      { id: 'done', title: '已完成' },
      { id: 'today', title: '今天' },
    ],
    accepting: '',
    empty: '暂时没有工单',
    byDistance: false,
    location: null as Spot | null,
    locationProblem: '',
  },
  methods: {
    /** A page of a tab: nearest first while sorting by distance and the location is known. */
    async loadPage(offset: number, query: PageQuery) {
      const tab = query.tab ?? 'incoming';
      // Today's list stays in time order; the location (when known) only adds the distances.
      const location = this.data.byDistance || tab === 'today' ? this.data.location : null;
      const reply = await call('services', 'workOrders', {
        view: tab as View,
        offset,
        ...(location ? { location } : {}),
      });
      return tab === 'today' ? pageOf(reply, todayLine, { tab }) : pageOf(reply, orderLine, { tab });
    },
    async onTab(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: string }>,
    ) {
      const tab = e.currentTarget.dataset.tab;
      // On the move: where the staff member is, for the distances (asked once; the list works without it).
      if (tab === 'today' && !this.data.location) {
        const location = await this.locate();
        if (location) this.setData({ location });
      }
      void this.restart({ ...pageQuery(this), tab });
    },
    /** 接单 from today's list: the order then shows its address and phone (the reply reveals them). */
    async onAccept(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const line = this.todayAt(e.currentTarget.dataset.index);
      if (!line || this.data.accepting) return;
      this.setData({ accepting: line.id });
      const reply = await call('services', 'acceptOrder', { orderId: line.id });
      this.setData({ accepting: '' });
      if (!reply.ok) {
        wx.showToast({ title: reply.error.message, icon: 'none' });
        await this.restart();
        return;
      }
      wx.showToast({ title: '已接单', icon: 'success' });
      await this.restart();
    },
    /** 导航: WeChat's map at the order's place. */
    onNavigate(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const line = this.todayAt(e.currentTarget.dataset.index);
      if (!line) return;
      void wx.openLocation({
        latitude: line.latitude,
        longitude: line.longitude,
        name: line.title,
        address: line.address || line.description.split('\n')[1] || '',
        scale: 16,
      });
    },
    onCall(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const line = this.todayAt(e.currentTarget.dataset.index);
      if (line?.phone) void wx.makePhoneCall({ phoneNumber: line.phone });
    },
    todayAt(index: number): TodayLine | undefined {
      return (this.data.items as TodayLine[])[Number(index)];
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

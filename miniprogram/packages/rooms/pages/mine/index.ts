/**
 * 我的活动室预约: coming bookings (soonest first) with the code to show the room's manager — big digits and a QR
 * code to scan — and a cancel button until the deadline; past ones with what happened (checked in, missed,
 * cancelled, the room closed). A pause after no-shows is explained at the top. 20 at a time.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { ROOM_ROUTES } from '../../lib/routes';
import type { BookingView } from '../../lib/views';

type When = 'coming' | 'past';

const EMPTY: Record<When, string> = { coming: '没有要去的预约', past: '还没有去过活动室' };

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    when: 'coming' as When,
    items: [] as BookingView[],
    paused: '',
    emptyText: EMPTY.coming,
    busy: '',
    banner: '',
    listUrl: ROOM_ROUTES.list,
  },
  methods: {
    onLoad(query: PageQuery) {
      const when: When = query.when === 'past' ? 'past' : 'coming';
      this.setData({ when, emptyText: EMPTY[when] });
      void this.reload(query);
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: When }>) {
      const when = e.detail.value;
      this.setData({ when, items: [], emptyText: EMPTY[when], banner: '' });
      void this.restart();
    },
    async loadPage(offset: number) {
      const reply = await call('rooms', 'myBookings', { when: this.data.when, offset });
      return pageOf(reply, (b) => b, reply.ok ? { paused: reply.data.paused ?? '' } : {});
    },
    async onCancel(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      const id = e.currentTarget.dataset.id;
      if (this.data.busy) return;
      const answer = await wx.showModal({
        title: '取消这次预约',
        content: '取消后这个时段会让给别的居民。确定取消吗？',
        confirmText: '确定取消',
        cancelText: '不取消',
      });
      if (!answer.confirm) return;
      this.setData({ busy: id, banner: '' });
      const reply = await call('rooms', 'cancelBooking', { bookingId: id });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已取消', icon: 'none' });
      await this.restart();
    },
  },
});

/**
 * 微心愿管理, for admins: every need within their scope, newest first (open, claimed in full, closed, or all),
 * with its progress, whether its story is held for review, and a button to close one early (with a reason).
 * 20 at a time.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { NeedView } from '../../lib/views';
import { needCard, type NeedCard } from '../../lib/words';
import { call } from '../../../../lib/api';

type State = 'all' | 'open' | 'full' | 'closed';
type Row = NeedCard & { held: boolean; closedReason: string };

const row = (n: NeedView): Row => ({
  ...needCard(n),
  held: Boolean(n.heldForReview),
  closedReason: n.closedReason ?? '',
});

Component({
  behaviors: [elderModeBehavior],
  data: {
    state: 'open' as State,
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    rows: [] as Row[],
    next: null as number | null,
    loadingMore: false,
    busy: '',
  },
  methods: {
    onLoad() {
      void this.fetch(0);
    },
    onRetry() {
      this.setData({ status: 'loading' });
      void this.fetch(0);
    },
    onState(e: WechatMiniprogram.CustomEvent<{ value: State }>) {
      this.setData({ state: e.detail.value, status: 'loading' });
      void this.fetch(0);
    },
    async fetch(offset: number) {
      const reply = await call('charity', 'adminNeeds', { state: this.data.state, offset });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const rows = reply.data.items.map(row);
      this.setData({
        status: 'ready',
        loadingMore: false,
        rows: offset === 0 ? rows : [...this.data.rows, ...rows],
        next: reply.data.next,
      });
    },
    async onMore() {
      if (this.data.next === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetch(this.data.next);
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
    async onClose(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      const id = e.currentTarget.dataset.id;
      const answer = (await wx.showModal({
        title: '关闭这个心愿？',
        content: '已认捐的物品仍会送到。',
        editable: true,
        placeholderText: '原因，如 已由家属解决',
        confirmText: '关闭',
        cancelText: '不关',
      } as WechatMiniprogram.ShowModalOption)) as { confirm: boolean; content?: string };
      if (!answer.confirm) return;
      this.setData({ busy: id });
      const reply = await call('charity', 'closeNeed', {
        needId: id,
        reason: answer.content?.trim() || '已不需要',
      });
      this.setData({ busy: '' });
      if (!reply.ok) {
        wx.showToast({ title: reply.error.message, icon: 'none' });
        return;
      }
      await this.fetch(0);
    },
  },
});

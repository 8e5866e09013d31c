/**
 * 微心愿管理, for admins: every need within their scope, newest first (open, claimed in full, closed, or all),
 * with its progress, whether its story is held for review, and a button to close one early (with a reason).
 * 20 at a time.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type NeedView } from '../../lib/views';
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
  behaviors: [elderModeBehavior, pagedList],
  data: {
    state: 'open' as State,
    items: [] as Row[],
    busy: '',
  },
  methods: {
    onState(e: WechatMiniprogram.CustomEvent<{ value: State }>) {
      this.setData({ state: e.detail.value });
      void this.restart();
    },
    async loadPage(offset: number) {
      return pageOf(await call('charity', 'adminNeeds', { state: this.data.state, offset }), row);
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
      await this.reload();
    },
  },
});

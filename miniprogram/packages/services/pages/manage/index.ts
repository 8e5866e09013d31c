/**
 * 审核菜单 (政府定菜, admins): items the organizations proposed wait here for approval (or a rejection with a
 * reason); items on the menu can be retired, retired ones put back. 20 at a time. Organizations' staff opening
 * it see their own items and how their proposals were decided.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery } from '../../../../behaviors/remote-page';
import { type ItemAdminView } from '../../../../lib/services';
import { call } from '../../../../lib/api';
import { currentUser, ensureSession } from '../../../../lib/session';

type Status = 'proposed' | 'approved' | 'retired' | 'rejected';

/** An item as a card. */
interface ItemBox {
  id: string;
  name: string;
  line1: string;
  line2: string;
  description: string;
  last: string;
}

function itemBox(i: ItemAdminView): ItemBox {
  const last = i.history[i.history.length - 1];
  return {
    id: i.id,
    name: `${i.category} · ${i.name}`,
    line1: `${i.orgNames.join('、')} · ${i.priceText}`,
    line2: `${i.eligibilityText} · ${i.communityIds.length} 个社区 · 每个时段 ${i.capacityPerSlot} 单`,
    description: i.description,
    last: last ? `${last.byName}${last.note ? `：${last.note}` : ''}` : '',
  };
}

Component({
  behaviors: [elderModeBehavior, pagedList],
  data: {
    tab: 'proposed' as Status,
    tabs: [
      { id: 'proposed', title: '待审核' },
      { id: 'approved', title: '已上架' },
      { id: 'retired', title: '已下架' },
      { id: 'rejected', title: '未通过' },
    ],
    items: [] as ItemBox[],
    reasons: {} as Record<string, string>,
    busy: '',
    /** Only an admin decides; staff see their organization's items and how they were decided, no buttons. */
    canDecide: false,
  },
  methods: {
    async loadPage(offset: number, query: PageQuery) {
      const tab = (query.tab ?? 'proposed') as Status;
      if (!currentUser()) await ensureSession();
      const canDecide = (currentUser()?.roles ?? []).some((r) => r.role === 'admin');
      if (canDecide !== this.data.canDecide) this.setData({ canDecide });
      return pageOf(await call('services', 'itemsToManage', { status: tab, offset }), itemBox, { tab });
    },
    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: Status }>) {
      void this.restart({ ...pageQuery(this), tab: e.currentTarget.dataset.tab });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { id: string }>) {
      this.setData({ [`reasons.${e.currentTarget.dataset.id}`]: e.detail.value });
    },
    async onDecide(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { id: string; decision: 'approve' | 'reject' | 'retire' | 'restore' }
      >,
    ) {
      const { id, decision } = e.currentTarget.dataset;
      if (this.data.busy) return;
      const reason = (this.data.reasons[id] ?? '').trim();
      if (decision === 'reject' && !reason) {
        wx.showToast({ title: '请写明不通过的原因', icon: 'none' });
        return;
      }
      this.setData({ busy: id });
      const reply = await call('services', 'reviewItem', { itemId: id, decision, reason });
      this.setData({ busy: '' });
      if (!reply.ok) {
        wx.showModal({ title: '没有成功', content: reply.error.message, showCancel: false });
        return;
      }
      wx.showToast({ title: reply.data.statusText, icon: 'success' });
      this.setData({ items: this.data.items.filter((i) => i.id !== id) });
    },
  },
});

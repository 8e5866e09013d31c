/**
 * 慈善超市工作台, for the supermarket's staff (and admins of its street): the supermarket they run, its work in
 * four lists — pledges expected, general stock to allocate, items to send out, items on their way — and one big
 * button to scan a donor's code at the counter. 20 at a time; tap an item for its page and next steps.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { refusal } from '../../../../lib/page-state';
import { type SupermarketView } from '../../lib/views';
import { donationCard, type DonationCard } from '../../lib/words';
import { dayText } from '../../../../shared/calendar';
import { call } from '../../../../lib/api';

type Stage = 'expected' | 'toAllocate' | 'toDispatch' | 'inDelivery';

/** A work item: the card plus what the staff need at a glance. */
type WorkCard = DonationCard & { note: string };

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    supermarkets: [] as SupermarketView[],
    supermarketId: '',
    stage: 'expected' as Stage,
    items: [] as WorkCard[],
  },
  methods: {
    onLoad(query: PageQuery) {
      const stage = (['expected', 'toAllocate', 'toDispatch', 'inDelivery'] as Stage[]).find(
        (s) => s === query.stage,
      );
      if (stage) this.setData({ stage });
      void this.reload(query);
    },
    /** The supermarkets the caller works for, then the first page of the chosen one's queue. */
    async load(): Promise<LoadResult> {
      const reply = await call('charity', 'supermarkets', { mine: true });
      if (!reply.ok) return reply;
      if (reply.data.length === 0) {
        return refusal('您还不是慈善超市的工作人员。请街道管理员把您的机构设为超市的运营机构。');
      }
      const keep = reply.data.some((s) => s.id === this.data.supermarketId);
      const supermarketId = keep ? this.data.supermarketId : reply.data[0]!.id;
      this.setData({ supermarkets: reply.data, supermarketId });
      const queue = await this.loadPage(0);
      return queue.ok ? { ok: true, data: { ...queue.data, loadingMore: false } } : queue;
    },
    onSupermarket(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      this.setData({ supermarketId: e.currentTarget.dataset.id });
      void this.restart();
    },
    onStage(e: WechatMiniprogram.CustomEvent<{ value: Stage }>) {
      this.setData({ stage: e.detail.value, items: [] });
      void this.restart();
    },
    async loadPage(offset: number) {
      const reply = await call('charity', 'staffQueue', {
        supermarketId: this.data.supermarketId,
        stage: this.data.stage,
        offset,
      });
      return pageOf(reply, (d) => ({
        ...donationCard(d),
        note:
          d.status === 'pledged'
            ? `约定 ${dayText(d.pledgeBy)} 前送到 · 捐赠人 ${d.donor}`
            : d.contact
              ? `由您配送：${d.contact.name}，${d.contact.address}`
              : '',
      }));
    },
    onScan() {
      wx.navigateTo({ url: `/packages/charity/pages/receive/index?scan=1` });
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});

/**
 * 库存与对账, for a supermarket's staff and its street's admins: every item on hand — received minus delivered
 * (from the chains), what the donations' status puts on the shelf, and the last count — with mismatches marked
 * in red, donations whose records disagree listed, and a stocktake: type what is on the shelf and save it.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { timeText } from '../../lib/words';
import { call } from '../../../../lib/api';

interface Line {
  key: string;
  item: string;
  unit: string;
  received: number;
  delivered: number;
  expected: number;
  onShelf: number;
  counted: string;
  countedAt: string;
  flags: string;
  bad: boolean;
  count: string;
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    id: '',
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    balanced: true,
    lines: [] as Line[],
    flagged: [] as { donationId: string; reason: string }[],
    at: '',
    counting: false,
    saving: false,
    saveError: '',
    takeKey: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.load();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      void this.load();
    },
    async load() {
      const reply = await call('charity', 'reconciliation', { supermarketId: this.data.id });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message });
        return;
      }
      const r = reply.data;
      this.setData({
        status: 'ready',
        balanced: r.balanced,
        at: timeText(r.at),
        flagged: r.flaggedDonations.slice(0, 20).map((f) => ({
          donationId: f.donationId,
          reason: f.reason.startsWith('chain') ? '记录链被改动过' : '状态与记录不符',
        })),
        lines: r.lines.map((l, i) => ({
          key: `${i}`,
          item: l.item,
          unit: l.unit,
          received: l.received,
          delivered: l.delivered,
          expected: l.expected,
          onShelf: l.onShelf,
          counted: l.counted === undefined ? '未盘点' : `${l.counted}`,
          countedAt: l.countedAt ? timeText(l.countedAt) : '',
          flags: l.flags
            .map((f) => (f === 'count-mismatch' ? '盘点数与账面不符' : '状态与记录不符'))
            .join('，'),
          bad: l.flags.length > 0,
          count: `${l.expected}`,
        })),
      });
    },
    onStartCount() {
      this.setData({ counting: true, saveError: '' });
    },
    onCount(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
      const index = Number((e.currentTarget as unknown as { dataset: { index: number } }).dataset.index);
      this.setData({ [`lines[${index}].count`]: e.detail.value.replace(/\D/g, '') });
    },
    async onSaveCount() {
      if (this.data.saving) return;
      const counts = this.data.lines.map((l) => ({
        item: l.item,
        unit: l.unit,
        counted: Number(l.count || 0),
      }));
      if (counts.length === 0) return;
      this.setData({ saving: true, saveError: '' });
      const key = this.data.takeKey || newIdempotencyKey();
      this.setData({ takeKey: key });
      const reply = await call('charity', 'recordStocktake', {
        supermarketId: this.data.id,
        counts,
        idempotencyKey: key,
      });
      if (!reply.ok) {
        this.setData({ saving: false, saveError: reply.error.message });
        return;
      }
      this.setData({ saving: false, counting: false, takeKey: '' });
      await this.load();
    },
  },
});

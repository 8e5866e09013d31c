/**
 * 库存与对账, for a supermarket's staff and its street's admins: every item on hand — received minus delivered
 * (from the chains), what the donations' status puts on the shelf, and the last count — with mismatches marked
 * in red, donations whose records disagree listed, and a stocktake: type what is on the shelf and save it;
 * 导出表格 hands the lines to the street office as a spreadsheet.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { dayClockText } from '../../../../shared/calendar';
import { STOCK_FLAG_NAMES } from '../../../../shared/choices';
import { exportSheet } from '../../../../lib/sheet';
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
  behaviors: [elderModeBehavior, remotePage],
  data: {
    id: '',
    balanced: true,
    lines: [] as Line[],
    flagged: [] as { donationId: string; reason: string }[],
    at: '',
    counting: false,
    saving: false,
    saveError: '',
    takeKey: '',
    exporting: false,
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('charity', 'reconciliation', { supermarketId: this.data.id });
      if (!reply.ok) return reply;
      const r = reply.data;
      return {
        ok: true,
        data: {
          balanced: r.balanced,
          at: dayClockText(r.at),
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
            countedAt: l.countedAt ? dayClockText(l.countedAt) : '',
            flags: l.flags.map((f) => STOCK_FLAG_NAMES[f]).join('，'),
            bad: l.flags.length > 0,
            count: `${l.expected}`,
          })),
        },
      };
    },
    /** 导出表格: these lines, with the totals and the verdict on top, as a spreadsheet for the street office. */
    onExport() {
      return exportSheet(this, () =>
        call('charity', 'exportReconciliation', { supermarketId: this.data.id }),
      );
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
      await this.reload();
    },
  },
});

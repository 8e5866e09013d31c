/**
 * 公示账本, open to everyone: statistics by month and kind of item (a bar chart), every donation's masked chain
 * (20 at a time, each with its steps and its latest record number), and the daily digests — the published
 * fingerprint of all chains each day, chained to the day before, so a rewrite of history would show.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { StatsView } from '../../lib/views';
import { dateText, donationCard, shortHash, type DonationCard } from '../../lib/words';
import { call } from '../../../../lib/api';

type Tab = 'stats' | 'ledger' | 'digests';

interface MonthBar {
  month: string;
  label: string;
  donations: number;
  delivered: number;
  height: number;
  deliveredHeight: number;
}

interface KindLine {
  label: string;
  donations: number;
  units: number;
  width: number;
}

interface DigestLine {
  date: string;
  count: number;
  root: string;
  hash: string;
}

/** Bars for the chart and lines per kind, from the statistics. */
function chart(s: StatsView): { bars: MonthBar[]; kinds: KindLine[] } {
  const byMonth = s.months.map((month) => {
    const cells = s.cells.filter((c) => c.month === month);
    return {
      month,
      donations: cells.reduce((t, c) => t + c.donations, 0),
      delivered: cells.reduce((t, c) => t + c.delivered, 0),
    };
  });
  const top = Math.max(1, ...byMonth.map((m) => m.donations));
  const bars = byMonth.map((m) => ({
    ...m,
    label: `${Number(m.month.slice(5))}月`,
    height: Math.round((m.donations / top) * 240),
    deliveredHeight: Math.round((m.delivered / top) * 240),
  }));
  const kindsMap = new Map<string, KindLine>();
  for (const c of s.cells) {
    const k = kindsMap.get(c.label) ?? { label: c.label, donations: 0, units: 0, width: 0 };
    k.donations += c.donations;
    k.units += c.units;
    kindsMap.set(c.label, k);
  }
  const kinds = [...kindsMap.values()].sort((a, b) => b.donations - a.donations);
  const most = Math.max(1, ...kinds.map((k) => k.donations));
  for (const k of kinds) k.width = Math.round((k.donations / most) * 100);
  return { bars, kinds };
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    tab: 'stats' as Tab,
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    totals: null as StatsView['totals'] | null,
    bars: [] as MonthBar[],
    kinds: [] as KindLine[],
    cards: [] as DonationCard[],
    next: null as number | null,
    loadingMore: false,
    digests: [] as DigestLine[],
    digestsIntact: true,
    brokenDate: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = (['stats', 'ledger', 'digests'] as Tab[]).find((t) => t === query.tab) ?? 'stats';
      this.setData({ tab });
      void this.load();
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      this.setData({ tab: e.detail.value, status: 'loading' });
      void this.load();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      void this.load();
    },
    async load() {
      if (this.data.tab === 'stats') {
        const reply = await call('charity', 'stats', { months: 6 });
        if (!reply.ok) return this.fail(reply.error.message);
        this.setData({ status: 'ready', totals: reply.data.totals, ...chart(reply.data) });
      } else if (this.data.tab === 'ledger') {
        await this.fetch(0);
      } else {
        const reply = await call('charity', 'digests', {});
        if (!reply.ok) return this.fail(reply.error.message);
        this.setData({
          status: 'ready',
          digests: reply.data.items.map((d) => ({
            date: dateText(`${d.date}T12:00:00+08:00`),
            count: d.count,
            root: shortHash(d.root),
            hash: shortHash(d.hash),
          })),
          digestsIntact: reply.data.chainIntact,
          brokenDate: reply.data.firstBrokenDate
            ? dateText(`${reply.data.firstBrokenDate}T12:00:00+08:00`)
            : '',
        });
      }
    },
    fail(message: string) {
      this.setData({ status: 'error', errorMessage: message, loadingMore: false });
    },
    async fetch(offset: number) {
      const reply = await call('charity', 'ledger', { offset });
      if (!reply.ok) return this.fail(reply.error.message);
      const cards = reply.data.items.map((d) => donationCard(d));
      this.setData({
        status: 'ready',
        loadingMore: false,
        cards: offset === 0 ? cards : [...this.data.cards, ...cards],
        next: reply.data.next,
      });
    },
    async onMore() {
      if (this.data.next === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetch(this.data.next);
    },
  },
});

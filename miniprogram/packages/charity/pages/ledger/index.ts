/**
 * 公示账本, open to everyone: statistics by month and kind of item (a bar chart), every donation's masked chain
 * (20 at a time, each with its steps and its latest record number), and the daily digests — the published
 * fingerprint of all chains each day, chained to the day before, so a rewrite of history would show.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type LoadResult, type PageQuery } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { type StatsView } from '../../lib/views';
import { donationCard, shortHash, type DonationCard } from '../../lib/words';
import { dateKeyText, shortMonthText } from '../../../../shared/calendar';
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
    label: shortMonthText(m.month),
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
  behaviors: [elderModeBehavior, pagedList],
  data: {
    tab: 'stats' as Tab,
    totals: null as StatsView['totals'] | null,
    bars: [] as MonthBar[],
    kinds: [] as KindLine[],
    items: [] as DonationCard[],
    digests: [] as DigestLine[],
    digestsIntact: true,
    brokenDate: '',
  },
  methods: {
    onLoad(query: PageQuery) {
      const tab = (['stats', 'ledger', 'digests'] as Tab[]).find((t) => t === query.tab) ?? 'stats';
      this.setData({ tab });
      void this.reload(query);
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      this.setData({ tab: e.detail.value });
      void this.restart();
    },
    /** The tab's data: the statistics, the ledger's first page, or the daily digests. */
    async load(query: PageQuery): Promise<LoadResult> {
      if (this.data.tab === 'stats') {
        return mapReply(await call('charity', 'stats', { months: 6 }), (stats) => ({
          totals: stats.totals,
          ...chart(stats),
        }));
      }
      if (this.data.tab === 'ledger') {
        const first = await this.loadPage(0, query);
        return first.ok ? { ok: true, data: { ...first.data, loadingMore: false } } : first;
      }
      return mapReply(await call('charity', 'digests', {}), (digests) => ({
        digests: digests.items.map((d) => ({
          date: dateKeyText(d.date),
          count: d.count,
          root: shortHash(d.root),
          hash: shortHash(d.hash),
        })),
        digestsIntact: digests.chainIntact,
        brokenDate: digests.firstBrokenDate ? dateKeyText(digests.firstBrokenDate) : '',
      }));
    },
    async loadPage(offset: number, _query: PageQuery) {
      return pageOf(await call('charity', 'ledger', { offset }), (d) => donationCard(d));
    },
  },
});

/**
 * 投票结果: the ranking with each proposal's votes as a bar, the budget used, who is funded and why, and the
 * published tie-break rule. Before publication an admin checks the computed awards, may fund or drop a proposal
 * with a reason everyone will read (the total must stay within the budget), and publishes.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { refusal } from '../../../../lib/page-state';
import { PAGES, type ResultsView, type RoundView } from '../../lib/views';
import { yuan } from '../../lib/words';
import { fullDayText } from '../../../../shared/calendar';
import { PROPOSAL_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

/** A result line as the page shows it. */
interface Line {
  id: string;
  rank: string;
  title: string;
  votes: string;
  percent: number;
  budget: string;
  budgetYuan: number;
  funded: boolean | null;
  reason: string;
  /** Admin: changed from the computed outcome, with the reason typed. */
  changed: boolean;
  changeReason: string;
  url: string;
}

function lines(r: ResultsView, roundId: string): Line[] {
  return r.entries.map((e) => ({
    id: e.proposalId,
    rank: e.tied ? `第 ${e.position} 名（${e.votes} 票并列）` : `第 ${e.position} 名`,
    title: e.title,
    votes: `${e.votes} 票`,
    percent: r.chart.find((c) => c.proposalId === e.proposalId)?.percent ?? 0,
    budget: yuan(e.budget),
    budgetYuan: e.budget,
    funded: e.funded === undefined ? null : e.funded,
    reason: e.reason ?? '',
    changed: false,
    changeReason: '',
    url: `${PAGES}/proposal/index?roundId=${roundId}&proposalId=${e.proposalId}`,
  }));
}

/** The budget the (possibly adjusted) awards use, and whether it is over the round's. */
function budgetUsed(ls: Line[], totalYuan: number): { used: string; over: boolean } {
  const used = ls.reduce((t, l) => t + (l.funded ? l.budgetYuan : 0), 0);
  const anyKnown = ls.some((l) => l.funded !== null);
  return { used: anyKnown ? yuan(used) : '', over: used > totalYuan };
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    roundId: '',
    title: '',
    version: 0,
    published: false,
    publishedAt: '',
    canPublish: false,
    voters: 0,
    total: '',
    totalYuan: 0,
    used: '',
    over: false,
    tieBreak: '',
    awardRule: '',
    lines: [] as Line[],
    busy: false,
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { reason: PROPOSAL_LIMITS.decisionReasonMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ roundId: query.roundId ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('proposals', 'getRound', { roundId: this.data.roundId });
      if (!reply.ok) return reply;
      const r: RoundView = reply.data;
      if (!r.results) return refusal('投票结束、计票完成后才有结果', 'NOT_FOUND');
      const ls = lines(r.results, r.id);
      return {
        ok: true,
        data: {
          title: r.title,
          version: r.version,
          published: r.results.published,
          publishedAt: r.results.publishedAt ? fullDayText(r.results.publishedAt) : '',
          canPublish: r.me.isAdmin && !r.results.published,
          voters: r.results.voters,
          total: yuan(r.totalBudget),
          totalYuan: r.totalBudget,
          tieBreak: r.results.tieBreak.text,
          awardRule: r.results.awardRule,
          lines: ls,
          ...budgetUsed(ls, r.totalBudget),
        },
      };
    },
    /** Shows the budget the (possibly adjusted) awards use. */
    sum() {
      this.setData(budgetUsed(this.data.lines, this.data.totalYuan));
    },
    onToggle(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const i = e.currentTarget.dataset.index;
      const ls = this.data.lines.map((l, k) =>
        k === i ? { ...l, funded: !l.funded, changed: !l.changed, changeReason: '' } : l,
      );
      this.setData({ lines: ls });
      this.sum();
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
      const i = e.currentTarget.dataset.index;
      this.setData({ [`lines[${i}].changeReason`]: e.detail.value });
    },
    async onPublish() {
      if (this.data.busy) return;
      const changed = this.data.lines.filter((l) => l.changed);
      if (changed.some((l) => l.changeReason.trim() === '')) {
        wx.showModal({
          title: '请写明理由',
          content: '调整资助的每个提案都要写理由，所有居民都会看到。',
          showCancel: false,
        });
        return;
      }
      if (this.data.over) {
        wx.showModal({
          title: '超出预算了',
          content: `资助合计不能超过本期预算 ${this.data.total}。`,
          showCancel: false,
        });
        return;
      }
      const { confirm } = await wx.showModal({
        title: '公布结果？',
        content: '公布后不能再改，提案人会收到通知。',
        confirmText: '公布',
        cancelText: '再看看',
      });
      if (!confirm) return;
      this.setData({ busy: true });
      const reply = await call('proposals', 'publishResults', {
        roundId: this.data.roundId,
        expectedVersion: this.data.version,
        decisions: changed.map((l) => ({
          proposalId: l.id,
          funded: Boolean(l.funded),
          reason: l.changeReason.trim(),
        })),
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        wx.showModal({ title: '没有公布成功', content: reply.error.message, showCancel: false });
        return;
      }
      wx.showToast({ title: '已公布', icon: 'success' });
      await this.reload();
    },
  },
});

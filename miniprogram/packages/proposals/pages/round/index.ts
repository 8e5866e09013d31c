/**
 * 这一期: what the round is for, its rules (budget, proposals per person, how voting works, the published
 * tie-break), its timeline, and the one thing the caller can do now — propose, vote (with the votes they have
 * left), see the results or the accounts. Admins also reach screening, settings and publication from here.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { PAGES, type RoundView } from '../../lib/views';
import { PHASE_THEMES, quotaWords, voteModeWords, yuan } from '../../lib/words';
import { dayText } from '../../../../shared/calendar';
import { call } from '../../../../lib/api';

/** The round as the page shows it. */
interface View {
  id: string;
  title: string;
  scope: string;
  phase: string;
  phaseTheme: string;
  description: string;
  rules: { label: string; value: string }[];
  steps: { label: string; dates: string; status: string }[];
  current: number;
  tieBreak: string;
  awardRule: string;
  /** The main button: text and page, or none. */
  primary: { text: string; url: string } | null;
  quota: string;
  block: string;
  proposals: number;
  isAdmin: boolean;
  /** Admins: requests to abandon or reduce a funded project, waiting. */
  pendingChanges: RoundView['me']['pendingChanges'];
  canEdit: boolean;
  toScreen: number;
  toPublish: boolean;
  hasResults: boolean;
  hasAccounts: boolean;
}

function view(r: RoundView): View {
  const s = r.settings;
  const base = `${PAGES}`;
  const total = Object.values(r.counts).reduce((a, b) => a + (b ?? 0), 0);
  let primary: View['primary'] = null;
  let block = '';
  if (r.phase === 'collecting') {
    if (r.me.canPropose) primary = { text: '我要提提案', url: `${base}/propose/index?roundId=${r.id}` };
    else block = r.me.proposeBlock ?? '';
  } else if (r.phase === 'voting') {
    if (r.me.canVote) primary = { text: '去投票', url: `${base}/proposals/index?roundId=${r.id}` };
    else block = r.me.voteBlock ?? '';
  } else if (r.results) {
    primary = { text: '看投票结果', url: `${base}/results/index?roundId=${r.id}` };
  }
  const steps = r.timeline.map((t) => ({
    label: t.label,
    dates: t.from ? `${dayText(t.from)}${t.until ? ` — ${dayText(t.until)}` : ' 起'}` : '',
    status: t.state === 'done' ? 'finish' : t.state === 'current' ? 'process' : 'default',
  }));
  return {
    id: r.id,
    title: r.title,
    scope: r.scopeName,
    phase: r.phaseLabel,
    phaseTheme: PHASE_THEMES[r.phase],
    description: r.description,
    rules: [
      { label: '本期总预算', value: yuan(r.totalBudget) },
      { label: '每个提案', value: `${yuan(s.minBudget)} — ${yuan(s.maxBudget)}` },
      { label: '每人最多提', value: `${s.perAuthor} 个提案` },
      { label: '实施时间', value: `不超过 ${s.maxMonths} 个月` },
      { label: '怎么投票', value: voteModeWords(r.voteMode, s.approvalLimit, r.totalBudget) },
      { label: '票数', value: s.showTallies ? '投票期间公开' : '投票结束后公开' },
    ],
    steps,
    current: Math.max(
      0,
      r.timeline.findIndex((t) => t.state === 'current'),
    ),
    tieBreak: r.tieBreak.text,
    awardRule: r.awardRule,
    primary,
    quota: r.phase === 'voting' && r.me.ballot ? quotaWords(r.me.ballot) : '',
    block,
    proposals: total,
    isAdmin: r.me.isAdmin,
    pendingChanges: r.me.pendingChanges,
    canEdit: r.me.isAdmin && !r.frozen,
    toScreen: r.phase === 'screening' ? (r.counts.submitted ?? 0) : 0,
    toPublish: r.me.isAdmin && Boolean(r.results && !r.results.published),
    hasResults: Boolean(r.results),
    hasAccounts: r.phase === 'in_progress' || r.phase === 'closed',
  };
}

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    roundId: '',
    v: null as View | null,
  },
  methods: {
    onLoad(query: PageQuery) {
      // `id`, or `roundId` as the other proposals pages (and links from elsewhere) name it.
      this.setData({ roundId: query.id ?? query.roundId ?? '' });
      void this.reload(query);
    },
    async load() {
      const reply = await call('proposals', 'getRound', { roundId: this.data.roundId });
      if (reply.ok) wx.setNavigationBarTitle?.({ title: reply.data.title });
      return mapReply(reply, (r) => ({ v: view(r) }));
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});

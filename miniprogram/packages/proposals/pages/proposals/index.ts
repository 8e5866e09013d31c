/**
 * 提案: a round's proposals, 20 at a time — newest first, most voted (where votes may be seen) or smallest budget
 * first — filtered by status. During voting the voter's remaining votes show on top and each card says whether
 * they support it. Admins land here filtered to 待预审 to screen.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { PAGES, type ProposalCard, type StatusFilter } from '../../lib/views';
import { quotaWords, STATUS_THEMES, yuan } from '../../lib/words';
import { call } from '../../../../lib/api';

type Sort = 'newest' | 'votes' | 'budget';

/** A proposal as the list shows it. */
interface Card {
  id: string;
  title: string;
  summary: string;
  budget: string;
  author: string;
  status: string;
  theme: string;
  votes: string;
  voted: boolean;
  held: boolean;
  mine: boolean;
  cover: string;
  url: string;
}

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'submitted', label: '待预审' },
  { value: 'accepted', label: '已通过' },
  { value: 'funded', label: '获得资助' },
  { value: 'rejected', label: '未通过' },
  { value: 'withdrawn', label: '已撤回' },
];

function card(p: ProposalCard): Card {
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    budget: yuan(p.budget),
    author: p.authorName,
    status: p.statusLabel,
    theme: STATUS_THEMES[p.status],
    votes: p.votes === undefined ? '' : `${p.votes} 票`,
    voted: p.voted,
    held: Boolean(p.heldForReview),
    mine: p.mine,
    cover: p.cover ?? '',
    url: `${PAGES}/proposal/index?roundId=${p.roundId}&proposalId=${p.id}`,
  };
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    roundId: '',
    roundTitle: '',
    quota: '',
    sort: 'newest' as Sort,
    filter: 'all' as StatusFilter,
    filters: FILTERS,
    sortNote: '',
    cards: [] as Card[],
    next: null as number | null,
    loadingMore: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const filter = FILTERS.find((f) => f.value === query.status)?.value ?? 'all';
      this.setData({ roundId: query.roundId ?? '', filter });
      this.reload();
    },
    onShow() {
      // Back from a proposal (a vote cast or taken back): show the list as it is now.
      if (this.data.status === 'ready') this.reload();
    },
    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh?.();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.reload();
    },
    onSort(e: WechatMiniprogram.CustomEvent<{ value: Sort }>) {
      this.setData({ sort: e.detail.value, status: 'loading' });
      this.fetch(0);
    },
    onFilter(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: StatusFilter }>,
    ) {
      this.setData({ filter: e.currentTarget.dataset.value, status: 'loading' });
      this.fetch(0);
    },
    async reload() {
      const round = await call('proposals', 'getRound', { roundId: this.data.roundId });
      if (!round.ok) {
        this.setData({ status: 'error', errorMessage: round.error.message });
        return;
      }
      const r = round.data;
      this.setData({
        roundTitle: r.title,
        quota: r.phase === 'voting' && r.me.canVote && r.me.ballot ? quotaWords(r.me.ballot) : '',
      });
      await this.fetch(0);
    },
    async fetch(offset: number) {
      const reply = await call('proposals', 'listProposals', {
        roundId: this.data.roundId,
        sort: this.data.sort,
        status: this.data.filter,
        offset,
      });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const cards = reply.data.items.map(card);
      this.setData({
        status: 'ready',
        loadingMore: false,
        sortNote:
          this.data.sort === 'votes' && !reply.data.votesShown
            ? '这一期投票结束前不公开票数，先按提交时间排列。'
            : '',
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
